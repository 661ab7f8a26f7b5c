// JSON output: every finding with its file, code, severity, message, hint and location.
#include <fmt/format.h>

#include <array>

#include "base/json_writer.h"
#include "lint/report.h"

namespace iamwarden::lint {

std::string format_json(std::span<const LintResult> results, size_t ignored) {
  std::string out = "{\"findings\":[";
  std::array<size_t, 4> counts{};
  bool first = true;
  for (const LintResult& result : results) {
    for (const Finding& f : result.findings) {
      ++counts[static_cast<size_t>(f.severity)];
      out += fmt::format("{}\n{{\"file\":{},\"code\":{},\"severity\":{},\"message\":{},\"hint\":{},\"line\":{},"
                         "\"column\":{},\"pointer\":{}}}",
                         first ? "" : ",", json_quote(result.file), json_quote(f.code),
                         json_quote(severity_name(f.severity)), json_quote(f.message), json_quote(f.hint), f.loc.line,
                         f.loc.column, json_quote(f.loc.json_pointer));
      first = false;
    }
  }
  out += "\n],\"notes\":[";
  first = true;
  for (const LintResult& result : results) {
    for (const std::string& note : result.notes) {
      out += fmt::format("{}{{\"file\":{},\"message\":{}}}", first ? "" : ",", json_quote(result.file), json_quote(note));
      first = false;
    }
  }
  // The kind each policy was linted as: given with --type, or decided (with the evidence).
  out += "],\"files\":[";
  first = true;
  for (const LintResult& result : results) {
    out += fmt::format("{}{{\"file\":{},", first ? "" : ",", json_quote(result.file));
    if (result.kind_given || !result.kind_why.empty())
      out += fmt::format("\"kind\":{},\"kindGiven\":{},\"kindReason\":{},", json_quote(policy::policy_kind_name(result.kind)),
                         result.kind_given ? "true" : "false", json_quote(result.kind_why));
    out += fmt::format("\"findings\":{}}}", result.findings.size());
    first = false;
  }
  out += fmt::format("],\"summary\":{{\"files\":{},\"ERROR\":{},\"SECURITY_WARNING\":{},\"WARNING\":{},\"SUGGESTION\":{},\"ignored\":{}}}}}\n",
                     results.size(), counts[0], counts[1], counts[2], counts[3], ignored);
  return out;
}

}  // namespace iamwarden::lint
