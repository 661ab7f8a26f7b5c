// "*" or "?" in a value of an exact-match String operator is literal, which is rarely what was meant.
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kWildcard{"wildcard_without_like_operator", Severity::kWarning,
                             "Wildcard in a value of a non-Like operator",
                             "StringEquals and its variants compare literally: '*' and '?' match only themselves.",
                             "use StringLike (or StringNotLike) if the wildcard is meant"};

// Wildcards outside "${...}" (variables and the ${*} escapes).
bool has_live_wildcard(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      size_t close = text.find('}', i);
      if (close == std::string_view::npos) return has_wildcard(text.substr(i));
      i = close;
      continue;
    }
    if (text[i] == '*' || text[i] == '?') return true;
  }
  return false;
}

void run(LintContext& context) {
  for (const policy::Statement& st : context.policy().statements) {
    for (const policy::ConditionClause& clause : st.conditions) {
      const policy::BaseOp twin = policy::positive_twin(clause.op.base);
      if (twin != policy::BaseOp::kStringEquals && twin != policy::BaseOp::kStringEqualsIgnoreCase) continue;
      for (size_t i = 0; i < clause.values.size(); ++i) {
        if (!has_live_wildcard(clause.values[i].value)) continue;
        context.report("wildcard_without_like_operator", clause.values[i].offset, context.value_pointer(st, clause, i),
                       fmt::format("\"{}\" is compared literally by {}", clause.values[i].value, clause.op_name.value));
      }
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("wildcard_without_like_operator", run, kWildcard);

}  // namespace iamwarden::lint
