// The HTML page of `paths` (report_html.h). Self-contained: the SVG is inline, there is no script,
// and a Content-Security-Policy forbids every fetch. Every text goes through html_text.
#include "escalation/report_html.h"

#include <fmt/format.h>

#include "base/safe_text.h"
#include "base/version.h"
#include "escalation/layout.h"

namespace iamwarden::escalation {
namespace {

constexpr std::string_view kStyle = R"css(
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d232a;background:#f6f7f9}
header{background:#1f2933;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:21px;font-weight:600}
header p{margin:0;color:#c8d0d8;font-size:13px}main{padding:18px 28px 40px;max-width:1400px}h2{font-size:16px;margin:26px 0 10px}
.graph{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:10px;overflow:auto}.graph svg{max-width:100%;height:auto}
.principal{background:#fff;border:1px solid #dde1e6;border-radius:8px;margin:0 0 8px;padding:8px 14px}
.chain{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;overflow-wrap:anywhere}
.cond{color:#c98a00;font-weight:600}ol{margin:6px 0 2px}li{margin:2px 0}.req{font-family:ui-monospace,monospace;font-size:12px;color:#5b6570}
.note{color:#5b6570}
)css";

}  // namespace

Drawing draw_paths(const Graph& graph, const Selection& selection, size_t max_principals) {
  Drawing out;
  const size_t shown = shown_principals(graph, selection).size();
  if (shown == 0) return out;
  if (shown > max_principals) {
    out.note = fmt::format("{} principals are too many to draw legibly (at most {}): `--from` narrows the graph, "
                           "`--format dot` writes all of it for Graphviz",
                           shown, max_principals);
    return out;
  }
  Result<std::string> svg = dot_to_svg(paths_dot(graph, selection));
  if (svg) out.svg = svg.take();
  else out.note = "the graph could not be drawn: " + svg.error().message;
  return out;
}

std::string paths_html(const Graph& graph, const Selection& selection, const Drawing& drawing, const std::string& source) {
  const std::vector<size_t> shown = shown_principals(graph, selection);
  size_t reach = 0, admins = 0;
  for (size_t i = 0; i < graph.admin; ++i) {
    reach += graph.nodes[i].depth > 0 ? 1 : 0;
    admins += i != graph.goal && graph.nodes[i].admin == access::Grant::kAllowed ? 1 : 0;
  }
  const std::string goal = graph.to_admin() ? "administrator" : graph.nodes[graph.goal].arn;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
      "<link rel=\"icon\" href=\"data:,\">\n<title>iamwarden paths: {0}</title>\n<style>{1}</style>\n</head>\n<body>\n"
      "<header><h1>Who can reach {2}</h1>\n<p>snapshot {0} &#183; {3} of {4} principals can reach it &#183; administrators "
      "already: {5} &#183; iamwarden {6}</p></header>\n<main>\n",
      html_text(source), kStyle, html_text(goal), reach, graph.admin, admins, html_text(tool_version()));
  for (const std::string& n : graph.notes) out += "<p class=\"note\">note: " + html_text(n) + "</p>\n";
  if (!drawing.svg.empty()) out += "<h2>Graph</h2>\n<div class=\"graph\">" + drawing.svg + "</div>\n";
  else if (!drawing.note.empty()) out += "<p class=\"note\">" + html_text(drawing.note) + "</p>\n";
  out += fmt::format("<h2>Paths ({})</h2>\n", shown.size());
  for (size_t i : shown) {
    const Node& n = graph.nodes[i];
    out += "<section class=\"principal\">";
    if (n.depth <= 0) {
      out += fmt::format("<div class=\"chain\">{}</div><p class=\"note\">{}</p></section>\n", html_text(n.arn),
                         n.depth == 0 ? "the goal itself, or an administrator already" : "no path found");
      continue;
    }
    const std::vector<const Step*> steps = graph.path(i);
    out += fmt::format("<div class=\"chain\">{}</div><p>{} step{}{}</p><ol>", html_text(path_chain(graph, i)), steps.size(),
                       steps.size() == 1 ? "" : "s", graph.conditional(i) ? " <span class=\"cond\">under conditions</span>" : "");
    for (const Step* s : steps) {
      out += fmt::format("<li><strong>{}</strong> {}", html_text(s->method ? s->method->id : "administrator"),
                         html_text(s->method ? s->method->name : "an administrator can act as any user or role"));
      for (const std::string& r : s->requests) out += "<br><span class=\"req\">allowed: " + html_text(r) + "</span>";
      for (const std::string& r : s->reasons) out += "<br><span class=\"req cond\">if: " + html_text(r) + "</span>";
      out += "</li>";
    }
    out += "</ol></section>\n";
  }
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace iamwarden::escalation
