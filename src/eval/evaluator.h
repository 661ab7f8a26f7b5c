// Policy evaluation: the whole AWS decision over identity, resource, boundary, session, SCP and RCP layers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eval/compiled_policy.h"
#include "eval/request.h"
#include "eval/trace.h"

namespace iamwarden::eval {

enum class Decision : uint8_t { kAllowed, kExplicitDeny, kImplicitDeny };

/// "Allowed", "ExplicitDeny", "ImplicitDeny" (the request file's spelling).
std::string_view decision_name(Decision decision);

/// Most SCP/RCP levels a chain may have (root, up to five OUs, the account, one spare).
inline constexpr size_t kMaxOrgLevels = 8;

/// The policies that bear on one request. Pointers are borrowed; nothing is copied.
struct PolicySet {
  std::vector<const CompiledPolicy*> identity;
  const CompiledPolicy* resource = nullptr;  ///< resource policy, role trust policy or key policy
  const CompiledPolicy* boundary = nullptr;
  std::vector<const CompiledPolicy*> session;
  std::vector<std::vector<const CompiledPolicy*>> scp_levels;  ///< root first; an empty level allows nothing
  std::vector<std::vector<const CompiledPolicy*>> rcp_levels;  ///< root first; RCPFullAWSAccess is implicit
};

/// The rule that decided (spec §5.4), for explanations.
enum class Rule : uint8_t {
  kUngatedAction,           ///< sts:GetCallerIdentity and friends are not gated by policies
  kExplicitDeny,            ///< a Deny statement applied
  kNotPrincipalBoundary,    ///< Deny+NotPrincipal in a resource policy always applies with a boundary
  kScpLevelWithoutAllow,
  kIdentityAllow,           ///< identity path allowed (same account)
  kResourceAllow,           ///< a resource-policy grant allowed (same account)
  kCrossAccountAllow,       ///< both accounts allowed
  kRootAllow,               ///< root user in its own account
  kNoAllow,                 ///< nothing allowed
  kBoundaryWithoutAllow,
  kSessionWithoutAllow,
  kFederatedWithoutSessionPolicy,
  kCrossAccountNoResourceGrant,
  kCrossAccountNoIdentityAllow,
  kExplicitTrustRequired,   ///< the role trust policy did not admit the caller (or none was given)
  kKeyPolicyWithoutAllow,   ///< the KMS key policy did not admit the caller (or none was given)
  kAccountGrantWithoutIdentityAllow,  ///< the resource policy grants to the account; no identity policy allows
  kNoResourceGrant,         ///< anonymous, service or web-identity caller: no resource policy statement allows it
  kCrossAccountNoResourcePolicy,      ///< cross-account request without any resource policy
};

/// The layer an implicit deny (or a grant) is attributed to: "scp", "boundary", "session",
/// "identity", "resource"; "" for ungated actions and explicit denies (whose layer is the policy's).
std::string_view deciding_layer(Rule rule);

/// A decision with what decided it.
struct Outcome {
  Decision decision = Decision::kImplicitDeny;
  Rule rule = Rule::kNoAllow;
  const CompiledPolicy* policy = nullptr;        ///< deciding policy (a trust/key policy that did not admit, too)
  const CompiledStatement* statement = nullptr;  ///< deciding statement
  int level = -1;                                ///< SCP/RCP level (0 = root), when relevant
  std::string_view layer;                        ///< "identity", "scp", ... of the deciding policy or gate

  /// One sentence naming the deciding layer: "explicit deny in scp level 2, statement DenyRegions",
  /// "implicit deny: the permissions boundary does not allow the action".
  std::string describe() const;
};

/// Switches where AWS sources disagree (spec §8, §10).
struct EvalOptions {
  bool not_principal_strict_chain = true;             ///< D12
  bool session_policy_caps_session_arn_grants = false; ///< D1
};

/// Decides one request. Allocates nothing unless trace is given.
Outcome evaluate(const Request& request, const PolicySet& policies, Trace* trace = nullptr,
                const EvalOptions& options = {});

/// True when RCPs can apply to the action's service (spec §5.3).
bool rcp_supported_service(std::string_view service);

}  // namespace iamwarden::eval
