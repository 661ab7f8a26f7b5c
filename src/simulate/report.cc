// Text and JSON renderings of a simulation.
#include "simulate/report.h"

#include <fmt/format.h>

#include "base/json_writer.h"

namespace iamwarden::simulate {

std::string format_text(const SimulationCase& c, const eval::Outcome& outcome, const eval::Trace* trace) {
  std::string out = fmt::format("{}\n", eval::decision_name(outcome.decision));
  out += fmt::format("  {}\n", outcome.describe());
  if (!trace) return out;
  const eval::Request& r = c.request;
  out += fmt::format("\nrequest: {} {} on {} (resource account {})\n", eval::caller_kind_name(r.caller.kind),
                     r.caller.arn.empty() ? "(anonymous)" : r.caller.arn, r.resource, r.resource_account);
  out += fmt::format("action:  {}\n", r.action);
  if (!trace->derived_keys.empty())
    out += fmt::format("derived context keys: {}\n", fmt::join(trace->derived_keys, ", "));
  for (const std::string& note : trace->notes) out += fmt::format("note: {}\n", note);
  out += "\nstatements:\n";
  if (trace->statements.empty()) out += "  (none consulted)\n";
  for (const eval::StatementTrace& s : trace->statements) {
    out += fmt::format("  [{}] {} {} statement {} ({}): {}\n", s.applied ? "applies" : "  -    ", s.layer, s.policy,
                       s.statement, s.effect == policy::Effect::kAllow ? "Allow" : "Deny", s.reason);
  }
  if (!trace->missing_keys.empty())
    out += fmt::format("\ncondition keys absent from the request: {}\n", fmt::join(trace->missing_keys, ", "));
  return out;
}

std::string format_json(const SimulationCase& c, const eval::Outcome& outcome, const eval::Trace* trace) {
  std::string out = "{";
  out += "\"file\":" + json_quote(c.file);
  out += ",\"name\":" + json_quote(c.name);
  out += ",\"decision\":" + json_quote(eval::decision_name(outcome.decision));
  out += ",\"reason\":" + json_quote(outcome.describe());
  if (outcome.statement) {
    out += ",\"decidedBy\":{\"layer\":" + json_quote(outcome.layer);
    if (outcome.level >= 0) out += fmt::format(",\"level\":{}", outcome.level + 1);
    if (outcome.policy) out += ",\"policy\":" + json_quote(outcome.policy->name);
    out += ",\"statement\":" + json_quote(outcome.statement->label());
    out += ",\"pointer\":" + json_quote(outcome.statement->pointer) + "}";
  }
  if (trace) {
    out += ",\"trace\":{\"statements\":[";
    for (size_t i = 0; i < trace->statements.size(); ++i) {
      const eval::StatementTrace& s = trace->statements[i];
      if (i) out += ',';
      out += "{\"layer\":" + json_quote(s.layer) + ",\"policy\":" + json_quote(s.policy) +
             ",\"statement\":" + json_quote(s.statement) + ",\"pointer\":" + json_quote(s.pointer) +
             ",\"effect\":" + json_quote(s.effect == policy::Effect::kAllow ? "Allow" : "Deny") +
             ",\"applied\":" + (s.applied ? "true" : "false") + ",\"reason\":" + json_quote(s.reason) + "}";
    }
    auto list = [&](std::string_view name, const std::vector<std::string>& items) {
      out += fmt::format(",\"{}\":[", name);
      for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + json_quote(items[i]);
      out += "]";
    };
    out += "]";
    list("notes", trace->notes);
    list("missingContextKeys", trace->missing_keys);
    list("derivedContextKeys", trace->derived_keys);
    out += "}";
  }
  out += "}";
  return out;
}

}  // namespace iamwarden::simulate
