// Condition operator names: "[ForAllValues:|ForAnyValue:]<Base>[IfExists]".
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace iamwarden::policy {

/// The base comparison of a condition operator.
enum class BaseOp : uint8_t {
  kStringEquals, kStringNotEquals, kStringEqualsIgnoreCase, kStringNotEqualsIgnoreCase,
  kStringLike, kStringNotLike,
  kNumericEquals, kNumericNotEquals, kNumericLessThan, kNumericLessThanEquals,
  kNumericGreaterThan, kNumericGreaterThanEquals,
  kDateEquals, kDateNotEquals, kDateLessThan, kDateLessThanEquals, kDateGreaterThan, kDateGreaterThanEquals,
  kBool, kBinaryEquals, kIpAddress, kNotIpAddress,
  kArnEquals, kArnLike, kArnNotEquals, kArnNotLike,
  kNull,
};

/// Which family of value an operator compares.
enum class OpFamily : uint8_t { kString, kNumeric, kDate, kBool, kBinary, kIp, kArn, kNull };

/// ForAllValues / ForAnyValue prefix.
enum class SetQualifier : uint8_t { kNone, kForAllValues, kForAnyValue };

/// A parsed operator name.
struct ConditionOperator {
  SetQualifier qualifier = SetQualifier::kNone;
  BaseOp base = BaseOp::kStringEquals;
  bool if_exists = false;
  bool canonical_case = true;  ///< false when the name matched only ignoring case (accepted, linted)
};

/// Parses an operator name; names that differ from AWS's spelling only in case are accepted
/// with canonical_case = false. nullopt when unknown.
std::optional<ConditionOperator> parse_condition_operator(std::string_view name);

/// Canonical name of a base operator ("StringEquals").
std::string_view base_op_name(BaseOp op);

/// Family of a base operator.
OpFamily op_family(BaseOp op);

/// True for the negated operators (StringNotEquals, NotIpAddress, ArnNotLike, ...).
bool is_negated(BaseOp op);

/// The positive twin of a negated operator (StringNotLike -> StringLike); identity otherwise.
BaseOp positive_twin(BaseOp op);

/// True when the operator's values may contain policy variables (String, ARN and Bool operators).
bool allows_variables(BaseOp op);

/// True when '*' and '?' are wildcards in the operator's values.
bool allows_wildcards(BaseOp op);

}  // namespace iamwarden::policy
