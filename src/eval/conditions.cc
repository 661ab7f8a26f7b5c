// Condition operators (spec §4): per-value comparison, negation, set qualifiers, missing keys.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "eval/arn.h"
#include "eval/internal.h"

namespace iamwarden::eval::detail {
namespace {

using policy::BaseOp;
using policy::OpFamily;
using policy::SetQualifier;

// Compares one request value with one policy value under a positive operator.
bool compare(BaseOp op, std::string_view v, const ConditionValue& p, const Context& ctx) {
  switch (op) {
    case BaseOp::kStringEquals:
    case BaseOp::kStringLike:
      return p.text.match(v, ctx) == MatchResult::kMatch;
    case BaseOp::kStringEqualsIgnoreCase:
      return p.text.match(v, ctx, true) == MatchResult::kMatch;
    case BaseOp::kNumericEquals:
    case BaseOp::kNumericLessThan:
    case BaseOp::kNumericLessThanEquals:
    case BaseOp::kNumericGreaterThan:
    case BaseOp::kNumericGreaterThanEquals: {
      std::optional<long double> value = policy::parse_number(v);
      if (!value || !p.number) return false;
      long double a = *value, b = *p.number;
      switch (op) {
        case BaseOp::kNumericEquals: return a == b;
        case BaseOp::kNumericLessThan: return a < b;
        case BaseOp::kNumericLessThanEquals: return a <= b;
        case BaseOp::kNumericGreaterThan: return a > b;
        default: return a >= b;
      }
    }
    case BaseOp::kDateEquals:
    case BaseOp::kDateLessThan:
    case BaseOp::kDateLessThanEquals:
    case BaseOp::kDateGreaterThan:
    case BaseOp::kDateGreaterThanEquals: {
      std::optional<int64_t> value = policy::parse_date_millis(v);
      if (!value || !p.date_millis) return false;
      int64_t a = *value, b = *p.date_millis;
      switch (op) {
        case BaseOp::kDateEquals: return a == b;
        case BaseOp::kDateLessThan: return a < b;
        case BaseOp::kDateLessThanEquals: return a <= b;
        case BaseOp::kDateGreaterThan: return a > b;
        default: return a >= b;
      }
    }
    case BaseOp::kBool: {
      std::optional<bool> value = policy::parse_bool(v);
      if (!value) return false;
      if (p.boolean) return *value == *p.boolean;
      // A variable in a Bool value: compare the resolved text (D3).
      return p.text.has_variables() && p.text.match(v, ctx, true) == MatchResult::kMatch;
    }
    case BaseOp::kBinaryEquals: {
      if (!p.bytes) return false;
      if (v == *p.bytes) return true;
      std::optional<std::string> decoded = policy::decode_base64(v);  // the request may carry base64 too
      return decoded && *decoded == *p.bytes;
    }
    case BaseOp::kIpAddress: {
      std::optional<policy::IpNetwork> address = policy::parse_ip_network(v);
      return address && p.ip && p.ip->contains(*address);
    }
    case BaseOp::kArnEquals:
    case BaseOp::kArnLike: {
      size_t barrier = arn_barrier(v);
      if (barrier == 0) return false;  // fewer than six parts never matches
      return p.text.match(v, ctx, false, barrier) == MatchResult::kMatch;
    }
    default:
      return false;
  }
}

// m(v): the per-value test, negated operators being the complement of their positive twin.
bool value_test(const CompiledCondition& c, std::string_view v, const Context& ctx) {
  BaseOp positive = policy::positive_twin(c.op.base);
  bool any = false;
  for (const ConditionValue& p : c.values) {
    if (compare(positive, v, p, ctx)) {
      any = true;
      break;
    }
  }
  if (!policy::is_negated(c.op.base)) return any;
  // D20: a negated ARN operator on a value that is not an ARN is false.
  if (policy::op_family(c.op.base) == OpFamily::kArn && arn_barrier(v) == 0) return false;
  return !any;
}

}  // namespace

bool condition_holds(const CompiledCondition& c, const Context& ctx) {
  const ContextEntry* entry = ctx.find(c.key_hash, c.folded_key);
  if (c.op.base == BaseOp::kNull) {
    for (const ConditionValue& p : c.values)
      if (p.boolean && *p.boolean == (entry == nullptr)) return true;
    return false;
  }
  if (!entry) {
    // The set qualifier's rule wins over IfExists: ForAnyValue:…IfExists with an absent key is false
    // (IfExists applies per value inside the set loop; observed on AWS, eval-semantics §4.3).
    if (c.op.qualifier == SetQualifier::kForAllValues) return true;
    if (c.op.qualifier == SetQualifier::kForAnyValue) return false;
    if (c.op.if_exists) return true;
    return policy::is_negated(c.op.base);
  }
  switch (c.op.qualifier) {
    case SetQualifier::kNone:
      // A multivalued key needs a set qualifier; without one the clause is false (D19).
      if (entry->is_list) return false;
      return value_test(c, entry->values.front(), ctx);
    case SetQualifier::kForAnyValue:
      for (const std::string& v : entry->values)
        if (value_test(c, v, ctx)) return true;
      return false;
    case SetQualifier::kForAllValues:
      for (const std::string& v : entry->values)
        if (!value_test(c, v, ctx)) return false;
      return true;
  }
  return false;
}

void describe_condition(const CompiledCondition& c, const Context& ctx, bool holds, std::string& out) {
  out += fmt::format("{} {} [", c.op_name, c.key);
  for (size_t i = 0; i < c.values.size(); ++i) {
    if (i) out += ", ";
    std::string rendered;
    if (c.values[i].text.has_variables() && c.values[i].text.render(ctx, rendered))
      out += fmt::format("\"{}\" (from \"{}\")", rendered, c.values[i].raw);
    else if (c.values[i].text.has_variables())
      out += fmt::format("\"{}\" (unresolved)", c.values[i].raw);
    else
      out += fmt::format("\"{}\"", c.values[i].raw);
  }
  out += "] against ";
  const ContextEntry* entry = ctx.find(c.key_hash, c.folded_key);
  if (!entry) {
    out += "absent key";
  } else if (entry->is_list) {
    out += fmt::format("[{}]", fmt::join(entry->values, ", "));
  } else {
    out += fmt::format("\"{}\"", entry->values.front());
  }
  out += holds ? ": true" : ": false";
}

}  // namespace iamwarden::eval::detail
