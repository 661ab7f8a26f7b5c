// The lint registry: codes are unique snake_case with a severity, a title, a description and a hint.
#include <gtest/gtest.h>

#include <set>

#include "lint/rule.h"

namespace iamwarden::lint {
namespace {

bool snake_case(std::string_view s) {
  if (s.empty() || s.front() == '_' || s.back() == '_') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

TEST(LintRegistry, CodesAreUniqueAndDocumented) {
  std::set<std::string_view> codes;
  for (const LintMeta* m : all_lint_codes()) {
    EXPECT_TRUE(codes.insert(m->code).second) << "duplicate code " << m->code;
    EXPECT_TRUE(snake_case(m->code)) << m->code;
    EXPECT_FALSE(m->title.empty()) << m->code;
    EXPECT_LE(m->title.size(), 80u) << m->code;
    EXPECT_FALSE(m->description.empty()) << m->code;
  }
  EXPECT_GT(codes.size(), 80u);
}

TEST(LintRegistry, RulesAreNamedByTheirFiles) {
  std::set<std::string> names;
  for (const LintRule& rule : lint_rules()) {
    // The id a rule declares must be the name of the file that registered it.
    EXPECT_EQ(rule.name, source_file_stem(rule.file)) << rule.file;
    EXPECT_NE(rule.file.find("lint/rules/"), std::string::npos) << rule.file;
    EXPECT_TRUE(snake_case(rule.name)) << rule.name;
    EXPECT_TRUE(names.insert(rule.name).second) << rule.name;
    EXPECT_NE(rule.run, nullptr);
    EXPECT_FALSE(rule.codes.empty()) << rule.name;
  }
  // Every file of src/lint/rules registered itself (an archive would have let the linker drop some).
  EXPECT_EQ(names.size(), static_cast<size_t>(IAMWARDEN_LINT_RULE_FILES));
  EXPECT_TRUE(names.count("grammar"));
  EXPECT_TRUE(names.count("pass_role"));
}

// A rule registered under an id other than its file's stem is caught by the check above.
TEST(LintRegistry, MisnamedRuleIsDetected) {
  EXPECT_EQ(source_file_stem("/src/lint/rules/pass_role.cc"), "pass_role");
  EXPECT_EQ(source_file_stem("pass_role.cc"), "pass_role");
  LintRule misnamed{"pass_roles", "/w/src/lint/rules/pass_role.cc", {}, nullptr};
  EXPECT_NE(misnamed.name, source_file_stem(misnamed.file));
}

TEST(LintRegistry, SeveritiesParse) {
  EXPECT_EQ(parse_severity("security_warning"), Severity::kSecurityWarning);
  EXPECT_EQ(parse_severity("ERROR"), Severity::kError);
  EXPECT_FALSE(parse_severity("fatal").has_value());
  EXPECT_TRUE(at_or_above(Severity::kError, Severity::kWarning));
  EXPECT_FALSE(at_or_above(Severity::kSuggestion, Severity::kWarning));
}

}  // namespace
}  // namespace iamwarden::lint
