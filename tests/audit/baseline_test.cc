// Baselines: reading the FAILs of a previous JSON report (written by render_json), and which
// failures are new, resolved or unchanged.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdint>
#include <filesystem>

#include "audit/baseline.h"
#include "audit/report.h"
#include "base/files.h"
#include "report_fixture.h"

namespace iamwarden::audit::testing {
namespace {

// A file in a fresh temporary directory, removed with the object.
class TempFile {
 public:
  explicit TempFile(std::string_view text) {
    dir_ = std::filesystem::temp_directory_path() /
           ("iamwarden-baseline-" + std::to_string(reinterpret_cast<uintptr_t>(this)) + "-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "old.json").string();
    EXPECT_TRUE(write_file_atomic(path_, text).ok());
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

TEST(Baseline, ReadsTheFailuresOfAJsonReport) {
  SampleReport s;
  TempFile file(render_json(s.report, {}));
  Result<std::vector<BaselineFinding>> baseline = load_baseline(file.path());
  ASSERT_TRUE(baseline.ok()) << baseline.error().format();
  ASSERT_EQ(baseline->size(), 2u) << "FAIL only: not PASS, NOT_EVALUATED or MUTED";
  EXPECT_EQ((*baseline)[0].check, "iam_no_root_access_key");
  EXPECT_EQ((*baseline)[0].resource, "arn:aws:iam::111122223333:root");
  EXPECT_EQ((*baseline)[0].severity, "critical");
  EXPECT_EQ((*baseline)[0].message, "the root user has an active access key");
  EXPECT_EQ((*baseline)[1].check, "test_odd_text");
}

TEST(Baseline, SameReportChangesNothing) {
  SampleReport s;
  TempFile file(render_json(s.report, {}));
  Result<std::vector<BaselineFinding>> baseline = load_baseline(file.path());
  ASSERT_TRUE(baseline.ok());
  BaselineDiff diff = diff_baseline(s.report, *baseline, file.path());
  EXPECT_TRUE(diff.added.empty());
  EXPECT_TRUE(diff.resolved.empty());
  EXPECT_EQ(diff.unchanged, 2u);
  EXPECT_EQ(diff.file, file.path());
}

TEST(Baseline, NewResolvedAndUnchangedByCheckAndResource) {
  SampleReport s;
  std::vector<BaselineFinding> before = {
      {"test_odd_text", "arn:aws:iam::111122223333:user/bob", "medium", "old message"},  // still failing
      {"test_odd_text", "arn:aws:iam::111122223333:user/alice", "medium", "was failing"},  // passes now
      {"iam_no_root_access_key", "arn:aws:iam::444455556666:root", "critical", ""},        // muted now
  };
  BaselineDiff diff = diff_baseline(s.report, before, "old.json");
  ASSERT_EQ(diff.added.size(), 1u);
  EXPECT_EQ(diff.added[0], &s.report.results[0]) << "points into the report";
  ASSERT_EQ(diff.resolved.size(), 2u);
  EXPECT_EQ(diff.resolved[0].resource, "arn:aws:iam::111122223333:user/alice");
  EXPECT_EQ(diff.resolved[1].resource, "arn:aws:iam::444455556666:root") << "a muted failure no longer fails";
  EXPECT_EQ(diff.unchanged, 1u);
}

TEST(Baseline, RejectsFilesThatAreNotReports) {
  TempFile not_report(R"({"findings": []})");
  Result<std::vector<BaselineFinding>> r = load_baseline(not_report.path());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().format().find("old.json:1:1: a baseline must be a report of `iamwarden audit --format json`"),
            std::string::npos)
      << r.error().format();

  TempFile bad_result(R"({"results": [{"check": "a", "status": "FAIL", "resource": "x"},
    {"check": "b", "status": "FAIL"}]})");
  r = load_baseline(bad_result.path());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().format().find("old.json:2:5: a result needs string \"check\", \"status\" and \"resource\" (at /results/1)"),
            std::string::npos)
      << r.error().format();

  TempFile syntax("{\"results\": [");
  EXPECT_FALSE(load_baseline(syntax.path()).ok());
  EXPECT_FALSE(load_baseline("/nonexistent/old.json").ok());
}

}  // namespace
}  // namespace iamwarden::audit::testing
