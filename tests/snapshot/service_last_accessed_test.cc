// service-last-accessed/: Access Advisor reports, wrapped with their ARN or named by it, per entity.
#include <gtest/gtest.h>

#include <string>

#include "base/json.h"
#include "snapshot/load_files.h"
#include "snapshot/snapshot.h"
#include "snapshot/summary.h"
#include "scratch_dir.h"

namespace iamwarden::snapshot {
namespace {

std::string account1() { return std::string(IAMWARDEN_SOURCE_DIR) + "/tests/snapshot/data/account1"; }

constexpr std::string_view kUsers = R"({"UserDetailList": [
  {"UserName": "alice", "UserId": "AIDAEXAMPLEALICE00001", "Arn": "arn:aws:iam::111122223333:user/alice", "Path": "/"},
  {"UserName": "a_b", "UserId": "AIDAEXAMPLEAB00000001", "Arn": "arn:aws:iam::111122223333:user/a_b", "Path": "/"},
  {"UserName": "b", "UserId": "AIDAEXAMPLEB000000001", "Arn": "arn:aws:iam::111122223333:user/a/b", "Path": "/a/"}]})";

constexpr std::string_view kCompleted = R"({"JobStatus": "COMPLETED", "ServicesLastAccessed": [
  {"ServiceName": "Amazon S3", "ServiceNamespace": "s3", "TotalAuthenticatedEntities": 0}], "IsTruncated": false})";

// The summary shows `text` and its JSON has `json`.
void expect_summary(const Account& a, std::string_view text, std::string_view json) {
  Summary s = summarize(a);
  EXPECT_NE(summary_text(a, s, "x").find(text), std::string::npos) << text;
  EXPECT_NE(summary_json(a, s, "x").find(json), std::string::npos) << json;
}

TEST(ServiceLastAccessed, BothLayoutsOfTheFixtureLoad) {
  Result<Account> a = load_snapshot(account1());
  ASSERT_TRUE(a.ok()) << a.error().format();
  ASSERT_TRUE(a->service_last_accessed.has_value());
  EXPECT_EQ(a->service_last_accessed->size(), 2u);
  // (a) the wrapper, named by the percent-encoded ARN.
  const std::vector<ServiceLastAccessed>* alice = a->find_service_last_accessed("alice");
  ASSERT_NE(alice, nullptr);
  EXPECT_EQ(a->find_service_last_accessed("arn:aws:iam::111122223333:user/alice"), alice);
  ASSERT_EQ(alice->size(), 2u);
  EXPECT_EQ((*alice)[0].service_namespace, "s3");
  EXPECT_EQ((*alice)[0].service_name, "Amazon S3");
  EXPECT_EQ((*alice)[0].last_authenticated_region, "eu-west-1");
  EXPECT_EQ((*alice)[0].last_authenticated_entity, "arn:aws:iam::111122223333:user/alice");
  EXPECT_TRUE((*alice)[0].last_authenticated.unix_seconds.has_value());
  EXPECT_EQ((*alice)[0].total_authenticated_entities, 1);
  EXPECT_FALSE((*alice)[1].last_authenticated.unix_seconds.has_value());  // not used in the tracking period
  EXPECT_TRUE((*alice)[1].last_authenticated.text.empty());
  // (b) a plain output named by the ARN with ':' and '/' replaced by '_'.
  const std::vector<ServiceLastAccessed>* deployer = a->find_service_last_accessed("deployer");
  ASSERT_NE(deployer, nullptr);
  ASSERT_EQ(deployer->size(), 1u);
  EXPECT_EQ((*deployer)[0].service_namespace, "cloudformation");
  EXPECT_EQ(a->find_service_last_accessed("admins"), nullptr);  // not collected for the group
  EXPECT_EQ(a->file_status("service-last-accessed/arn%3Aaws%3Aiam%3A%3A111122223333%3Auser%2Falice.json"),
            FileStatus::kLoaded);
  EXPECT_EQ(a->file_status("service-last-accessed/arn_aws_iam__111122223333_role_service-role_deployer.json"),
            FileStatus::kLoaded);
  for (const std::string& w : a->warnings) EXPECT_EQ(w.find("service-last-accessed"), std::string::npos) << w;
  expect_summary(*a, "service last accessed (Access Advisor): 2 entities", "\"serviceLastAccessedEntities\":2");
}

TEST(ServiceLastAccessed, AbsentDirectoryIsNotCollected) {
  ScratchDir dir;
  dir.write("authorization-details.json", std::string(kUsers));
  Result<Account> a = load_snapshot(dir.path.string());
  ASSERT_TRUE(a.ok()) << a.error().format();
  EXPECT_FALSE(a->service_last_accessed.has_value());
  EXPECT_EQ(a->find_service_last_accessed("alice"), nullptr);
  EXPECT_EQ(a->file_status("service-last-accessed/"), FileStatus::kMissing);
  expect_summary(*a, "service last accessed (Access Advisor): not collected", "\"serviceLastAccessedEntities\":null");
}

TEST(ServiceLastAccessed, UnfinishedJobsAndUnattributableFilesAreSkippedWithAWarning) {
  ScratchDir dir;
  dir.write("authorization-details.json", std::string(kUsers));
  dir.write("service-last-accessed/arn%3Aaws%3Aiam%3A%3A111122223333%3Auser%2Falice.json",
            R"({"Arn": "arn:aws:iam::111122223333:user/alice", "JobStatus": "IN_PROGRESS", "ServicesLastAccessed": [], "IsTruncated": false})");
  dir.write("service-last-accessed/failed.json",
            R"({"Arn": "arn:aws:iam::111122223333:user/a_b", "JobStatus": "FAILED", "ServicesLastAccessed": [],
                "Error": {"Code": "ServiceFailure", "Message": "try again"}})");
  // Both user/a_b and user/a/b encode to this name: ambiguous, not guessed.
  dir.write("service-last-accessed/arn_aws_iam__111122223333_user_a_b.json", std::string(kCompleted));
  // A job id names no entity.
  dir.write("service-last-accessed/a2b53fd9-88bc-d0b5-1b9a-af9c4af22374.json", std::string(kCompleted));
  Result<Account> a = load_snapshot(dir.path.string());
  ASSERT_TRUE(a.ok()) << a.error().format();
  ASSERT_TRUE(a->service_last_accessed.has_value());
  EXPECT_TRUE(a->service_last_accessed->empty());
  EXPECT_EQ(a->find_service_last_accessed("alice"), nullptr);
  ASSERT_EQ(a->warnings.size(), 4u);
  std::string all;
  for (const std::string& w : a->warnings) all += w + "\n";
  EXPECT_NE(all.find("user%2Falice.json: JobStatus IN_PROGRESS: not used"), std::string::npos) << all;
  EXPECT_NE(all.find("failed.json: JobStatus FAILED (ServiceFailure: try again): not used"), std::string::npos) << all;
  EXPECT_NE(all.find("user_a_b.json: no entity ARN"), std::string::npos) << all;
  EXPECT_NE(all.find("af9c4af22374.json: no entity ARN"), std::string::npos) << all;
  EXPECT_EQ(a->file_status("service-last-accessed/failed.json"), FileStatus::kLoaded);
}

TEST(ServiceLastAccessed, UnderscoreNamesAreDecodedOnlyWhenUnambiguous) {
  ScratchDir dir;
  dir.write("authorization-details.json", std::string(kUsers));
  dir.write("service-last-accessed/arn_aws_iam__111122223333_user_alice.json", std::string(kCompleted));
  dir.write("service-last-accessed/arn%3Aaws%3Aiam%3A%3A111122223333%3Auser%2Fa%2Fb.json",
            R"({"JobStatus": "COMPLETED", "ServicesLastAccessed": [], "IsTruncated": true})");
  Result<Account> a = load_snapshot(dir.path.string());
  ASSERT_TRUE(a.ok()) << a.error().format();
  ASSERT_NE(a->find_service_last_accessed("alice"), nullptr);
  ASSERT_NE(a->find_service_last_accessed("arn:aws:iam::111122223333:user/a/b"), nullptr);
  EXPECT_EQ(a->find_service_last_accessed("a_b"), nullptr);
  ASSERT_EQ(a->warnings.size(), 1u);
  EXPECT_NE(a->warnings[0].find("IsTruncated"), std::string::npos);
}

TEST(ServiceLastAccessed, WrongShapeIsAnErrorWithFileAndPointer) {
  ScratchDir dir;
  dir.write("service-last-accessed/x.json",
            R"({"Arn": "arn:aws:iam::111122223333:user/alice", "JobStatus": "COMPLETED", "ServicesLastAccessed": [
                {"ServiceName": "Amazon S3", "ServiceNamespace": "s3", "TotalAuthenticatedEntities": "one"}]})");
  Result<Account> a = load_snapshot(dir.path.string());
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.error().loc.file.find("service-last-accessed/x.json"), std::string::npos) << a.error().format();
  EXPECT_EQ(a.error().loc.json_pointer, "/ServicesLastAccessed/0/TotalAuthenticatedEntities");
  dir.write("service-last-accessed/x.json", R"({"JobStatus": "COMPLETED", "ServicesLastAccessed": {}})");
  a = load_snapshot(dir.path.string());
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().loc.json_pointer, "/ServicesLastAccessed");
  dir.write("service-last-accessed/x.json", R"({"Error": {"Code": "NoSuchEntity", "Message": "no job"}})");
  a = load_snapshot(dir.path.string());
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.error().format().find("NoSuchEntity"), std::string::npos) << a.error().format();
}

TEST(ServiceLastAccessed, FileNamesRoundTrip) {
  std::string arn = "arn:aws:iam::111122223333:role/service-role/deployer";
  std::string name = service_last_accessed_file_name(arn);
  EXPECT_EQ(name, "arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fservice-role%2Fdeployer");
  EXPECT_EQ(service_last_accessed_arn(name, {}), arn);
  EXPECT_EQ(service_last_accessed_arn("arn_aws_iam__111122223333_role_service-role_deployer", {arn}), arn);
  EXPECT_EQ(service_last_accessed_arn("arn_aws_iam__111122223333_role_service-role_deployer", {}), "");
  EXPECT_EQ(service_last_accessed_arn("AROAEXAMPLE", {arn}), "");
}

}  // namespace
}  // namespace iamwarden::snapshot
