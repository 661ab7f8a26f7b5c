// Comparing two escalation graphs by principal ARN (diff.h).
#include "escalation/diff.h"

#include <string_view>
#include <unordered_map>

namespace iamwarden::escalation {

PathsDiff diff_paths(const Graph& old_graph, const Graph& new_graph) {
  std::unordered_map<std::string_view, int> old_depth;  // ARN -> depth to administrator (-1: none)
  old_depth.reserve(old_graph.admin);
  for (size_t i = 0; i < old_graph.admin; ++i) old_depth.emplace(old_graph.nodes[i].arn, old_graph.nodes[i].depth);
  PathsDiff out;
  for (size_t i = 0; i < new_graph.admin; ++i) {
    const Node& n = new_graph.nodes[i];
    if (n.depth < 0) continue;
    auto it = old_depth.find(n.arn);
    const int before = it == old_depth.end() ? -1 : it->second;
    if (n.depth == 0 && before != 0) out.new_administrators.push_back(i);
    if (n.depth > 0 && before < 0) out.new_paths.push_back(i);
  }
  return out;
}

}  // namespace iamwarden::escalation
