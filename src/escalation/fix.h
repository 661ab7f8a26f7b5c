// `paths --fix`: a small set of policy edits that cuts every path to administrator (docs/paths.md).
// Each edit denies one action to a principal, a group or a customer-managed policy (so to every
// principal it is attached to); the set is found greedily on the graph and checked by searching
// again with the edits applied, then pruned until no edit can be dropped.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "snapshot/account.h"

namespace iamwarden::escalation {

struct Graph;

/// What a search with edits applied treats as denied: `action` (lower case) by this principal,
/// on every resource ("*") or on one.
struct Ban {
  size_t principal = 0;
  std::string action;
  std::string resource = "*";
};

enum class FixWhere : uint8_t { kPrincipal, kGroup, kPolicy, kTrust };

/// One edit: add {"Effect":"Deny","Action":actions,"Resource":resource} to `where`; in a role's trust
/// policy (kTrust), {"Effect":"Deny","Principal":{"AWS":principals},"Action":"sts:AssumeRole"}.
struct FixEdit {
  FixWhere kind = FixWhere::kPrincipal;
  std::string where;     ///< ARN of the user, role, group or customer-managed policy (kTrust: the role)
  std::vector<std::string> actions;  ///< as the methods' requests name them
  std::string resource;  ///< "*", or the role for sts:AssumeRole (then the trust policy is the other place to fix)
  std::vector<size_t> applies_to;  ///< principals (node indexes) the Deny reaches
  std::vector<size_t> cuts;        ///< principals whose shortest path (without edits) it breaks
  std::vector<std::string> principals;  ///< kTrust: the ARNs the trust policy must no longer admit
  /// The Deny statement to add, as JSON.
  std::string statement() const;
};

struct Fix {
  bool computed = false;               ///< Options::fix was asked for
  bool complete = false;               ///< with the edits, no principal that is not an administrator reaches it
  std::vector<FixEdit> edits;
  std::vector<size_t> remaining;       ///< principals that still reach administrator (when not complete)
  size_t searches = 0;                 ///< searches run to find and check the edits
};

/// Searches again with these bans and returns the graph (only principals' depth and path are read).
using SearchWithBans = std::function<const Graph&(const std::vector<Ban>&)>;

/// The edits for `graph` (searched without bans), found with `search`.
Fix find_fix(const snapshot::Account& account, const Graph& graph, const SearchWithBans& search);

}  // namespace iamwarden::escalation
