// Text and JSON renderings of escalation paths (docs/paths.md).
#pragma once

#include <string>
#include <vector>

#include "escalation/graph.h"

namespace iamwarden::escalation {

/// Which principals to show: every principal that is not an administrator but can reach it, or those named.
struct Selection {
  std::vector<size_t> principals;  ///< node indexes; empty = every one that reaches admin (unless `none`)
  bool none = false;               ///< show no principal (a --diff that adds nothing)
};

/// The nodes shown: the selection, or every non-administrator with a path (users first, snapshot order).
std::vector<size_t> shown_principals(const Graph& graph, const Selection& selection);

std::string paths_text(const Graph& graph, const Selection& selection);
/// One principal's path on one line: "user/alice → (iam-005) → admin" (not escaped).
std::string path_chain(const Graph& graph, size_t node);
/// The edits of `--fix` (Graph::fix), as text and as the JSON object paths_json embeds under "fix".
std::string fix_text(const Graph& graph);
std::string fix_json(const Graph& graph);
std::string paths_json(const Graph& graph, const Selection& selection);
/// A Graphviz digraph of the shown paths: principals and the goal as nodes, one edge per step labelled
/// with its method (dashed when conditional). `dot -Tsvg` draws it.
std::string paths_dot(const Graph& graph, const Selection& selection);

}  // namespace iamwarden::escalation
