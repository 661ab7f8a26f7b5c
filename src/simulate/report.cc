// Text and JSON renderings of a simulation.
#include "simulate/report.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <utility>

#include "base/json_writer.h"
#include "base/safe_text.h"

namespace iamwarden::simulate {

namespace {

// Appends one line: everything on it comes from the request and the policies (ARNs, Sids,
// condition values), so the whole line is escaped; only the line break is ours.
template <class... Args>
void line(std::string& out, fmt::format_string<Args...> format, Args&&... args) {
  append_safe_text(out, fmt::format(format, std::forward<Args>(args)...));
  out += '\n';
}

}  // namespace

namespace {

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + json_quote(items[i]);
  return out + "]";
}

// "decision", "reason", "decidedBy", "missingContextValues": what every JSON answer carries.
void append_answer(std::string& out, const Answer& answer, const eval::Trace& trace) {
  const eval::Outcome& outcome = answer.outcome;
  out += "\"decision\":" + json_quote(eval::decision_name(outcome.decision));
  out += ",\"reason\":" + json_quote(answer.reason());
  if (outcome.statement) {
    out += ",\"decidedBy\":{\"layer\":" + json_quote(outcome.layer);
    if (outcome.level >= 0) out += fmt::format(",\"level\":{}", outcome.level + 1);
    if (outcome.policy) out += ",\"policy\":" + json_quote(outcome.policy->name);
    out += ",\"statement\":" + json_quote(outcome.statement->label());
    out += ",\"pointer\":" + json_quote(outcome.statement->pointer) + "}";
  } else if (!outcome.layer.empty()) {
    // An implicit deny (or a root/ungated allow) has no statement, only the layer that decided
    // ("caller" when the caller's kind cannot call the action at all).
    out += ",\"decidedBy\":{\"layer\":" + json_quote(outcome.layer);
    if (outcome.level >= 0) out += fmt::format(",\"level\":{}", outcome.level + 1);
    if (outcome.policy) out += ",\"policy\":" + json_quote(outcome.policy->name);
    out += "}";
  }
  out += ",\"missingContextValues\":" + json_list(trace.missing_keys);
}

}  // namespace

std::string format_text(const SimulationCase& c, const Answer& answer, const eval::Trace& trace, bool explain) {
  std::string out;
  line(out, "{}", eval::decision_name(answer.outcome.decision));
  line(out, "  {}", answer.reason());
  // Shown always: an absent key can be what decided (a region guardrail without aws:RequestedRegion).
  if (!trace.missing_keys.empty())
    line(out, "  missing context values: {}", fmt::join(trace.missing_keys, ", "));
  if (!explain) return out;
  const eval::Request& r = c.request;
  out += '\n';
  line(out, "request: {} {} on {} (resource account {})", eval::caller_kind_name(r.caller.kind),
       r.caller.arn.empty() ? "(anonymous)" : r.caller.arn, r.resource, r.resource_account);
  line(out, "action:  {}", r.action);
  if (!trace.derived_keys.empty()) line(out, "derived context keys: {}", fmt::join(trace.derived_keys, ", "));
  for (const std::string& note : trace.notes) line(out, "note: {}", note);
  out += "\nstatements:\n";
  if (trace.statements.empty()) out += "  (none consulted)\n";
  for (const eval::StatementTrace& s : trace.statements) {
    line(out, "  [{}] {} {} statement {} ({}): {}", s.applied ? "applies" : "  -    ", s.layer, s.policy, s.statement,
         s.effect == policy::Effect::kAllow ? "Allow" : "Deny", s.reason);
  }
  return out;
}

std::string format_json_warnings(const std::vector<Error>& warnings) {
  std::vector<std::string> texts;
  texts.reserve(warnings.size());
  for (const Error& w : warnings) texts.push_back(w.format());
  return json_list(texts);
}

std::string format_json_answer(const eval::Request& request, const Answer& answer, const eval::Trace& trace,
                               const std::vector<Error>& warnings) {
  std::string out = "{\"action\":" + json_quote(request.action) + ",\"resource\":" + json_quote(request.resource) + ",";
  append_answer(out, answer, trace);
  return out + ",\"warnings\":" + format_json_warnings(warnings) + "}";
}

std::string format_json(const SimulationCase& c, const Answer& answer, const eval::Trace& trace) {
  std::string out = "{";
  out += "\"file\":" + json_quote(c.file);
  out += ",\"name\":" + json_quote(c.name) + ",";
  append_answer(out, answer, trace);
  out += ",\"warnings\":" + format_json_warnings(c.warnings);
  if (trace.record_statements) {
    out += ",\"trace\":{\"statements\":[";
    for (size_t i = 0; i < trace.statements.size(); ++i) {
      const eval::StatementTrace& s = trace.statements[i];
      if (i) out += ',';
      out += "{\"layer\":" + json_quote(s.layer) + ",\"policy\":" + json_quote(s.policy) +
             ",\"statement\":" + json_quote(s.statement) + ",\"pointer\":" + json_quote(s.pointer) +
             ",\"effect\":" + json_quote(s.effect == policy::Effect::kAllow ? "Allow" : "Deny") +
             ",\"applied\":" + (s.applied ? "true" : "false") + ",\"reason\":" + json_quote(s.reason) + "}";
    }
    out += "],\"notes\":" + json_list(trace.notes);
    out += ",\"derivedContextKeys\":" + json_list(trace.derived_keys) + "}";
  }
  out += "}";
  return out;
}

}  // namespace iamwarden::simulate
