// What a lint rule is: metadata for each code it reports, and a function over a LintContext.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/context.h"
#include "lint/finding.h"

namespace iamwarden::lint {

/// A finding code with its fixed severity and documentation (also the SARIF rule).
struct LintMeta {
  std::string_view code;         ///< stable snake_case; Access Analyzer's check name where one exists
  Severity severity = Severity::kWarning;
  std::string_view title;        ///< one line: what is wrong
  std::string_view description;  ///< why it matters
  std::string_view hint;         ///< how to fix it (default hint of its findings)
};

/// A rule function: inspects one policy and reports through the context.
using LintFunction = void (*)(LintContext& context);

/// A registered rule: its declared id, the file that registered it, its codes and its function.
struct LintRule {
  std::string name;  ///< the id it declares; must equal the stem of file (src/lint/rules/<name>.cc)
  std::string file;  ///< the source file that registered it (__builtin_FILE, which GCC and clang 14 both have)
  std::vector<LintMeta> codes;
  LintFunction run = nullptr;
};

/// Adds a rule; called by IAMWARDEN_REGISTER_LINT from the rule's own file.
bool register_lint_rule(std::string_view name, LintFunction run, std::initializer_list<LintMeta> codes,
                        const char* registering_file);

/// The stem of a source path: "src/lint/rules/pass_role.cc" -> "pass_role".
std::string source_file_stem(std::string_view path);

/// All registered rules, sorted by name.
std::span<const LintRule> lint_rules();

/// The metadata of a code, or nullptr when no rule declares it.
const LintMeta* find_lint_code(std::string_view code);

/// Every declared code, sorted by code.
std::vector<const LintMeta*> all_lint_codes();

}  // namespace iamwarden::lint

/// Registers a lint rule defined in the current file, src/lint/rules/<id>.cc:
/// IAMWARDEN_REGISTER_LINT("id", run, kMetaA, kMetaB...). The registry records the file, so a test checks the id.
#define IAMWARDEN_REGISTER_LINT(id, run, ...)                                  \
  [[maybe_unused]] static const bool iamwarden_lint_registered =               \
      ::iamwarden::lint::register_lint_rule(id, run, {__VA_ARGS__}, __builtin_FILE())
