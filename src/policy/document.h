// The policy document AST: what a parsed IAM/Organizations policy says, with source offsets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "policy/condition_operator.h"

namespace iamwarden::policy {

/// The kinds of policy AWS knows; each permits different elements (spec §2.4).
enum class PolicyKind : uint8_t { kIdentity, kResource, kTrust, kBoundary, kScp, kRcp, kSession };

/// Name used on the command line and in messages ("identity", "scp", ...).
std::string_view policy_kind_name(PolicyKind kind);

/// Policy language version; an absent Version means 2008-10-17 semantics.
enum class Version : uint8_t { k2008_10_17, k2012_10_17 };

enum class Effect : uint8_t { kAllow, kDeny };

/// A string element value with where it was written.
struct Located {
  std::string value;
  uint32_t offset = 0;
};

/// Principal key ("AWS", "Service", "Federated", "CanonicalUser").
enum class PrincipalType : uint8_t { kAws, kService, kFederated, kCanonicalUser };

struct PrincipalEntry {
  PrincipalType type = PrincipalType::kAws;
  Located value;
};

/// Whether a statement has Principal, NotPrincipal or neither; likewise for Action and Resource.
enum class ElementMode : uint8_t { kAbsent, kNormal, kNot };

/// One (operator, key) clause of a Condition block, values rendered as text.
struct ConditionClause {
  Located op_name;
  ConditionOperator op;
  Located key;
  std::vector<Located> values;
  bool values_array = false;  ///< values were written as a JSON array
};

struct Statement {
  uint32_t index = 0;         ///< position in the policy's Statement list
  std::string pointer;        ///< JSON pointer of the statement object
  uint32_t offset = 0;
  Located sid;                ///< empty value when absent
  bool has_sid = false;
  Effect effect = Effect::kAllow;
  ElementMode action_mode = ElementMode::kAbsent;
  std::vector<Located> actions;
  ElementMode resource_mode = ElementMode::kAbsent;
  std::vector<Located> resources;
  ElementMode principal_mode = ElementMode::kAbsent;
  bool principal_wildcard = false;  ///< "Principal": "*"
  std::vector<PrincipalEntry> principals;
  std::vector<ConditionClause> conditions;
};

struct Policy {
  PolicyKind kind = PolicyKind::kIdentity;
  Version version = Version::k2008_10_17;
  bool has_version = false;
  Located id;
  bool has_id = false;
  bool statement_array = true;  ///< Statement was written as an array
  std::vector<Statement> statements;
};

}  // namespace iamwarden::policy
