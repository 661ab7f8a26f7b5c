// Bounding a policy for "over all requests" questions: the lower bound allows only what the policy
// allows for every resource and every request context; the upper bound allows what it allows for
// some resource in some context. Evaluating both with the engine gives allowed / conditional / denied
// (the band between them is then settled exactly by access/witness_search.h).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "policy/document.h"

namespace iamwarden::access {

/// Which bound of a policy to build.
enum class Bound : uint8_t {
  kLower,  ///< Allow: only unconditional statements on all resources; Deny: applies as if its conditions held
  kUpper,  ///< Allow: as if its conditions held, on any resource; Deny: only unconditional ones on all resources
  kEveryResource,  ///< Allow: as if its conditions held, only on all resources; Deny: every unconditional one
  /// Every condition kept: Allow statements that cover all resources, every Deny as if it named all
  /// resources ("is the action allowed on every resource under this context?").
  kEveryResourceExact,
};

/// Which condition keys the evaluation context decides (kept in the bounds and evaluated by the
/// engine); every other key is decided by the request. A bit set.
enum class KnownKeys : uint8_t {
  kNone = 0,       ///< a policy on its own: every key is decided by the request
  /// A known principal: aws:PrincipalArn, aws:username, aws:PrincipalTag/..., ...
  kPrincipal = 1,
  kUserId = 2,        ///< aws:userid too (IAM users; a role session's id holds the session name)
  kOrganization = 4,  ///< aws:PrincipalOrgID too (the organization is known)
  /// aws:ResourceAccount (and with kOrganization aws:ResourceOrgID): the resource is in the
  /// principal's own account. The lower and every-resource bounds assume it; the upper bound not.
  kOwnAccountResources = 8,
};
constexpr KnownKeys operator|(KnownKeys a, KnownKeys b) {
  return static_cast<KnownKeys>(static_cast<uint8_t>(a) | static_cast<uint8_t>(b));
}
constexpr bool has(KnownKeys set, KnownKeys k) { return (static_cast<uint8_t>(set) & static_cast<uint8_t>(k)) != 0; }

/// True when a condition key's value (or absence) is fixed by what `known` says is known.
bool principal_decided_key(std::string_view key, KnownKeys known = KnownKeys::kPrincipal);

/// True when a condition clause is decided by the known keys alone: its key and every policy
/// variable its values read (`"aws:PrincipalTag/team": "${aws:ResourceTag/team}"` is not).
bool decided_clause(const policy::ConditionClause& clause, policy::Version version, KnownKeys known);

/// The bounded copy of a policy: statements rewritten with Resource "*" or dropped, undecided
/// condition clauses removed. Statement indexes and Sids are kept so explanations point at the source.
/// `shape`, when given, receives what was kept (statement and clause positions): two bounds of one
/// policy with equal shapes are equal policies, so they can share one compiled form.
policy::Policy bound_policy(const policy::Policy& policy, Bound bound, KnownKeys known,
                            std::vector<uint32_t>* shape = nullptr);

}  // namespace iamwarden::access
