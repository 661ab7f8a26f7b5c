// Table of condition operators and their properties.
#include "policy/condition_operator.h"

#include <array>
#include <utility>

namespace iamwarden::policy {
namespace {

struct OpInfo {
  BaseOp op;
  std::string_view name;
  OpFamily family;
  bool negated;
  BaseOp positive;
};

constexpr std::array<OpInfo, 27> kOps{{
    {BaseOp::kStringEquals, "StringEquals", OpFamily::kString, false, BaseOp::kStringEquals},
    {BaseOp::kStringNotEquals, "StringNotEquals", OpFamily::kString, true, BaseOp::kStringEquals},
    {BaseOp::kStringEqualsIgnoreCase, "StringEqualsIgnoreCase", OpFamily::kString, false, BaseOp::kStringEqualsIgnoreCase},
    {BaseOp::kStringNotEqualsIgnoreCase, "StringNotEqualsIgnoreCase", OpFamily::kString, true, BaseOp::kStringEqualsIgnoreCase},
    {BaseOp::kStringLike, "StringLike", OpFamily::kString, false, BaseOp::kStringLike},
    {BaseOp::kStringNotLike, "StringNotLike", OpFamily::kString, true, BaseOp::kStringLike},
    {BaseOp::kNumericEquals, "NumericEquals", OpFamily::kNumeric, false, BaseOp::kNumericEquals},
    {BaseOp::kNumericNotEquals, "NumericNotEquals", OpFamily::kNumeric, true, BaseOp::kNumericEquals},
    {BaseOp::kNumericLessThan, "NumericLessThan", OpFamily::kNumeric, false, BaseOp::kNumericLessThan},
    {BaseOp::kNumericLessThanEquals, "NumericLessThanEquals", OpFamily::kNumeric, false, BaseOp::kNumericLessThanEquals},
    {BaseOp::kNumericGreaterThan, "NumericGreaterThan", OpFamily::kNumeric, false, BaseOp::kNumericGreaterThan},
    {BaseOp::kNumericGreaterThanEquals, "NumericGreaterThanEquals", OpFamily::kNumeric, false, BaseOp::kNumericGreaterThanEquals},
    {BaseOp::kDateEquals, "DateEquals", OpFamily::kDate, false, BaseOp::kDateEquals},
    {BaseOp::kDateNotEquals, "DateNotEquals", OpFamily::kDate, true, BaseOp::kDateEquals},
    {BaseOp::kDateLessThan, "DateLessThan", OpFamily::kDate, false, BaseOp::kDateLessThan},
    {BaseOp::kDateLessThanEquals, "DateLessThanEquals", OpFamily::kDate, false, BaseOp::kDateLessThanEquals},
    {BaseOp::kDateGreaterThan, "DateGreaterThan", OpFamily::kDate, false, BaseOp::kDateGreaterThan},
    {BaseOp::kDateGreaterThanEquals, "DateGreaterThanEquals", OpFamily::kDate, false, BaseOp::kDateGreaterThanEquals},
    {BaseOp::kBool, "Bool", OpFamily::kBool, false, BaseOp::kBool},
    {BaseOp::kBinaryEquals, "BinaryEquals", OpFamily::kBinary, false, BaseOp::kBinaryEquals},
    {BaseOp::kIpAddress, "IpAddress", OpFamily::kIp, false, BaseOp::kIpAddress},
    {BaseOp::kNotIpAddress, "NotIpAddress", OpFamily::kIp, true, BaseOp::kIpAddress},
    {BaseOp::kArnEquals, "ArnEquals", OpFamily::kArn, false, BaseOp::kArnEquals},
    {BaseOp::kArnLike, "ArnLike", OpFamily::kArn, false, BaseOp::kArnLike},
    {BaseOp::kArnNotEquals, "ArnNotEquals", OpFamily::kArn, true, BaseOp::kArnEquals},
    {BaseOp::kArnNotLike, "ArnNotLike", OpFamily::kArn, true, BaseOp::kArnLike},
    {BaseOp::kNull, "Null", OpFamily::kNull, false, BaseOp::kNull},
}};

const OpInfo& info(BaseOp op) { return kOps[static_cast<size_t>(op)]; }

bool same(std::string_view a, std::string_view b, bool ignore_case) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (ignore_case) {
      if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
      if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    }
    if (x != y) return false;
  }
  return true;
}

bool consume_prefix(std::string_view& s, std::string_view prefix, bool ignore_case) {
  if (!same(s.substr(0, prefix.size()), prefix, ignore_case)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

std::optional<ConditionOperator> parse_with_case(std::string_view name, bool ignore_case) {
  ConditionOperator result;
  if (consume_prefix(name, "ForAllValues:", ignore_case)) result.qualifier = SetQualifier::kForAllValues;
  else if (consume_prefix(name, "ForAnyValue:", ignore_case)) result.qualifier = SetQualifier::kForAnyValue;
  constexpr std::string_view kIfExists = "IfExists";
  if (name.size() > kIfExists.size() && same(name.substr(name.size() - kIfExists.size()), kIfExists, ignore_case)) {
    result.if_exists = true;
    name.remove_suffix(kIfExists.size());
  }
  for (const OpInfo& op : kOps) {
    if (same(op.name, name, ignore_case)) {
      if (op.op == BaseOp::kNull && result.if_exists) return std::nullopt;  // NullIfExists does not exist
      result.base = op.op;
      return result;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<ConditionOperator> parse_condition_operator(std::string_view name) {
  if (std::optional<ConditionOperator> exact = parse_with_case(name, false)) return exact;
  std::optional<ConditionOperator> folded = parse_with_case(name, true);
  if (folded) folded->canonical_case = false;
  return folded;
}

std::string_view base_op_name(BaseOp op) { return info(op).name; }
OpFamily op_family(BaseOp op) { return info(op).family; }
bool is_negated(BaseOp op) { return info(op).negated; }
BaseOp positive_twin(BaseOp op) { return info(op).positive; }

bool allows_variables(BaseOp op) {
  OpFamily family = op_family(op);
  return family == OpFamily::kString || family == OpFamily::kArn || family == OpFamily::kBool;
}

bool allows_wildcards(BaseOp op) {
  BaseOp p = positive_twin(op);
  return p == BaseOp::kStringLike || op_family(op) == OpFamily::kArn;
}

}  // namespace iamwarden::policy
