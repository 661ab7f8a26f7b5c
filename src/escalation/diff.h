// What a change adds: principals that can reach administrator in a new snapshot but could not in
// the old one (`iamwarden paths --diff OLD NEW`, for CI on a pull request).
#pragma once

#include <cstddef>
#include <vector>

#include "escalation/graph.h"

namespace iamwarden::escalation {

struct PathsDiff {
  std::vector<size_t> new_administrators;  ///< NEW nodes that are administrators, and were not (or did not exist) in OLD
  std::vector<size_t> new_paths;           ///< NEW nodes with a path to administrator that had none in OLD
};

/// Compares two graphs built towards administrator, principal by ARN. A principal that was an
/// administrator in OLD is never new; one that reached administrator in OLD is not new because its
/// shortest path changed (only whether it can).
PathsDiff diff_paths(const Graph& old_graph, const Graph& new_graph);

}  // namespace iamwarden::escalation
