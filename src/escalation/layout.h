// Laying out a Graphviz DOT graph as SVG with the Graphviz library (libgvc), for self-contained
// HTML reports; `dot` itself is not needed.
#pragma once

#include <string>

#include "base/result.h"

namespace iamwarden::escalation {

/// The SVG of a DOT digraph laid out by the "dot" engine (the XML prolog and DOCTYPE left out, so it
/// can sit inline in HTML). An error when Graphviz cannot parse the text or lay it out (its plugins
/// missing, say).
Result<std::string> dot_to_svg(const std::string& dot);

}  // namespace iamwarden::escalation
