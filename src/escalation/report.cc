// Rendering escalation paths: one block per principal, one line per step.
#include "escalation/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "base/json_writer.h"
#include "base/safe_text.h"

namespace iamwarden::escalation {
namespace {

std::string_view kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::kUser: return "user";
    case NodeKind::kRole: return "role";
    case NodeKind::kAdmin: return "admin";
  }
  return "";
}

// "role/ci" for an IAM ARN, the text otherwise.
std::string short_name(std::string_view arn) {
  const size_t colon = arn.rfind(':');
  return std::string(colon == std::string_view::npos ? arn : arn.substr(colon + 1));
}

std::string method_label(const Step& s) {
  std::string out = s.method ? s.method->id : "administrator";
  for (const Method* m : s.with) out += " + " + m->id;
  return out;
}

// What paths end at, as a step names it: "admin", or the goal principal.
std::string end_name(const Graph& graph, size_t node) {
  return node == graph.admin ? "admin" : short_name(graph.nodes[node].arn);
}

std::string strings_json(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + json_quote(v[i]);
  return out + "]";
}

}  // namespace

std::vector<size_t> shown_principals(const Graph& graph, const Selection& selection) {
  if (selection.none) return {};
  if (!selection.principals.empty()) return selection.principals;
  std::vector<size_t> out;
  for (size_t i = 0; i < graph.admin; ++i)
    if (graph.nodes[i].depth > 0) out.push_back(i);
  return out;
}

namespace {

// alice → (iam-005 on role/ci) → role/ci → (sts-001) → admin
std::string chain_of(const Graph& graph, size_t node, const std::vector<const Step*>& steps) {
  std::string chain = short_name(graph.nodes[node].arn);
  for (const Step* s : steps)
    chain += fmt::format(" → ({}{}) → {}", method_label(*s), s->via.empty() ? "" : " on " + short_name(s->via), end_name(graph, s->to));
  return chain;
}

std::string steps_json(const Graph& graph, const std::vector<const Step*>& steps) {
  std::string out = "[";
  for (size_t k = 0; k < steps.size(); ++k) {
    const Step& s = *steps[k];
    std::vector<std::string> with;
    for (const Method* m : s.with) with.push_back(m->id);
    fmt::format_to(std::back_inserter(out),
                   "{}{{\"method\":{},\"with\":{},\"name\":{},\"category\":\"{}\",\"to\":{},\"via\":{},\"requests\":{},"
                   "\"conditional\":{},\"reasons\":{}}}",
                   k ? "," : "", json_quote(s.method ? s.method->id : "administrator"), strings_json(with),
                   json_quote(s.method ? s.method->name : "an administrator can act as any user or role"),
                   s.method ? category_name(s.method->category) : "principal",
                   json_quote(s.to == graph.admin ? "admin" : graph.nodes[s.to].arn), s.via.empty() ? "null" : json_quote(s.via),
                   strings_json(s.requests), s.conditional ? "true" : "false", strings_json(s.reasons));
  }
  return out + "]";
}

}  // namespace

std::string path_chain(const Graph& graph, size_t node) { return chain_of(graph, node, graph.path(node)); }

std::string paths_text(const Graph& graph, const Selection& selection) {
  std::string out;
  size_t admins = 0, reach = 0, conditional = 0;
  for (size_t i = 0; i < graph.admin; ++i) {
    admins += i != graph.goal && graph.nodes[i].admin == access::Grant::kAllowed ? 1 : 0;
    if (graph.nodes[i].depth > 0) {
      ++reach;
      conditional += graph.conditional(i) ? 1 : 0;
    }
  }
  const std::string goal = graph.to_admin() ? "" : short_name(graph.nodes[graph.goal].arn);
  if (graph.to_admin())
    fmt::format_to(std::back_inserter(out),
                   "{} of {} principals can become administrator ({} only under conditions); administrators already: {}\n",
                   reach, graph.admin, conditional, admins);
  else
    fmt::format_to(std::back_inserter(out), "{} of {} principals can reach {} ({} only under conditions; {} administrator{} among them)\n",
                   reach, graph.admin, safe_text(goal), conditional, admins, admins == 1 ? "" : "s");
  for (const std::string& n : graph.notes) fmt::format_to(std::back_inserter(out), "note: {}\n", safe_text(n));
  const std::string target = graph.to_admin() ? "administrator" : safe_text(goal);
  for (size_t i : shown_principals(graph, selection)) {
    const Node& n = graph.nodes[i];
    out += "\n";
    if (n.depth == 0) {
      fmt::format_to(std::back_inserter(out), "{} {}: {}\n", kind_name(n.kind), safe_text(n.arn),
                     graph.to_admin() ? "an administrator already" : "the principal asked about");
      continue;
    }
    if (n.depth < 0) {
      fmt::format_to(std::back_inserter(out), "{} {}: no path to {} found\n", kind_name(n.kind), safe_text(n.arn), target);
      for (const std::string& p : n.problems) fmt::format_to(std::back_inserter(out), "  warning: {}\n", safe_text(p));
      continue;
    }
    std::vector<const Step*> steps = graph.path(i);
    fmt::format_to(std::back_inserter(out), "{} {}: {} in {} step{}{}\n", kind_name(n.kind), safe_text(n.arn), target,
                   steps.size(), steps.size() == 1 ? "" : "s", graph.conditional(i) ? " (conditional)" : "");
    fmt::format_to(std::back_inserter(out), "  {}\n", safe_text(path_chain(graph, i)));
    for (size_t k = 0; k < steps.size(); ++k) {
      const Step& s = *steps[k];
      fmt::format_to(std::back_inserter(out), "  {}. {} {}: {}\n", k + 1, method_label(s),
                     s.method ? category_name(s.method->category) : "principal",
                     safe_text(s.method ? s.method->name : "an administrator can act as any user or role"));
      for (const std::string& r : s.requests) fmt::format_to(std::back_inserter(out), "       allowed: {}\n", safe_text(r));
      for (const std::string& r : s.reasons) fmt::format_to(std::back_inserter(out), "       if: {}\n", safe_text(r));
    }
    if (i < graph.alternatives.size() && !graph.alternatives[i].empty()) {
      fmt::format_to(std::back_inserter(out), "  other ways ({}):\n", graph.alternatives[i].size());
      for (const Step& first : graph.alternatives[i]) {
        const std::vector<const Step*> other = graph.path_from(first);
        const bool under_conditions = std::any_of(other.begin(), other.end(), [](const Step* s) { return s->conditional; });
        fmt::format_to(std::back_inserter(out), "  - {}{}\n", safe_text(chain_of(graph, i, other)), under_conditions ? " (conditional)" : "");
      }
    }
    for (const std::string& p : n.problems) fmt::format_to(std::back_inserter(out), "  warning: {}\n", safe_text(p));
  }
  if (graph.alternatives_capped)
    fmt::format_to(std::back_inserter(out), "\nnote: at most {} other ways are listed per principal\n", Graph::kMaxAlternatives);
  return out;
}

std::string paths_json(const Graph& graph, const Selection& selection) {
  std::string out = "{\"principals\":[";
  bool first = true;
  for (size_t i : shown_principals(graph, selection)) {
    const Node& n = graph.nodes[i];
    if (graph.to_admin())
      fmt::format_to(std::back_inserter(out), "{}{{\"principal\":{},\"type\":\"{}\",\"admin\":{},\"adminReachable\":{},\"conditional\":{}",
                     first ? "" : ",", json_quote(n.arn), kind_name(n.kind), n.depth == 0 ? "true" : "false",
                     n.depth > 0 ? "true" : "false", graph.conditional(i) ? "true" : "false");
    else
      fmt::format_to(std::back_inserter(out), "{}{{\"principal\":{},\"type\":\"{}\",\"admin\":{},\"reaches\":{},\"conditional\":{}",
                     first ? "" : ",", json_quote(n.arn), kind_name(n.kind),
                     n.admin == access::Grant::kAllowed ? "true" : "false", n.depth > 0 ? "true" : "false",
                     graph.conditional(i) ? "true" : "false");
    first = false;
    out += ",\"steps\":" + steps_json(graph, graph.path(i));
    if (i < graph.alternatives.size() && !graph.alternatives[i].empty()) {
      out += ",\"alternatives\":[";
      for (size_t k = 0; k < graph.alternatives[i].size(); ++k) {
        const std::vector<const Step*> steps = graph.path_from(graph.alternatives[i][k]);
        fmt::format_to(std::back_inserter(out), "{}{{\"chain\":{},\"steps\":{}}}", k ? "," : "",
                       json_quote(chain_of(graph, i, steps)), steps_json(graph, steps));
      }
      out += "]";
    }
    fmt::format_to(std::back_inserter(out), ",\"problems\":{}}}", strings_json(n.problems));
  }
  size_t admins = 0, reach = 0;
  for (size_t i = 0; i < graph.admin; ++i) {
    admins += i != graph.goal && graph.nodes[i].admin == access::Grant::kAllowed ? 1 : 0;
    reach += graph.nodes[i].depth > 0 ? 1 : 0;
  }
  if (graph.to_admin())
    fmt::format_to(std::back_inserter(out), "],\"summary\":{{\"principals\":{},\"administrators\":{},\"adminReachable\":{}}},{}\"notes\":{}}}\n",
                   graph.admin, admins, reach, graph.fix.computed ? "\"fix\":" + fix_json(graph) + "," : "",
                   strings_json(graph.notes));
  else
    fmt::format_to(std::back_inserter(out), "],\"target\":{},\"summary\":{{\"principals\":{},\"administrators\":{},\"reach\":{}}},\"notes\":{}}}\n",
                   json_quote(graph.nodes[graph.goal].arn), graph.admin, admins, reach, strings_json(graph.notes));
  return out;
}

namespace {

const char* where_name(FixWhere w) {
  switch (w) {
    case FixWhere::kPrincipal: return "principal";
    case FixWhere::kGroup: return "group";
    case FixWhere::kPolicy: return "policy";
    case FixWhere::kTrust: return "trust";
  }
  return "principal";
}

std::string names(const Graph& graph, const std::vector<size_t>& nodes, size_t limit) {
  std::string out;
  for (size_t k = 0; k < nodes.size() && k < limit; ++k) out += (k ? ", " : "") + short_name(graph.nodes[nodes[k]].arn);
  if (nodes.size() > limit) out += fmt::format(" and {} more", nodes.size() - limit);
  return out;
}

}  // namespace

std::string fix_text(const Graph& graph) {
  const Fix& fix = graph.fix;
  std::string out;
  const size_t n = fix.edits.size();
  if (fix.complete)
    fmt::format_to(std::back_inserter(out),
                   "fix: {} edit{} cut{} every path to administrator (checked by searching again with {}: no principal that is "
                   "not an administrator can then become one)\n",
                   n, n == 1 ? "" : "s", n == 1 ? "s" : "", n == 1 ? "it" : "them");
  else
    fmt::format_to(std::back_inserter(out), "fix: {} edit{} found; {} principal{} still reach administrator with them: {}\n", n,
                   n == 1 ? "" : "s", fix.remaining.size(), fix.remaining.size() == 1 ? "" : "s",
                   safe_text(names(graph, fix.remaining, 10)));
  for (size_t k = 0; k < n; ++k) {
    const FixEdit& e = fix.edits[k];
    std::string place = e.kind == FixWhere::kTrust       ? fmt::format("in the trust policy of {}", e.where)
                        : e.kind == FixWhere::kPrincipal ? fmt::format("to {}", e.where)
                        : e.kind == FixWhere::kGroup
                            ? fmt::format("to group {} ({} member{})", e.where, e.applies_to.size(), e.applies_to.size() == 1 ? "" : "s")
                            : fmt::format("in policy {} (attached to {} principal{})", e.where, e.applies_to.size(),
                                          e.applies_to.size() == 1 ? "" : "s");
    fmt::format_to(std::back_inserter(out), "  {}. {}, add\n       {}\n", k + 1, safe_text(place), safe_text(e.statement()));
    if (e.resource != "*" && e.kind != FixWhere::kTrust)
      fmt::format_to(std::back_inserter(out), "     (or remove {} from the trust policy of {})\n",
                     safe_text(e.kind == FixWhere::kPrincipal ? short_name(e.where) : "them"), safe_text(short_name(e.resource)));
    if (!e.cuts.empty())
      fmt::format_to(std::back_inserter(out), "     cuts the shortest path of {}\n", safe_text(names(graph, e.cuts, 10)));
  }
  return out;
}

std::string fix_json(const Graph& graph) {
  const Fix& fix = graph.fix;
  std::string out = fmt::format("{{\"complete\":{},\"edits\":[", fix.complete ? "true" : "false");
  auto arns = [&](const std::vector<size_t>& nodes) {
    std::vector<std::string> v;
    for (size_t i : nodes) v.push_back(graph.nodes[i].arn);
    return strings_json(v);
  };
  for (size_t k = 0; k < fix.edits.size(); ++k) {
    const FixEdit& e = fix.edits[k];
    fmt::format_to(std::back_inserter(out), "{}{{\"kind\":\"{}\",\"where\":{},\"statement\":{},\"appliesTo\":{},\"cuts\":{}}}",
                   k ? "," : "", where_name(e.kind), json_quote(e.where), e.statement(), arns(e.applies_to), arns(e.cuts));
  }
  fmt::format_to(std::back_inserter(out), "],\"remaining\":{},\"searches\":{}}}", arns(fix.remaining), fix.searches);
  return out;
}

namespace {

// A DOT string literal: control characters escaped as everywhere (safe_text), then quotes and backslashes.
std::string dot_quote(std::string_view text) {
  std::string out = "\"";
  for (char c : safe_text(text)) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string paths_dot(const Graph& graph, const Selection& selection) {
  std::string out = "digraph paths {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\"];\n";
  std::vector<char> drawn(graph.nodes.size(), 0);
  auto node = [&](size_t i) {
    if (drawn[i]) return;
    drawn[i] = 1;
    const bool end = i == graph.goal;
    fmt::format_to(std::back_inserter(out), "  n{} [label={}{}];\n", i, dot_quote(end_name(graph, i)),
                   end                                     ? ", shape=doubleoctagon, style=bold"
                   : i == graph.admin                      ? ", shape=octagon"
                   : graph.nodes[i].kind == NodeKind::kUser ? ", shape=ellipse"
                                                           : "");
  };
  std::set<std::tuple<size_t, size_t, std::string>> edges;  // each step once, however many paths share it
  for (size_t i : shown_principals(graph, selection)) {
    node(i);
    size_t from = i;
    for (const Step* s : graph.path(i)) {
      node(s->to);
      std::string label = method_label(*s);
      if (!s->via.empty()) label += " on " + short_name(s->via);
      if (edges.emplace(from, s->to, label).second)
        fmt::format_to(std::back_inserter(out), "  n{} -> n{} [label={}{}];\n", from, s->to, dot_quote(label),
                       s->conditional ? ", style=dashed" : "");
      from = s->to;
    }
  }
  return out + "}\n";
}

}  // namespace iamwarden::escalation
