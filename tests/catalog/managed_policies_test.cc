// AWS-managed policies: resolving by name and ARN, and reading their documents.
#include "catalog/managed_policies.h"

#include <gtest/gtest.h>

#include "base/json.h"
#include "catalog/gunzip.h"
#include "catalog/pretty_json.h"

namespace iamwarden::catalog {
namespace {

const ManagedPolicies& policies() {
  static const ManagedPolicies instance = [] {
    Result<ManagedPolicies> loaded = load_managed_policies();
    EXPECT_TRUE(loaded.ok());
    return loaded.take();
  }();
  return instance;
}

TEST(ManagedPolicies, ResolvesByNameAndArn) {
  EXPECT_GT(policies().all().size(), 1000u);
  const ManagedPolicy* by_name = policies().find("ReadOnlyAccess");
  ASSERT_NE(by_name, nullptr);
  EXPECT_EQ(by_name->arn, "arn:aws:iam::aws:policy/ReadOnlyAccess");
  EXPECT_EQ(by_name->path, "/");
  EXPECT_EQ(policies().find("arn:aws:iam::aws:policy/ReadOnlyAccess"), by_name);
  EXPECT_EQ(policies().find("readonlyaccess"), by_name);
  EXPECT_EQ(policies().find("NoSuchPolicy"), nullptr);
  EXPECT_EQ(policies().find("arn:aws:iam::123456789012:policy/ReadOnlyAccess"), nullptr);
}

TEST(ManagedPolicies, ChecksThePathOfAnArn) {
  const ManagedPolicy* lambda = policies().find("AWSLambdaBasicExecutionRole");
  ASSERT_NE(lambda, nullptr);
  EXPECT_EQ(lambda->path, "/service-role/");
  EXPECT_EQ(policies().find("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"), lambda);
  EXPECT_EQ(policies().find("arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole"), nullptr);
}

TEST(ManagedPolicies, DocumentsAreJson) {
  const ManagedPolicy* admin = policies().find("AdministratorAccess");
  ASSERT_NE(admin, nullptr);
  Result<JsonDocument> doc = parse_json(admin->document, admin->arn);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(pretty_json(doc->root),
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
            "      \"Action\": \"*\",\n      \"Resource\": \"*\"\n    }\n  ]\n}");
}

TEST(ManagedPolicies, MalformedDataNamesFileAndPointer) {
  Result<ManagedPolicies> bad =
      ManagedPolicies::from_json(R"({"policies":[{"name":"A","arn":"x","path":"/","version":"v1","document":{}},)"
                                 R"({"name":"B"}]})",
                                 "data/managed-policies.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().loc.file, "data/managed-policies.json");
  EXPECT_EQ(bad.error().loc.json_pointer, "/policies/1");
}

TEST(Gunzip, RejectsGarbage) {
  EXPECT_FALSE(gunzip("not gzip at all, clearly", "test").ok());
  EXPECT_FALSE(gunzip("", "test").ok());
}

}  // namespace
}  // namespace iamwarden::catalog
