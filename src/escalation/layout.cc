#include "escalation/layout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <memory>
#include <mutex>

// The two plugins linked in (the "dot" layout; the core renderers, SVG among them), so nothing is
// loaded by name at run time and no other plugin (pango text layout, with its fonts) is ever used.
extern "C" gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern "C" gvplugin_library_t gvplugin_core_LTX_library;

namespace iamwarden::escalation {
namespace {

lt_symlist_t builtin_plugins[] = {
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {nullptr, nullptr},
};

// Graphviz keeps global state (its error buffer, the current graph); one layout at a time.
std::mutex graphviz_mutex;

Error layout_error(std::string what) {
  return Error{ErrorCode::kInternal, "Graphviz: " + what, {}, ""};
}

}  // namespace

Result<std::string> dot_to_svg(const std::string& dot) {
  std::lock_guard<std::mutex> lock(graphviz_mutex);
  std::unique_ptr<GVC_t, int (*)(GVC_t*)> gvc(gvContextPlugins(builtin_plugins, 0), gvFreeContext);
  if (!gvc) return layout_error("no context");
  agseterr(AGMAX);  // errors are returned here, not printed on standard error
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(agmemread(dot.c_str()), agclose);
  if (!graph) return layout_error("the graph could not be read");
  if (gvLayout(gvc.get(), graph.get(), "dot") != 0) return layout_error("the \"dot\" layout failed");
  char* data = nullptr;
  unsigned int length = 0;
  const int rendered = gvRenderData(gvc.get(), graph.get(), "svg", &data, &length);
  std::string svg = rendered == 0 && data ? std::string(data, length) : std::string();
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc.get(), graph.get());
  if (rendered != 0 || svg.empty()) return layout_error("the SVG rendering failed");
  // Inline in HTML: from the <svg> element on.
  const size_t start = svg.find("<svg");
  return start == std::string::npos ? svg : svg.substr(start);
}

}  // namespace iamwarden::escalation
