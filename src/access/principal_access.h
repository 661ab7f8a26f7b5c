// A snapshot principal's policies as access layers: parsed and bounded once per document (shared
// by every principal using it), with the caller and the context keys the principal decides.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "access/access.h"
#include "base/result.h"
#include "snapshot/account.h"

namespace iamwarden::access {

/// Bounded policies by document, built on first use. Thread-safe.
class PolicyCache {
 public:
  /// The bounded form of a document, or nullptr with `error` set when it does not parse.
  const BoundedPolicy* get(const snapshot::PolicyDocument& document, policy::PolicyKind kind, std::string_view name,
                           KnownKeys known, std::string& error);

 private:
  struct Entry {
    std::once_flag built;
    std::unique_ptr<BoundedPolicy> policy;
    std::string error;
  };
  struct KeyHash {
    size_t operator()(const std::pair<const void*, int>& k) const {
      return std::hash<const void*>()(k.first) * 31 + static_cast<size_t>(k.second);
    }
  };
  std::mutex mutex_;  // guards the map only; each entry is built once, outside the lock
  std::unordered_map<std::pair<const void*, int>, std::unique_ptr<Entry>, KeyHash> entries_;  // (document, kind and keys)
};

/// What `iamwarden access` evaluates for one user or role.
struct PrincipalAccess {
  std::string arn;
  std::string name;
  bool is_role = false;
  Layers layers;
  eval::Caller caller;
  eval::Context context;
  std::vector<std::string> problems;  ///< unresolved policies, parse errors: the answer may be incomplete
  std::string scp_note;               ///< why SCPs are not applied, when they are not
  /// Principals with equal keys have equal grants (empty when the answer depends on the principal).
  std::string shared_key;
};

/// Gathers a principal's layers (identity, boundary, SCP levels) by name, ARN or id.
Result<PrincipalAccess> principal_access(const snapshot::Account& account, std::string_view name_or_arn,
                                         PolicyCache& cache);

}  // namespace iamwarden::access
