// Privilege-escalation paths: which users and roles can become administrator, and how. Every edge
// is a method of the catalog (escalation/method.h) whose requests the policy engine allows for the
// concrete target (its ARN, trust policy, policies, credential state); see docs/paths.md.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "access/access.h"
#include "base/result.h"
#include "catalog/caller_restrictions.h"
#include "catalog/catalog.h"
#include "escalation/fix.h"
#include "escalation/method.h"
#include "snapshot/account.h"

namespace iamwarden::escalation {

enum class NodeKind : uint8_t { kUser, kRole, kAdmin };

/// One step of a path: the method used and what it reaches.
struct Step {
  const Method* method = nullptr;   ///< nullptr: the source is an administrator (paths to a user or role)
  std::vector<const Method*> with;  ///< methods it needs too (a boundary removal that uncaps it)
  size_t to = 0;                    ///< the node reached (Graph::admin for the administrator sink)
  std::string via;                  ///< what the method acts on (a group, a role it changes, a resource) when not `to`
  std::vector<std::string> requests;  ///< "iam:PutRolePolicy on arn:aws:iam::1:role/ci"
  bool conditional = false;
  std::vector<std::string> reasons;  ///< why it may not hold (keys the request must set, unknown credential state, ...)
};

struct Node {
  std::string arn;
  NodeKind kind = NodeKind::kAdmin;
  access::Grant admin = access::Grant::kDenied;  ///< as `access --admin` decides
  int depth = -1;  ///< steps to admin: 0 = an administrator, -1 = cannot reach it
  Step next;       ///< the first step of its shortest path (depth > 0)
  std::vector<std::string> problems;  ///< policies that could not be read: the answer may be incomplete
};

struct Options {
  int max_depth = 8;
  unsigned threads = 0;  ///< 0 = every core
  std::string to;        ///< a user or role (name or ARN): who can reach it, instead of who can reach administrator
  bool fix = false;      ///< also find the edits that cut every path to administrator (Graph::fix)
  bool all_paths = false;  ///< also every other first step that leads to administrator (Graph::alternatives)
  std::vector<std::string> all_paths_for;  ///< ARNs whose other ways to list (empty: every principal)
};

struct Stats {
  size_t principals = 0, candidates = 0, requests = 0;
};

struct Graph {
  std::vector<Node> nodes;  ///< users, then roles (snapshot order), then the administrator sink
  size_t admin = 0;         ///< index of the sink
  size_t goal = 0;          ///< where paths end: the sink, or the user or role of Options::to
  std::vector<std::string> notes;  ///< what the snapshot could not show (no credential report, no inventory)
  Stats stats;
  Fix fix;  ///< with Options::fix (paths to administrator only)
  /// With Options::all_paths, per node: its other first steps (each continued by the shortest path
  /// of the node it reaches); empty for most nodes.
  std::vector<std::vector<Step>> alternatives;
  bool alternatives_capped = false;  ///< some principal had more than Graph::kMaxAlternatives
  static constexpr size_t kMaxAlternatives = 50;

  bool to_admin() const { return goal == admin; }
  /// The steps from node i to the goal (the administrator sink, or Options::to) (empty when it cannot reach it or is one).
  std::vector<const Step*> path(size_t i) const;
  /// The path that starts with `first` (an alternative of some node) and continues from where it leads.
  std::vector<const Step*> path_from(const Step& first) const;
  /// A path is conditional when one of its steps is.
  bool conditional(size_t i) const;
  /// A user or role by name or ARN (index), or nodes.size().
  size_t find(std::string_view name_or_arn) const;
};

/// A step's request text ("iam:PassRole on arn:...") as action and resource ("*" when it names none).
std::pair<std::string, std::string> split_request(const std::string& request);

/// Builds the graph of the account and every principal's shortest path to administrator.
Graph find_paths(const snapshot::Account& account, const catalog::Catalog& catalog,
                 const catalog::CallerRestrictions& restrictions, const MethodCatalog& methods, const Options& options);

}  // namespace iamwarden::escalation
