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
    EXPECT_TRUE(snake_case(rule.name)) << rule.name;
    EXPECT_TRUE(names.insert(rule.name).second) << rule.name;
    EXPECT_NE(rule.run, nullptr);
    EXPECT_FALSE(rule.codes.empty()) << rule.name;
  }
  // Every file of src/policy/lint registered itself (an archive would have let the linker drop some).
  EXPECT_EQ(names.size(), static_cast<size_t>(IAMWARDEN_LINT_RULE_FILES));
  EXPECT_TRUE(names.count("grammar"));
  EXPECT_TRUE(names.count("pass_role"));
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
