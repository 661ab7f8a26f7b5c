// Rendering escalation paths: one block per principal, one line per step.
#include "escalation/report.h"

#include <fmt/format.h>

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
  std::string out = s.method ? s.method->id : "";
  for (const Method* m : s.with) out += " + " + m->id;
  return out;
}

std::string strings_json(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + json_quote(v[i]);
  return out + "]";
}

}  // namespace

std::vector<size_t> shown_principals(const Graph& graph, const Selection& selection) {
  if (!selection.principals.empty()) return selection.principals;
  std::vector<size_t> out;
  for (size_t i = 0; i < graph.admin; ++i)
    if (graph.nodes[i].depth > 0) out.push_back(i);
  return out;
}

std::string paths_text(const Graph& graph, const Selection& selection) {
  std::string out;
  size_t admins = 0, reach = 0, conditional = 0;
  for (size_t i = 0; i < graph.admin; ++i) {
    admins += graph.nodes[i].depth == 0 ? 1 : 0;
    if (graph.nodes[i].depth > 0) {
      ++reach;
      conditional += graph.conditional(i) ? 1 : 0;
    }
  }
  fmt::format_to(std::back_inserter(out),
                 "{} of {} principals can become administrator ({} only under conditions); administrators already: {}\n",
                 reach, graph.admin, conditional, admins);
  for (const std::string& n : graph.notes) fmt::format_to(std::back_inserter(out), "note: {}\n", safe_text(n));
  for (size_t i : shown_principals(graph, selection)) {
    const Node& n = graph.nodes[i];
    out += "\n";
    if (n.depth == 0) {
      fmt::format_to(std::back_inserter(out), "{} {}: an administrator already\n", kind_name(n.kind), safe_text(n.arn));
      continue;
    }
    if (n.depth < 0) {
      fmt::format_to(std::back_inserter(out), "{} {}: no path to administrator found\n", kind_name(n.kind), safe_text(n.arn));
      for (const std::string& p : n.problems) fmt::format_to(std::back_inserter(out), "  warning: {}\n", safe_text(p));
      continue;
    }
    std::vector<const Step*> steps = graph.path(i);
    fmt::format_to(std::back_inserter(out), "{} {}: administrator in {} step{}{}\n", kind_name(n.kind), safe_text(n.arn),
                   steps.size(), steps.size() == 1 ? "" : "s", graph.conditional(i) ? " (conditional)" : "");
    // alice → (iam-005 on role/ci) → role/ci → (sts-001) → admin
    std::string chain = short_name(n.arn);
    for (const Step* s : steps)
      chain += fmt::format(" → ({}{}) → {}", method_label(*s), s->via.empty() ? "" : " on " + short_name(s->via),
                           s->to == graph.admin ? "admin" : short_name(graph.nodes[s->to].arn));
    fmt::format_to(std::back_inserter(out), "  {}\n", safe_text(chain));
    for (size_t k = 0; k < steps.size(); ++k) {
      const Step& s = *steps[k];
      fmt::format_to(std::back_inserter(out), "  {}. {} {}: {}\n", k + 1, method_label(s), s.method ? category_name(s.method->category) : "",
                     safe_text(s.method ? s.method->name : ""));
      for (const std::string& r : s.requests) fmt::format_to(std::back_inserter(out), "       allowed: {}\n", safe_text(r));
      for (const std::string& r : s.reasons) fmt::format_to(std::back_inserter(out), "       if: {}\n", safe_text(r));
    }
    for (const std::string& p : n.problems) fmt::format_to(std::back_inserter(out), "  warning: {}\n", safe_text(p));
  }
  return out;
}

std::string paths_json(const Graph& graph, const Selection& selection) {
  std::string out = "{\"principals\":[";
  bool first = true;
  for (size_t i : shown_principals(graph, selection)) {
    const Node& n = graph.nodes[i];
    fmt::format_to(std::back_inserter(out), "{}{{\"principal\":{},\"type\":\"{}\",\"admin\":{},\"adminReachable\":{},\"conditional\":{}",
                   first ? "" : ",", json_quote(n.arn), kind_name(n.kind), n.depth == 0 ? "true" : "false",
                   n.depth > 0 ? "true" : "false", graph.conditional(i) ? "true" : "false");
    first = false;
    out += ",\"steps\":[";
    std::vector<const Step*> steps = graph.path(i);
    for (size_t k = 0; k < steps.size(); ++k) {
      const Step& s = *steps[k];
      std::vector<std::string> with;
      for (const Method* m : s.with) with.push_back(m->id);
      fmt::format_to(std::back_inserter(out),
                     "{}{{\"method\":{},\"with\":{},\"name\":{},\"category\":\"{}\",\"to\":{},\"via\":{},\"requests\":{},"
                     "\"conditional\":{},\"reasons\":{}}}",
                     k ? "," : "", json_quote(s.method ? s.method->id : ""), strings_json(with),
                     json_quote(s.method ? s.method->name : ""), s.method ? category_name(s.method->category) : "",
                     json_quote(s.to == graph.admin ? "admin" : graph.nodes[s.to].arn),
                     s.via.empty() ? "null" : json_quote(s.via), strings_json(s.requests), s.conditional ? "true" : "false",
                     strings_json(s.reasons));
    }
    fmt::format_to(std::back_inserter(out), "],\"problems\":{}}}", strings_json(n.problems));
  }
  size_t admins = 0, reach = 0;
  for (size_t i = 0; i < graph.admin; ++i) {
    admins += graph.nodes[i].depth == 0 ? 1 : 0;
    reach += graph.nodes[i].depth > 0 ? 1 : 0;
  }
  fmt::format_to(std::back_inserter(out), "],\"summary\":{{\"principals\":{},\"administrators\":{},\"adminReachable\":{}}},\"notes\":{}}}\n",
                 graph.admin, admins, reach, strings_json(graph.notes));
  return out;
}

}  // namespace iamwarden::escalation
