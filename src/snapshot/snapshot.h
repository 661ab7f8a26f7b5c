// Loading a whole snapshot: a directory laid out as docs/snapshot.md says, or one GAAD file.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "base/result.h"
#include "snapshot/account.h"

namespace iamwarden::catalog {
class ManagedPolicies;
}

namespace iamwarden::snapshot {

/// How to load.
struct LoadOptions {
  /// Gives the AWS-managed policies used to resolve ARNs referenced but absent from the dump;
  /// called only when such an ARN exists. Unset, or returning nullptr, leaves them unresolved
  /// (reported in Account::unresolved_policies).
  std::function<const catalog::ManagedPolicies*()> managed_policies;
  /// The time usage dates are judged against when neither the credential report nor the
  /// manifest says when the snapshot was taken (seconds since the epoch; 0 = the current clock).
  /// A later date is an input error (snapshot/future_dates.h).
  int64_t now = 0;
};

/// Loads a snapshot directory. Every file is optional; each known file gets a FileRecord
/// (loaded / missing / not_found / failed, taking the manifest into account). A file that is
/// present but malformed or of the wrong shape is an error naming the file and location.
Result<Account> load_snapshot(const std::string& dir, const LoadOptions& options = {});

/// Loads one authorization-details file as a snapshot (`--gaad FILE`); every other file is missing.
Result<Account> load_gaad_snapshot(const std::string& path, const LoadOptions& options = {});

/// Loads a snapshot directory (or, when gaad is given, one authorization-details file) resolving
/// AWS-managed ARNs absent from the dump with the built-in data (or data_dir); when that data is
/// unavailable the account says so in its warnings.
Result<Account> load_with_builtin_policies(const std::string& dir, const std::string& gaad,
                                           const std::string& data_dir, int64_t now = 0);

/// Resolves the managed-policy ARNs that principals reference (attached or as boundary) but the
/// dump lacks: AWS-managed ones from options.managed_policies, the rest reported as unresolved.
/// Called by both loaders; also derives account_id when the manifest does not give it.
void finish_account(Account& account, const LoadOptions& options);

}  // namespace iamwarden::snapshot
