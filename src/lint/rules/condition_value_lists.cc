// Value lists that say less than they seem to. Values of one key are ORed, so several bounds of a
// numeric comparison reduce to the loosest one (REDUNDANT_CONDITION_VALUE_NUM), and a Bool key with
// several values is refused (INVALID_CONDITION_MULTIPLE_BOOLEAN: "true" or "false" is every request).
#include <fmt/format.h>

#include <charconv>
#include <optional>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kRedundantNum{"redundant_condition_value_num", Severity::kSuggestion,
                                 "Several bounds where one decides",
                                 "The values of a condition key are ORed: of several upper bounds only the greatest "
                                 "matters, of several lower bounds only the least.",
                                 "keep the single bound that decides"};
constexpr LintMeta kMultipleBool{"invalid_condition_multiple_boolean", Severity::kError,
                                 "Several values for a Bool condition",
                                 "A Boolean key is true or false; AWS refuses a Bool condition that lists several "
                                 "values.",
                                 "keep one value, \"true\" or \"false\""};

std::optional<double> number(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

// +1: an upper bound (the greatest value decides), -1: a lower bound (the least decides), 0: neither.
int bound_direction(policy::BaseOp op) {
  switch (op) {
    case policy::BaseOp::kNumericLessThan:
    case policy::BaseOp::kNumericLessThanEquals: return 1;
    case policy::BaseOp::kNumericGreaterThan:
    case policy::BaseOp::kNumericGreaterThanEquals: return -1;
    default: return 0;
  }
}

void check_bounds(LintContext& context, const policy::Statement& st, const policy::ConditionClause& clause) {
  const int direction = bound_direction(clause.op.base);
  if (direction == 0 || clause.values.size() < 2) return;
  size_t deciding = 0;
  std::optional<double> best;
  for (size_t i = 0; i < clause.values.size(); ++i) {
    std::optional<double> v = number(clause.values[i].value);
    if (!v) return;  // a value that is no number is type_mismatch_number's
    if (!best || (direction > 0 ? *v > *best : *v < *best)) {
      best = v;
      deciding = i;
    }
  }
  context.report(kRedundantNum.code, clause.key.offset, context.clause_pointer(st, clause),
                 fmt::format("{} with {} values of \"{}\" is the same as the {} alone, \"{}\"", clause.op_name.value,
                             clause.values.size(), clause.key.value, direction > 0 ? "greatest" : "least",
                             clause.values[deciding].value),
                 fmt::format("write only \"{}\"", clause.values[deciding].value));
}

void run(LintContext& context) {
  for (const policy::Statement& st : context.policy().statements) {
    for (const policy::ConditionClause& clause : st.conditions) {
      if (clause.op.base == policy::BaseOp::kBool && clause.values.size() > 1)
        context.report(kMultipleBool.code, clause.key.offset, context.clause_pointer(st, clause),
                       fmt::format("\"{}\" lists {} Boolean values; a Bool condition takes one", clause.key.value,
                                   clause.values.size()));
      check_bounds(context, st, clause);
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("condition_value_lists", run, kRedundantNum, kMultipleBool);

}  // namespace iamwarden::lint
