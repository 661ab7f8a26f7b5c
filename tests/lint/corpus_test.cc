// The lint corpus: every tests/lint/cases/<kind>/<name>.json (<kind> "auto": no --type) gives exactly the findings in <name>.expect, and
// every code has a case that fires (<code>.json) and a near miss that must not (<code>.ok.json).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "base/files.h"
#include "catalog/catalog.h"
#include "lint/linter.h"
#include "lint/rule.h"
#include "policy/document.h"
#include "test_catalog.h"

namespace iamwarden::lint {
namespace {

namespace fs = std::filesystem;

const fs::path kCases = fs::path(IAMWARDEN_SOURCE_DIR) / "tests/lint/cases";

using testing::test_catalog;

std::optional<policy::PolicyKind> kind_named(const std::string& name) {
  for (policy::PolicyKind kind : {policy::PolicyKind::kIdentity, policy::PolicyKind::kResource,
                                  policy::PolicyKind::kTrust, policy::PolicyKind::kBoundary, policy::PolicyKind::kScp,
                                  policy::PolicyKind::kRcp, policy::PolicyKind::kSession})
    if (policy::policy_kind_name(kind) == name) return kind;
  return std::nullopt;
}

// "code line:column" per finding, in report order.
std::vector<std::string> actual_findings(const fs::path& file) {
  Result<std::string> text = read_file(file.string());
  EXPECT_TRUE(text.ok());
  if (!text) return {};
  // cases/auto/: no --type, the kind is decided from the document.
  const std::string dir = file.parent_path().filename().string();
  std::optional<policy::PolicyKind> kind = kind_named(dir);
  EXPECT_TRUE(kind.has_value() || dir == "auto") << "case directory is not a policy kind: " << file;
  if (!kind && dir != "auto") return {"<no policy kind for " + dir + ">"};
  // Every case is linted with one sensitive resource configured (sensitive_resource_access's cases use it).
  LintOptions options{kind, test_catalog(), false, {"arn:aws:s3:::payroll-bucket/*"}, {}};
  LintResult result = lint_text(text.take(), file.string(), options);
  std::vector<std::string> out;
  for (const Finding& f : result.findings) out.push_back(f.code + " " + std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column));
  return out;
}

std::vector<std::string> expected_findings(const fs::path& file) {
  fs::path expect = file;
  expect.replace_extension(".expect");
  std::ifstream in(expect);
  EXPECT_TRUE(in.good()) << "missing " << expect;
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}

std::vector<fs::path> case_files() {
  std::vector<fs::path> out;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(kCases))
    if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string stem_of(const fs::path& file) {
  std::string name = file.filename().string();
  return name.substr(0, name.find('.'));
}

bool is_near_miss(const fs::path& file) { return file.filename().string().find(".ok.") != std::string::npos; }

TEST(LintCorpus, EveryCaseGivesExactlyItsExpectedFindings) {
  std::vector<fs::path> files = case_files();
  ASSERT_GT(files.size(), 50u);
  for (const fs::path& file : files) {
    const std::string dir = file.parent_path().filename().string();
    ASSERT_TRUE(kind_named(dir) || dir == "auto") << "unknown kind directory for " << file;
    EXPECT_EQ(actual_findings(file), expected_findings(file)) << "in " << file;
  }
}

TEST(LintCorpus, EveryCodeFiresInItsCaseAndNotInItsNearMiss) {
  std::set<std::string> fired, missed;
  for (const fs::path& file : case_files()) {
    const std::string code = stem_of(file);
    if (!find_lint_code(code)) continue;  // other cases (mixtures, regressions)
    bool present = false;
    for (const std::string& f : actual_findings(file)) present = present || f.rfind(code + " ", 0) == 0;
    if (is_near_miss(file)) {
      EXPECT_FALSE(present) << code << " fires in its near miss " << file;
      missed.insert(code);
    } else {
      EXPECT_TRUE(present) << code << " does not fire in " << file;
      fired.insert(code);
    }
  }
  for (const LintMeta* meta : all_lint_codes()) {
    const std::string code(meta->code);
    if (code == "json_syntax_error") continue;  // tested through lint_text on broken input below
    EXPECT_TRUE(fired.count(code)) << "no case fires " << code;
    EXPECT_TRUE(missed.count(code)) << "no near miss for " << code;
  }
}

TEST(LintCorpus, BrokenJsonIsOneSyntaxFinding) {
  LintResult result = lint_text("{\"Version\": ", "broken.json", {policy::PolicyKind::kIdentity, test_catalog(), false, {}, {}});
  ASSERT_TRUE(result.input_error.has_value());
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].code, "json_syntax_error");
  EXPECT_EQ(result.findings[0].severity, Severity::kError);
}

}  // namespace
}  // namespace iamwarden::lint
