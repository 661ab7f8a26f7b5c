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
};

/// Fills `out` with the principal's identity policies (inline, attached, through groups), its
/// boundary, the SCPs of its organization path and (for resources in its own account) the RCPs,
/// the caller (a user, a session of a role), and the standard context keys (listed in
/// `derived_keys`). Every problem is added to `errors`; returns false when there is one.
bool case_from_snapshot(const snapshot::Account& account, SnapshotQuestion question, SimulationCase& out,
                        std::vector<std::string>& derived_keys, std::vector<Error>& errors);

}  // namespace iamwarden::simulate
