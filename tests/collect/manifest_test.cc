// Tests for manifest.json rendering.
#include "collect/manifest.h"

#include <gtest/gtest.h>

#include "base/json.h"

namespace iamwarden::collect {
namespace {

TEST(Manifest, RendersTheDocumentedShape) {
  Manifest m;
  m.account_id = "111122223333";
  m.partition = "aws";
  m.collected_at = "2026-11-28T12:00:00Z";
  m.tool = "iamwarden collect 0.1.0";
  m.regions = {"eu-west-1", "us-east-1"};
  m.files["password-policy.json"] = {FileStatus::kNotFound, "aws iam get-account-password-policy", "NoSuchEntity"};
  m.files["authorization-details.json"] = {FileStatus::kOk, "aws iam get-account-authorization-details", ""};
  m.files["organizations/organization.json"] = {FileStatus::kFailed, "aws organizations describe-organization",
                                                "AccessDeniedException: \"no\""};
  EXPECT_EQ(m.count(FileStatus::kOk), 1u);
  std::string json = m.to_json();
  Result<JsonDocument> doc = parse_json(json, "manifest.json");
  ASSERT_TRUE(doc.ok()) << json;
  EXPECT_EQ(doc->root.find("accountId")->text, "111122223333");
  EXPECT_EQ(doc->root.find("regions")->items.size(), 2u);
  const JsonNode* files = doc->root.find("files");
  ASSERT_EQ(files->members.size(), 3u);
  EXPECT_EQ(files->members[0].key, "authorization-details.json");  // path order
  EXPECT_EQ(files->members[0].value.find("error"), nullptr);
  const JsonNode* org = files->find("organizations/organization.json");
  EXPECT_EQ(org->find("status")->text, "failed");
  EXPECT_EQ(org->find("error")->text, "AccessDeniedException: \"no\"");
  EXPECT_EQ(files->find("password-policy.json")->find("status")->text, "not_found");
}

TEST(Manifest, EmptyFilesAndTime) {
  Manifest m;
  EXPECT_TRUE(parse_json(m.to_json(), "m").ok());
  std::string now = utc_now_iso8601();
  EXPECT_EQ(now.size(), 20u);
  EXPECT_EQ(now.back(), 'Z');
}

}  // namespace
}  // namespace iamwarden::collect
