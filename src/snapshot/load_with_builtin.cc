// Loading a snapshot with iamwarden's built-in AWS-managed policies to resolve referenced ARNs.
#include <fmt/format.h>

#include <optional>

#include "catalog/managed_policies.h"
#include "snapshot/snapshot.h"

namespace iamwarden::snapshot {

Result<Account> load_with_builtin_policies(const std::string& dir, const std::string& gaad,
                                           const std::string& data_dir, int64_t now) {
  std::optional<catalog::ManagedPolicies> managed;
  std::string unavailable;
  bool tried = false;
  LoadOptions options;
  options.now = now;
  options.managed_policies = [&]() -> const catalog::ManagedPolicies* {
    if (!tried) {
      tried = true;
      Result<catalog::ManagedPolicies> loaded = catalog::load_managed_policies(data_dir);
      if (loaded) managed = loaded.take();
      else unavailable = loaded.error().format();
    }
    return managed ? &*managed : nullptr;
  };
  Result<Account> account = gaad.empty() ? load_snapshot(dir, options) : load_gaad_snapshot(gaad, options);
  if (account && !unavailable.empty())
    account->warnings.push_back(fmt::format("AWS-managed policies unavailable: {}", unavailable));
  return account;
}

}  // namespace iamwarden::snapshot
