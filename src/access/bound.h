// Bounding a policy for "over all requests" questions: the lower bound allows only what the policy
// allows for every resource and every request context; the upper bound allows what it allows for
// some resource in some context. Evaluating both with the engine gives allowed / conditional / denied.
#pragma once

#include <string_view>

#include "policy/document.h"

namespace iamwarden::access {

/// Which bound of a policy to build.
enum class Bound : uint8_t {
  kLower,  ///< Allow: only unconditional statements on all resources; Deny: applies as if its conditions held
  kUpper,  ///< Allow: as if its conditions held, on any resource; Deny: only unconditional ones on all resources
  kEveryResource,  ///< Allow: as if its conditions held, only on all resources; Deny: every unconditional one
};

/// Which condition keys the evaluation context decides (kept in both bounds and evaluated by the
/// engine); every other key is unknown and bounded away.
enum class KnownKeys : uint8_t {
  kNone,       ///< a policy on its own: every key is unknown
  kPrincipal,  ///< a known principal: aws:PrincipalArn, aws:username, aws:PrincipalTag/..., ...
};

/// True when a condition key is fixed by the principal alone (so its value is known for a principal).
bool principal_decided_key(std::string_view key);

/// The bounded copy of a policy: statements rewritten with Resource "*" or dropped, unknown
/// condition clauses removed. Statement indexes and Sids are kept so explanations point at the source.
policy::Policy bound_policy(const policy::Policy& policy, Bound bound, KnownKeys known);

}  // namespace iamwarden::access
