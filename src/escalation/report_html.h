// `paths --format html`: one self-contained page with the escalation graph laid out by Graphviz and
// every shown principal's path (docs/paths.md).
#pragma once

#include <string>

#include "escalation/graph.h"
#include "escalation/report.h"

namespace iamwarden::escalation {

/// The drawing of the shown paths: inline SVG, or why there is none.
struct Drawing {
  std::string svg;
  std::string note;
};

/// Lays out the shown paths (paths_dot) with Graphviz when there are at most `max_principals` of them.
Drawing draw_paths(const Graph& graph, const Selection& selection, size_t max_principals = 300);

std::string paths_html(const Graph& graph, const Selection& selection, const Drawing& drawing, const std::string& source);

}  // namespace iamwarden::escalation
