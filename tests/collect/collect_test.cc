// End-to-end tests of collect() against the fake `aws` in tests/collect/fake-aws (first on PATH).
#include "collect/collect.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include "base/files.h"
#include "base/json.h"
#include "snapshot/snapshot.h"

namespace iamwarden::collect {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

const char* kKnobs[] = {"FAKE_AWS_FAIL",  "FAKE_AWS_BROKEN",         "FAKE_AWS_SLEEP",         "FAKE_AWS_NO_ORG",
                        "FAKE_AWS_STATE", "FAKE_AWS_NO_PASSWORD_POLICY", "FAKE_AWS_REPORT_PENDING",
                        "FAKE_AWS_EXPECT_PROFILE", "FAKE_AWS_V1", "FAKE_AWS_HANG", "FAKE_AWS_SPAWN",
                        "FAKE_AWS_LEFTOVER", "FAKE_AWS_IGNORE_TERM", "FAKE_AWS_HUGE", "FAKE_AWS_HUGE_BYTES",
                        "FAKE_AWS_GARBAGE", "FAKE_AWS_NASTY_ERROR", "FAKE_AWS_ANSWER"};

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
    setenv("FAKE_AWS_PIDS", (dir_ / "pids").c_str(), 1);
    options_.out_dir = (dir_ / "snap").string();
    options_.profile = "audit";
    options_.all_regions = false;
    options_.regions = {"eu-west-1", "us-east-1"};
    options_.report_backoff = milliseconds(1);
    options_.report_wait = milliseconds(20000);
    options_.call_timeout = milliseconds(20000);
    options_.kill_grace = milliseconds(200);
    options_.inventory = false;  // a dozen calls per region: only where a test is about it
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

  /// Writes a recorded answer for FAKE_AWS_ANSWER and returns its path.
  std::string answer_file(const std::string& name, const std::string& content) const {
    fs::path path = dir_ / name;
    std::ofstream(path) << content;
    return path.string();
  }
  /// Pids of the background processes the fake aws started (FAKE_AWS_SPAWN, FAKE_AWS_LEFTOVER).
  std::vector<pid_t> spawned() const {
    std::ifstream in(dir_ / "pids");
    std::vector<pid_t> pids;
    for (long pid; in >> pid;) pids.push_back(static_cast<pid_t>(pid));
    return pids;
  }
  /// True once pid has exited (gone, or a zombie for its new parent); waits up to 5 s for a kill to land.
  static bool gone(pid_t pid) {
    for (int i = 0; i < 500; ++i) {
      std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
      std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
      size_t paren = text.rfind(')');
      if (text.empty() || paren == std::string::npos || paren + 2 >= text.size()) return true;
      if (text[paren + 2] == 'Z' || text[paren + 2] == 'X') return true;
      std::this_thread::sleep_for(milliseconds(10));
    }
    return false;
  }
  static std::vector<std::string> names(const std::vector<FailedFile>& failed) {
    std::vector<std::string> out;
    for (const FailedFile& f : failed) out.push_back(f.file);
    return out;
  }

  fs::path dir_;
  CollectOptions options_;
};

TEST_F(CollectTest, WritesEverySnapshotFile) {
  options_.inventory = true;
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
        "organizations/policies/p-RCPFullAWSAccess.json", "inventory.json"}) {
    std::string error;
    EXPECT_TRUE(exists(file)) << file;
    EXPECT_EQ(status(file, &error), "ok") << file << ": " << error;
  }
  EXPECT_EQ(summary->ok, 31u);
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
  options_.call_timeout = milliseconds(5000);  // every call gets it: room for a slow Python to start
  ASSERT_TRUE(collect(options_).ok());
  std::string error;
  EXPECT_EQ(status("account-summary.json", &error), "failed");
  EXPECT_EQ(error, "timed out after 5s");
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

// --- The output directory: nothing is written or removed outside it (issue 10). ---

TEST_F(CollectTest, RefusesToWriteThroughALinkPlantedInTheOutputDirectory) {
  fs::create_directories(dir_ / "elsewhere");
  fs::create_directories(options_.out_dir);
  fs::create_directory_symlink(dir_ / "elsewhere", fs::path(options_.out_dir) / "cloudtrail");
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok()) << summary.error().format();
  ASSERT_TRUE(summary->output_error.has_value());
  EXPECT_EQ(summary->output_error->loc.file, options_.out_dir + "/cloudtrail");
  EXPECT_NE(summary->output_error->message.find("symbolic link"), std::string::npos);
  EXPECT_TRUE(summary->incomplete());
  EXPECT_TRUE(fs::is_empty(dir_ / "elsewhere"));
  // The rest is written and the manifest says which files could not be.
  EXPECT_EQ(status("authorization-details.json"), "ok");
  std::string error;
  EXPECT_EQ(status("cloudtrail/us-east-1/trails.json", &error), "failed");
  EXPECT_NE(error.find("symbolic link"), std::string::npos) << error;
}

TEST_F(CollectTest, RefusesToRemoveThroughALinkPlantedInTheOutputDirectory) {
  fs::create_directories(dir_ / "elsewhere");
  std::ofstream(dir_ / "elsewhere" / "organization.json") << "precious";
  fs::create_directories(options_.out_dir);
  fs::create_directory_symlink(dir_ / "elsewhere", fs::path(options_.out_dir) / "organizations");
  setenv("FAKE_AWS_NO_ORG", "1", 1);  // not found: the stale organizations/organization.json is removed
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  ASSERT_TRUE(summary->output_error.has_value());
  EXPECT_EQ(summary->output_error->loc.file, options_.out_dir + "/organizations");
  Result<std::string> kept = read_file((dir_ / "elsewhere" / "organization.json").string());
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(*kept, "precious");
}

TEST_F(CollectTest, APlantedTemporaryFileNameRedirectsNothing) {
  fs::create_directories(dir_ / "elsewhere");
  std::ofstream(dir_ / "elsewhere" / "target") << "keep";
  fs::create_directories(options_.out_dir);
  for (const std::string& name : {"account-summary.json.tmp." + std::to_string(getpid()),
                                  std::string("manifest.json.tmp." + std::to_string(getpid()))}) {
    fs::create_symlink(dir_ / "elsewhere" / "target", fs::path(options_.out_dir) / name);
  }
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  EXPECT_FALSE(summary->output_error.has_value());
  EXPECT_EQ(*read_file((dir_ / "elsewhere" / "target").string()), "keep");
  EXPECT_FALSE(fs::is_symlink(fs::path(options_.out_dir) / "account-summary.json"));
  EXPECT_EQ(status("account-summary.json"), "ok");
}

// --- Required and optional steps. ---

TEST_F(CollectTest, ARequiredFileThatFailedMakesTheSnapshotIncomplete) {
  setenv("FAKE_AWS_FAIL", "iam get-account-authorization-details", 1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  EXPECT_TRUE(summary->incomplete());
  EXPECT_EQ(names(summary->required_failed), std::vector<std::string>{"authorization-details.json"});
  EXPECT_NE(summary->required_failed[0].error.find("AccessDenied"), std::string::npos);
  EXPECT_TRUE(summary->optional_failed.empty());
  EXPECT_EQ(status("authorization-details.json"), "failed");  // the manifest is still written
  EXPECT_TRUE(exists("account-summary.json"));                  // and so is everything else
}

TEST_F(CollectTest, OptionalFilesThatFailedAreOnlyListed) {
  setenv("FAKE_AWS_FAIL", "accessanalyzer list-analyzers us-east-1;organizations describe-organization", 1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  EXPECT_FALSE(summary->incomplete());
  EXPECT_EQ(names(summary->optional_failed),
            (std::vector<std::string>{"access-analyzers/us-east-1.json", "organizations/organization.json"}));
  EXPECT_EQ(status("access-analyzers/us-east-1.json"), "failed");
  EXPECT_EQ(required_files().size(), 5u);
  EXPECT_TRUE(is_required_file("authorization-details.json"));
  EXPECT_FALSE(is_required_file("organizations/organization.json"));
}

TEST_F(CollectTest, ARequiredFileNotFoundIsCollected) {
  setenv("FAKE_AWS_NO_PASSWORD_POLICY", "1", 1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  EXPECT_FALSE(summary->incomplete());
}

// --- A hostile or broken `aws`. ---

TEST_F(CollectTest, AnAwsThatClosesItsPipesAndRunsOnIsTimedOut) {
  setenv("FAKE_AWS_HANG", "iam list-saml-providers", 1);
  options_.call_timeout = milliseconds(5000);  // it would hang 60 s
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok()) << summary.error().format();
  std::string error;
  EXPECT_EQ(status("saml-providers.json", &error), "failed");
  EXPECT_EQ(error, "timed out after 5s");
}

TEST_F(CollectTest, ATimeoutStopsEverythingTheCallStarted) {
  setenv("FAKE_AWS_SPAWN", "iam list-saml-providers", 1);
  setenv("FAKE_AWS_IGNORE_TERM", "1", 1);
  options_.call_timeout = milliseconds(4000);  // time for a slow Python to start its child first
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(status("saml-providers.json"), "failed");
  std::vector<pid_t> pids = spawned();
  ASSERT_EQ(pids.size(), 1u);
  EXPECT_TRUE(gone(pids[0]));
}

TEST_F(CollectTest, WhatACallLeftRunningIsStoppedAndItsAnswerKept) {
  // The leftover holds the answer's pipe open for 60 s; the call itself has finished.
  setenv("FAKE_AWS_LEFTOVER", "iam list-saml-providers", 1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(status("saml-providers.json"), "ok");
  std::vector<pid_t> pids = spawned();
  ASSERT_EQ(pids.size(), 1u);
  EXPECT_TRUE(gone(pids[0]));
}

TEST_F(CollectTest, AnAnswerPastTheCapIsFailedTooLarge) {
  setenv("FAKE_AWS_HUGE", "iam get-account-authorization-details", 1);
  setenv("FAKE_AWS_HUGE_BYTES", "30000000", 1);
  options_.max_answer_bytes = size_t{1} << 20;
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  std::string error;
  EXPECT_EQ(status("authorization-details.json", &error), "failed");
  EXPECT_EQ(error, "too large: the answer passed 1 MiB; reading stopped");
  EXPECT_FALSE(exists("authorization-details.json"));
  EXPECT_EQ(names(summary->required_failed), std::vector<std::string>{"authorization-details.json"});
}

TEST_F(CollectTest, AnswersThatAreNotJsonAreFailed) {
  setenv("FAKE_AWS_GARBAGE", "iam get-account-summary;cloudtrail get-trail-status", 1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  std::string error;
  EXPECT_EQ(status("account-summary.json", &error), "failed");
  EXPECT_NE(error.find("not valid JSON"), std::string::npos) << error;
  EXPECT_FALSE(exists("account-summary.json"));
  // The per-trail answers were spliced into one object: none of them is, and the file is not written.
  EXPECT_EQ(status("cloudtrail/us-east-1/trail-status.json", &error), "failed");
  EXPECT_NE(error.find("not valid JSON"), std::string::npos) << error;
  EXPECT_FALSE(exists("cloudtrail/us-east-1/trail-status.json"));
  EXPECT_EQ(status("cloudtrail/us-east-1/event-selectors.json"), "ok");
}

TEST_F(CollectTest, ErrorTextFromAwsIsEscapedRedactedAndBounded) {
  setenv("FAKE_AWS_NASTY_ERROR", "iam list-saml-providers", 1);
  ASSERT_TRUE(collect(options_).ok());
  std::string error;
  EXPECT_EQ(status("saml-providers.json", &error), "failed");
  EXPECT_EQ(error.find('\x1b'), std::string::npos) << error;
  EXPECT_EQ(error.find('\x07'), std::string::npos);
  EXPECT_EQ(error.find("\u202e"), std::string::npos);
  EXPECT_NE(error.find("\\x1b[31m"), std::string::npos) << error;
  EXPECT_NE(error.find("\\u{202e}"), std::string::npos) << error;
  EXPECT_EQ(error.find("AKIAIOSFODNN7EXAMPLE"), std::string::npos);
  EXPECT_EQ(error.find("wJalrXUtnFEMI"), std::string::npos);
  EXPECT_LT(error.size(), 800u);
}

TEST_F(CollectTest, TrailArnsAndRegionsFromAnswersMustLookLikeThem) {
  setenv("FAKE_AWS_ANSWER",
         ("cloudtrail describe-trails=" +
          answer_file("trails.json", R"({"trailList": [{"TrailARN": "--endpoint-url=http://attacker.example",
                                         "HomeRegion": "us-east-1"}]})"))
             .c_str(),
         1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  std::string error;
  EXPECT_EQ(status("cloudtrail/us-east-1/trails.json", &error), "failed");
  EXPECT_NE(error.find("is not a trail ARN"), std::string::npos) << error;
  EXPECT_EQ(calls_containing("attacker.example"), 0u);
  EXPECT_EQ(calls_containing("get-trail-status"), 0u);
}

TEST_F(CollectTest, OrganizationIdsFromAnswersMustLookLikeIds) {
  setenv("FAKE_AWS_ANSWER",
         ("organizations list-parents=" +
          answer_file("parents.json", R"({"Parents": [{"Id": "../../../../tmp/x", "Type": "ORGANIZATIONAL_UNIT"}]})"))
             .c_str(),
         1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  std::string error;
  EXPECT_EQ(status("organizations/parents/123456789012.json", &error), "failed");
  EXPECT_NE(error.find("not an id"), std::string::npos) << error;
  EXPECT_EQ(calls_containing("../"), 0u);
  EXPECT_EQ(status("organizations/scp-targets/123456789012.json"), "ok");  // the account's own SCPs still
}

TEST_F(CollectTest, ACredentialReportThatDoesNotReadIsFailed) {
  setenv("FAKE_AWS_ANSWER",
         ("iam get-credential-report=" + answer_file("report.json", R"({"Content": "aGVsbG8gd29ybGQ="})")).c_str(), 1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  std::string error;
  EXPECT_EQ(status("credential-report.csv", &error), "failed");
  EXPECT_NE(error.find("the report cannot be read"), std::string::npos) << error;
  EXPECT_EQ(status("credential-report.json"), "failed");
  EXPECT_FALSE(exists("credential-report.csv"));
  EXPECT_FALSE(exists("credential-report.json"));
  EXPECT_EQ(names(summary->required_failed),
            (std::vector<std::string>{"credential-report.csv", "credential-report.json"}));
}

TEST_F(CollectTest, TheCallerIdentityIsChecked) {
  setenv("FAKE_AWS_ANSWER",
         ("sts get-caller-identity=" +
          answer_file("who.json", "{\"Account\": \"\\u001b[2J../x\", \"Arn\": \"arn:aws:iam::1:user/a\"}"))
             .c_str(),
         1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_FALSE(summary.ok());
  EXPECT_NE(summary.error().message.find("is not a 12-digit account id"), std::string::npos);
  EXPECT_EQ(summary.error().message.find('\x1b'), std::string::npos);
  setenv("FAKE_AWS_ANSWER",
         ("sts get-caller-identity=" +
          answer_file("who2.json", R"({"Account": "123456789012", "Arn": "arn:../../x:iam::123456789012:user/a"})"))
             .c_str(),
         1);
  summary = collect(options_);
  ASSERT_FALSE(summary.ok());
  EXPECT_NE(summary.error().message.find("names no AWS partition"), std::string::npos);
}


/// The resource of inventory.json with this ARN (nullptr when absent).
const JsonNode* inventory_resource(const JsonDocument& doc, std::string_view arn) {
  for (const JsonNode& r : doc.root.find("resources")->items)
    if (r.find("arn")->text == arn) return &r;
  return nullptr;
}
std::string member(const JsonNode* node, std::string_view key) {
  const JsonNode* m = node ? node->find(key) : nullptr;
  return m ? m->text : "<absent>";
}

TEST_F(CollectTest, InventoryListsTheResourcesThatRunAsARole) {
  options_.inventory = true;
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok()) << summary.error().format();
  std::string error;
  EXPECT_EQ(status("inventory.json", &error), "ok") << error;
  Result<JsonDocument> doc = parse_json(read("inventory.json"), "inventory.json");
  ASSERT_TRUE(doc.ok()) << doc.error().format();

  const JsonNode* function = inventory_resource(*doc, "arn:aws:lambda:eu-west-1:123456789012:function:helloworld");
  EXPECT_EQ(member(function, "type"), "AWS::Lambda::Function");
  EXPECT_EQ(member(function, "region"), "eu-west-1");
  EXPECT_EQ(member(function, "role"), "arn:aws:iam::123456789012:role/service-role/helloWorldPython-role-uy3l9qyq");
  // An instance: its ARN built from the reservation's owner, the profile ARN, the tags.
  const JsonNode* instance = inventory_resource(*doc, "arn:aws:ec2:eu-west-1:123456789012:instance/i-1234567890abcdef0");
  EXPECT_EQ(member(instance, "type"), "AWS::EC2::Instance");
  EXPECT_EQ(member(instance, "instanceProfile"), "arn:aws:iam::123456789012:instance-profile/web-server");
  EXPECT_EQ(member(instance, "role"), "<absent>");
  ASSERT_NE(instance, nullptr);
  EXPECT_EQ(member(instance->find("tags"), "team"), "payments");
  // A stopped instance without a profile is listed (it runs as no role); a terminated one is not.
  const JsonNode* stopped = inventory_resource(*doc, "arn:aws:ec2:eu-west-1:123456789012:instance/i-0a1b2c3d4e5f67890");
  EXPECT_EQ(member(stopped, "instanceProfile"), "<absent>");
  EXPECT_EQ(inventory_resource(*doc, "arn:aws:ec2:eu-west-1:123456789012:instance/i-0598c7d356eba48d7"), nullptr);
  // The other services of us-east-1.
  const JsonNode* lt = inventory_resource(*doc, "arn:aws:ec2:us-east-1:123456789012:launch-template/lt-01238c059e3466abc");
  EXPECT_EQ(member(lt, "instanceProfile"), "batch-worker");
  const JsonNode* task = inventory_resource(*doc, "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7");
  EXPECT_EQ(member(task, "role"), "arn:aws:iam::123456789012:role/web-task");
  EXPECT_EQ(member(task, "executionRole"), "arn:aws:iam::123456789012:role/ecsTaskExecutionRole");
  const JsonNode* job = inventory_resource(*doc, "arn:aws:glue:us-east-1:123456789012:job/nightly-etl");
  EXPECT_EQ(member(job, "role"), "arn:aws:iam::123456789012:role/GlueETLRole");  // a role name made an ARN
  // App Runner's list is paged by hand: both pages are there.
  EXPECT_NE(inventory_resource(*doc, "arn:aws:apprunner:us-east-1:123456789012:service/worker/"
                                     "0a03292a89764e5882c41d8f991c82fe"),
            nullptr);
  EXPECT_EQ(calls_containing("apprunner\tlist-services\t--next-token\tpage2"), 1u);
  EXPECT_EQ(doc->root.find("resources")->items.size(), 8u);
  EXPECT_EQ(calls_containing("lambda\tlist-functions"), 2u);  // once per region

  // The snapshot loader reads it back.
  Result<snapshot::Account> account = snapshot::load_snapshot(options_.out_dir, {});
  ASSERT_TRUE(account.ok()) << account.error().format();
  ASSERT_TRUE(account->inventory.has_value());
  EXPECT_EQ(account->inventory->resources.size(), 8u);
}

TEST_F(CollectTest, AFailedInventoryServiceIsRecordedAndTheRestWritten) {
  options_.inventory = true;
  setenv("FAKE_AWS_FAIL", "ec2 describe-instances eu-west-1", 1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  EXPECT_FALSE(summary->incomplete());  // an optional file
  EXPECT_EQ(names(summary->optional_failed), (std::vector<std::string>{"inventory.json"}));
  std::string error;
  EXPECT_EQ(status("inventory.json", &error), "failed");
  EXPECT_NE(error.find("incomplete: aws ec2 describe-instances --region eu-west-1: AccessDenied"),
            std::string::npos)
      << error;
  Result<JsonDocument> doc = parse_json(read("inventory.json"), "inventory.json");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(inventory_resource(*doc, "arn:aws:lambda:eu-west-1:123456789012:function:helloworld"), nullptr);
  EXPECT_EQ(inventory_resource(*doc, "arn:aws:ec2:eu-west-1:123456789012:instance/i-1234567890abcdef0"), nullptr);
  EXPECT_EQ(doc->root.find("resources")->items.size(), 6u);
  EXPECT_EQ(status("authorization-details.json"), "ok");
}

TEST_F(CollectTest, AServiceNotOfferedInARegionIsNoFailure) {
  options_.inventory = true;
  setenv("FAKE_AWS_BROKEN", "apprunner list-services", 1);  // "Could not connect to the endpoint URL"
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(status("inventory.json"), "ok");
  EXPECT_EQ(read("inventory.json").find("apprunner"), std::string::npos);
}

TEST_F(CollectTest, NoInventoryCallAnsweredMeansNoInventoryFile) {
  options_.inventory = true;
  setenv("FAKE_AWS_FAIL",
         "lambda list-functions;ec2 describe-instances;ec2 describe-launch-templates;cloudformation describe-stacks;"
         "codebuild list-projects;sagemaker list-notebook-instances;glue get-dev-endpoints;glue get-jobs;"
         "ecs list-task-definitions;apprunner list-services",
         1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(status("inventory.json"), "failed");
  EXPECT_FALSE(exists("inventory.json"));
}

TEST_F(CollectTest, InventoryValuesFromAnswersMustLookLikeThem) {
  options_.inventory = true;
  // An answer that would make the next call read a local file, or pass an option.
  setenv("FAKE_AWS_ANSWER",
         ("ecs list-task-definitions=" +
          answer_file("tasks.json", R"({"taskDefinitionArns": ["file:///etc/passwd", "--debug"]})") +
          ";sagemaker list-notebook-instances=" +
          answer_file("notebooks.json", R"({"NotebookInstances": [{"NotebookInstanceName": "file://x"}]})"))
             .c_str(),
         1);
  Result<CollectSummary> summary = collect(options_);
  ASSERT_TRUE(summary.ok());
  std::string error;
  EXPECT_EQ(status("inventory.json", &error), "failed");
  EXPECT_NE(error.find("unexpected answer: \"file:///etc/passwd\" is not a task definition ARN"), std::string::npos)
      << error;
  EXPECT_NE(error.find("\"file://x\" is not a notebook instance name"), std::string::npos) << error;
  EXPECT_EQ(calls_containing("describe-task-definition"), 0u);
  EXPECT_EQ(calls_containing("describe-notebook-instance"), 0u);
  EXPECT_TRUE(exists("inventory.json"));  // the rest is written
}

}  // namespace
}  // namespace iamwarden::collect
