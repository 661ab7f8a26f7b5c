// A condition key with an empty list of values: what it does depends on the qualifier, never what was meant.
#include <fmt/format.h>

#include "lint/rule.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kEmpty{"empty_array_condition", Severity::kSuggestion, "Condition key with no values",
                          "Without values the clause never matches, so the statement has no effect.",
                          "list the values or remove the key"};
constexpr LintMeta kForAll{"empty_array_condition_forallvalues", Severity::kSuggestion,
                           "ForAllValues condition key with no values",
                           "With no values ForAllValues matches only when the key is missing or empty.",
                           "use Null to test for a missing key"};
constexpr LintMeta kForAny{"empty_array_condition_foranyvalue", Severity::kSuggestion,
                           "ForAnyValue condition key with no values",
                           "With no values ForAnyValue never matches, so the statement has no effect.",
                           "list the values or remove the key"};
constexpr LintMeta kIfExists{"empty_array_condition_ifexists", Severity::kSuggestion,
                             "IfExists condition key with no values",
                             "With no values the clause matches only when the key is missing.",
                             "use Null to test for a missing key"};

void run(LintContext& context) {
  for (const policy::Statement& st : context.policy().statements) {
    for (const policy::ConditionClause& clause : st.conditions) {
      if (!clause.values_array || !clause.values.empty()) continue;
      std::string_view code = clause.op.qualifier == policy::SetQualifier::kForAllValues ? "empty_array_condition_forallvalues"
                              : clause.op.qualifier == policy::SetQualifier::kForAnyValue ? "empty_array_condition_foranyvalue"
                              : clause.op.if_exists ? "empty_array_condition_ifexists"
                                                    : "empty_array_condition";
      context.report(code, clause.key.offset, context.clause_pointer(st, clause),
                     fmt::format("\"{}\" under {} has no values", clause.key.value, clause.op_name.value));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("empty_condition_values", run, kEmpty, kForAll, kForAny, kIfExists);

}  // namespace iamwarden::lint
