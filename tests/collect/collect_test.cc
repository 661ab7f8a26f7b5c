// End-to-end tests of collect() against the fake `aws` in tests/collect/fake-aws (first on PATH).
#include "collect/collect.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/files.h"
#include "base/json.h"

namespace iamwarden::collect {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

const char* kKnobs[] = {"FAKE_AWS_FAIL",  "FAKE_AWS_BROKEN",         "FAKE_AWS_SLEEP",         "FAKE_AWS_NO_ORG",
                        "FAKE_AWS_STATE", "FAKE_AWS_NO_PASSWORD_POLICY", "FAKE_AWS_REPORT_PENDING",
                        "FAKE_AWS_EXPECT_PROFILE", "FAKE_AWS_V1"};

class CollectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fmt_name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    static const std::string original_path = getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin";
    std::string path = std::string(IAMWARDEN_SOURCE_DIR) + "/tests/collect/fake-aws:" + original_path;
    setenv("PATH", path.c_str(), 1);
    for (const char* knob : kKnobs) unsetenv(knob);
    setenv("FAKE_AWS_LOG", (dir_ / "calls.log").c_str(), 1);
    options_.out_dir = (dir_ / "snap").string();
    options_.profile = "audit";
    options_.all_regions = false;
    options_.regions = {"eu-west-1", "us-east-1"};
    options_.report_backoff = milliseconds(1);
    options_.report_wait = milliseconds(20000);
    options_.call_timeout = milliseconds(20000);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string fmt_name() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    return std::string("iamwarden-collect-") + info->name() + "-" + std::to_string(getpid());
  }
  std::string read(const std::string& file) const {
    Result<std::string> text = read_file((fs::path(options_.out_dir) / file).string());
    return text ? *text : std::string("<missing>");
  }
  bool exists(const std::string& file) const { return fs::exists(fs::path(options_.out_dir) / file); }
  /// Lines of the call log (arguments separated by tabs).
  std::vector<std::string> calls() const {
    std::ifstream in(dir_ / "calls.log");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
  size_t calls_containing(const std::string& part) const {
    size_t n = 0;
    for (const std::string& line : calls()) n += line.find(part) != std::string::npos;
    return n;
  }
  /// status (and error) of a file in manifest.json, "" when absent.
  std::string status(const std::string& file, std::string* error = nullptr) {
    Result<JsonDocument> doc = parse_json(read("manifest.json"), "manifest.json");
    if (!doc) return "<bad manifest>";
    const JsonNode* entry = doc->root.find("files")->find(file);
    if (!entry) return "";
    if (error && entry->find("error")) *error = entry->find("error")->text;
    return entry->find("status")->text;
  }

  fs::path dir_;
  CollectOptions options_;
};

TEST_F(CollectTest, WritesEverySnapshotFile) {
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok()) << summary.error().format();
  EXPECT_EQ(summary->account_id, "123456789012");
  EXPECT_EQ(summary->failed, 0u);
  EXPECT_EQ(summary->not_found, 0u);
  for (const char* file :
       {"authorization-details.json", "credential-report.csv", "credential-report.json", "password-policy.json",
        "account-summary.json", "virtual-mfa-devices.json", "saml-providers.json", "open-id-connect-providers.json",
        "server-certificates.json", "organizations-features.json", "cloudtrail/us-east-1/trails.json",
        "cloudtrail/us-east-1/trail-status.json", "cloudtrail/us-east-1/event-selectors.json",
        "cloudtrail/eu-west-1/trails.json", "cloudtrail/eu-west-1/trail-status.json",
        "access-analyzers/eu-west-1.json", "access-analyzers/us-east-1.json", "organizations/organization.json",
        "organizations/parents/123456789012.json", "organizations/parents/ou-examplerootid111-exampleouid111.json",
        "organizations/scp-targets/123456789012.json", "organizations/scp-targets/r-examplerootid111.json",
        "organizations/scp-targets/ou-examplerootid111-exampleouid111.json",
        "organizations/rcp-targets/123456789012.json", "organizations/rcp-targets/r-examplerootid111.json",
        "organizations/rcp-targets/ou-examplerootid111-exampleouid111.json", "cloudtrail/eu-west-1/event-selectors.json",
        "organizations/policies/p-FullAWSAccess.json", "organizations/policies/p-examplepolicyid111.json",
        "organizations/policies/p-RCPFullAWSAccess.json"}) {
    EXPECT_TRUE(exists(file)) << file;
    EXPECT_EQ(status(file), "ok") << file;
  }
  EXPECT_EQ(summary->ok, 30u);
  EXPECT_FALSE(exists("organizations/parents/r-examplerootid111.json"));  // the walk stops at the root

  // The credential report: the CSV decoded from Content, the JSON as returned.
  Result<std::string> csv =
      read_file(std::string(IAMWARDEN_SOURCE_DIR) + "/tests/collect/fake-aws/responses/credential-report.csv");
  EXPECT_EQ(read("credential-report.csv"), *csv);
  EXPECT_NE(read("credential-report.json").find("\"ReportFormat\": \"text/csv\""), std::string::npos);

  // Per-trail answers keyed by trail ARN; the eu-west-1 shadow of a us-east-1 trail is asked in its home region.
  Result<JsonDocument> status_us = parse_json(read("cloudtrail/us-east-1/trail-status.json"), "s");
  ASSERT_TRUE(status_us.ok());
  EXPECT_NE(status_us->root.find("arn:aws:cloudtrail:us-east-1:123456789012:trail/Trail1"), nullptr);
  EXPECT_NE(status_us->root.find("arn:aws:cloudtrail:us-east-1:123456789012:trail/Trail2"), nullptr);
  Result<JsonDocument> selectors_eu = parse_json(read("cloudtrail/eu-west-1/event-selectors.json"), "s");
  ASSERT_TRUE(selectors_eu.ok());
  EXPECT_EQ(selectors_eu->root.members.size(), 1u);
  EXPECT_EQ(calls_containing("get-trail-status\t--name\tarn:aws:cloudtrail:us-east-1:644160558196:trail/skunk-trails"
                             "\t--output\tjson\t--no-cli-pager\t--profile\taudit\t--region\tus-east-1"),
            1u);

  // Every call carries JSON output and the profile; only the requested regions are used.
  std::vector<std::string> log = calls();
  ASSERT_FALSE(log.empty());
  for (const std::string& line : log) {
    EXPECT_NE(line.find("\t--output\tjson"), std::string::npos) << line;
    EXPECT_NE(line.find("\t--profile\taudit"), std::string::npos) << line;
    EXPECT_EQ(line.find("us-west-2"), std::string::npos) << line;
  }
  EXPECT_EQ(calls_containing("ec2\tdescribe-regions"), 0u);
  EXPECT_EQ(calls_containing("describe-trails"), 2u);
  EXPECT_EQ(calls_containing("accessanalyzer\tlist-analyzers"), 2u);
  EXPECT_EQ(calls_containing("get-account-authorization-details"), 1u);  // the CLI merges the pages

  Result<JsonDocument> manifest = parse_json(read("manifest.json"), "manifest.json");
  ASSERT_TRUE(manifest.ok());
  EXPECT_EQ(manifest->root.find("accountId")->text, "123456789012");
  EXPECT_EQ(manifest->root.find("partition")->text, "aws");
  EXPECT_EQ(manifest->root.find("regions")->items.size(), 2u);
}

TEST_F(CollectTest, ListsTheAccountRegions) {
  options_.all_regions = true;
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->regions, (std::vector<std::string>{"eu-west-1", "us-east-1", "us-west-2"}));
  EXPECT_TRUE(exists("access-analyzers/us-west-2.json"));
  EXPECT_TRUE(exists("cloudtrail/us-west-2/trails.json"));
  EXPECT_EQ(read("cloudtrail/us-west-2/trail-status.json"), "{}\n");
}

TEST_F(CollectTest, FallsBackToDefaultRegions) {
  options_.all_regions = true;
  setenv("FAKE_AWS_FAIL", "ec2 describe-regions", 1);
  setenv("FAKE_AWS_BROKEN", "account list-regions", 1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  EXPECT_GT(summary->regions.size(), 10u);
  EXPECT_EQ(calls_containing("account\tlist-regions"), 1u);
  EXPECT_TRUE(exists("access-analyzers/ap-south-1.json"));
}

TEST_F(CollectTest, RecordsFailuresAndCarriesOn) {
  setenv("FAKE_AWS_FAIL",
         "iam get-account-authorization-details;organizations describe-organization;"
         "cloudtrail get-trail-status arn:aws:cloudtrail:us-east-1:123456789012:trail/Trail1",
         1);
  setenv("FAKE_AWS_BROKEN", "accessanalyzer list-analyzers", 1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  std::string error;
  EXPECT_EQ(status("authorization-details.json", &error), "failed");
  EXPECT_NE(error.find("AccessDenied: User: arn:aws:iam::123456789012:user/auditor is not authorized"),
            std::string::npos)
      << error;
  EXPECT_FALSE(exists("authorization-details.json"));
  EXPECT_EQ(status("organizations/organization.json"), "failed");
  EXPECT_EQ(calls_containing("list-parents"), 0u);  // no walk without the organization
  EXPECT_EQ(status("access-analyzers/us-east-1.json", &error), "failed");
  EXPECT_NE(error.find("Could not connect"), std::string::npos);
  // One trail's status failed: the file keeps the other trail and says it is incomplete.
  EXPECT_EQ(status("cloudtrail/us-east-1/trail-status.json", &error), "failed");
  EXPECT_NE(error.find("trail/Trail1: AccessDenied"), std::string::npos) << error;
  Result<JsonDocument> partial = parse_json(read("cloudtrail/us-east-1/trail-status.json"), "s");
  ASSERT_TRUE(partial.ok());
  EXPECT_EQ(partial->root.members.size(), 1u);
  // Everything else went on.
  EXPECT_EQ(status("credential-report.csv"), "ok");
  EXPECT_EQ(status("cloudtrail/us-east-1/event-selectors.json"), "ok");
  EXPECT_EQ(status("account-summary.json"), "ok");
  EXPECT_EQ(summary->failed, 5u);
}

TEST_F(CollectTest, PasswordPolicyNotFoundAndNoOrganization) {
  setenv("FAKE_AWS_NO_PASSWORD_POLICY", "1", 1);
  setenv("FAKE_AWS_NO_ORG", "1", 1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  std::string error;
  EXPECT_EQ(status("password-policy.json", &error), "not_found");
  EXPECT_EQ(error, "NoSuchEntity");
  Result<JsonDocument> policy = parse_json(read("password-policy.json"), "p");
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(policy->root.find("Error")->find("Code")->text, "NoSuchEntity");
  EXPECT_EQ(status("organizations/organization.json"), "not_found");
  EXPECT_FALSE(exists("organizations/organization.json"));
  EXPECT_EQ(summary->not_found, 2u);
  EXPECT_EQ(summary->failed, 0u);
}

TEST_F(CollectTest, WaitsForTheCredentialReport) {
  setenv("FAKE_AWS_REPORT_PENDING", "3", 1);
  ASSERT_TRUE(collect(options_).ok());
  EXPECT_EQ(calls_containing("generate-credential-report"), 4u);  // STARTED, INPROGRESS, INPROGRESS, COMPLETE
  EXPECT_EQ(status("credential-report.csv"), "ok");
}

TEST_F(CollectTest, GivesUpOnASlowCredentialReport) {
  setenv("FAKE_AWS_REPORT_PENDING", "100000", 1);
  options_.report_backoff = milliseconds(100);
  options_.report_wait = milliseconds(500);
  ASSERT_TRUE(collect(options_).ok());
  std::string error;
  EXPECT_EQ(status("credential-report.csv", &error), "failed");
  EXPECT_NE(error.find("the credential report was still "), std::string::npos) << error;
  EXPECT_EQ(status("credential-report.json"), "failed");
  EXPECT_LT(calls_containing("generate-credential-report"), 8u);
  EXPECT_EQ(calls_containing("get-credential-report"), 0u);
}

TEST_F(CollectTest, TimesOutSlowCalls) {
  setenv("FAKE_AWS_SLEEP", "iam get-account-summary 30", 1);
  options_.call_timeout = milliseconds(1500);
  ASSERT_TRUE(collect(options_).ok());
  std::string error;
  EXPECT_EQ(status("account-summary.json", &error), "failed");
  EXPECT_EQ(error, "timed out after 1s");
}

TEST_F(CollectTest, NoProfileMeansNoProfileOption) {
  options_.profile.clear();
  ASSERT_TRUE(collect(options_).ok());
  EXPECT_EQ(calls_containing("--profile"), 0u);
}

TEST_F(CollectTest, MissingAwsIsAClearError) {
  options_.aws = "iamwarden-test-no-such-aws";
  Result<CollectSummary> summary = collect(options_);
  ASSERT_FALSE(summary.ok());
  EXPECT_NE(summary.error().message.find("not found on PATH"), std::string::npos);
  EXPECT_NE(summary.error().hint.find("install AWS CLI v2"), std::string::npos);
  EXPECT_FALSE(exists("manifest.json"));
}

TEST_F(CollectTest, BrokenCredentialsStopEarly) {
  setenv("FAKE_AWS_EXPECT_PROFILE", "other", 1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_FALSE(summary.ok());
  EXPECT_NE(summary.error().message.find("could not be found"), std::string::npos) << summary.error().message;
  EXPECT_NE(summary.error().hint.find("--profile audit"), std::string::npos);
  EXPECT_EQ(calls().size(), 1u);
}

TEST_F(CollectTest, AwsCliV1IsNamed) {
  setenv("FAKE_AWS_V1", "1", 1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_FALSE(summary.ok());
  EXPECT_NE(summary.error().hint.find("needs AWS CLI v2"), std::string::npos) << summary.error().format();
}

TEST_F(CollectTest, RemovesStaleFilesOfEarlierRuns) {
  ASSERT_TRUE(collect(options_).ok());
  EXPECT_TRUE(exists("account-summary.json"));
  setenv("FAKE_AWS_FAIL", "iam get-account-summary", 1);
  ASSERT_TRUE(collect(options_).ok());
  EXPECT_FALSE(exists("account-summary.json"));
  EXPECT_EQ(status("account-summary.json"), "failed");
}

}  // namespace
}  // namespace iamwarden::collect
