// Building a simulation from a snapshot principal, like `aws iam simulate-principal-policy`.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "eval/request.h"
#include "simulate/simulation_case.h"
#include "snapshot/account.h"

namespace iamwarden::simulate {

/// What the user asked about a snapshot principal.
struct SnapshotQuestion {
  std::string principal;  ///< user or role name, ARN, unique id, or an assumed-role session ARN
  std::string action;
  std::string resource = "*";
  std::string resource_account;
  eval::Context context;  ///< keys given by the user; derived keys are added unless present
  bool resource_policy_given = false;  ///< --resource-policy: it replaces a role's trust policy from the snapshot
};

/// Fills `out` with the principal's identity policies (inline, attached, through groups), its
/// boundary, the SCPs of its organization path and (for resources in its own account) the RCPs,
/// the caller (a user, a session of a role), and the standard context keys (listed in
/// `derived_keys`; aws:ResourceAccount too when the resource's account is known). For the actions a
/// role's trust policy decides (decided_by_trust_policy) on a role of the snapshot, that role's trust
/// policy is the resource policy, unless the question gives one; the case's notes say which.
/// Every problem is added to `errors`; returns false when there is one.
bool case_from_snapshot(const snapshot::Account& account, SnapshotQuestion question, SimulationCase& out,
                        std::vector<std::string>& derived_keys, std::vector<Error>& errors);

}  // namespace iamwarden::simulate
