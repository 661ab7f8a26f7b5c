// Every policy that applies to one user or role of a snapshot, with where each comes from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "snapshot/account.h"

namespace iamwarden::snapshot {

/// How a policy reaches the principal.
enum class Attachment : uint8_t {
  kInline,          ///< the principal's own inline policy
  kManaged,         ///< a managed policy attached to the principal
  kGroupInline,     ///< an inline policy of a group the user is in
  kGroupManaged,    ///< a managed policy attached to such a group
  kBoundary,        ///< the permissions boundary
  kScp,             ///< a service control policy at one level of the organization path
  kRcp,             ///< a resource control policy at one level (applies to the resources the principal reaches)
};

/// Name used in output ("inline", "managed", "group-inline", ...).
std::string_view attachment_name(Attachment a);

/// One policy that applies, and how.
struct AppliedPolicy {
  Attachment attachment = Attachment::kInline;
  std::string name;        ///< inline policy name, managed policy name, or SCP/RCP name
  std::string arn;         ///< managed policy ARN, SCP/RCP ARN or id; empty for inline policies
  std::string via;         ///< the group name, or the organization level ("ou-ab12-cdef3456 (ORGANIZATIONAL_UNIT)")
  std::string version_id;  ///< the managed policy's default version
  PolicySource source = PolicySource::kSnapshot;
  const PolicyDocument* document = nullptr;  ///< nullptr when the policy could not be resolved
};

/// The principal and its policies, in evaluation-friendly order: identity policies (inline,
/// managed, then per group), boundary, then SCPs and RCPs root first.
struct PrincipalPolicies {
  const User* user = nullptr;  ///< exactly one of user / role is set
  const Role* role = nullptr;
  std::string arn;
  std::string name;
  std::vector<AppliedPolicy> policies;
  std::vector<std::string> unresolved;  ///< policy ARNs / groups / SCP ids that could not be resolved
  bool scps_evaluated = false;  ///< the organization path and its SCPs are known
  std::string scp_note;         ///< why SCPs are not listed or do not apply
};

/// Finds a user or role by name, ARN, unique id, or assumed-role session ARN
/// (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION maps to the role). Users win on name clashes.
Result<PrincipalPolicies> principal_policies(const Account& account, std::string_view name_or_arn);

}  // namespace iamwarden::snapshot
