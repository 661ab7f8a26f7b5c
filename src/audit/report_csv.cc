// RFC 4180 CSV: a header row, then one row per result; fields quoted only when they hold a comma,
// a quote, CR or LF (quotes doubled); CRLF line ends. A field a spreadsheet would run as a formula
// (first character = + - @ TAB or CR: resource names and tags come from the account) gets a
// leading "'" (OWASP CSV-injection guidance).
#include <fmt/format.h>

#include "audit/report.h"
#include "snapshot/completeness.h"

namespace iamwarden::audit {
namespace {

bool starts_like_formula(std::string_view field) {
  return !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

void append_field(std::string& out, std::string_view field) {
  std::string_view prefix = starts_like_formula(field) ? "'" : "";
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(prefix);
    out.append(field);
    return;
  }
  out += '"';
  out.append(prefix);
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_row(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view f : fields) {
    if (!first) out += ',';
    append_field(out, f);
    first = false;
  }
  out += "\r\n";
}

}  // namespace

std::string render_csv(const AuditReport& report, const ReportOptions&) {
  std::string out;
  // An incomplete snapshot: a "#" line before the header, so that no import passes it silently.
  if (!report.incomplete.empty()) {
    std::string headline = snapshot::gaps_headline(report.incomplete);
    for (char& c : headline)
      if (c == '\r' || c == '\n') c = ' ';
    out += "# " + headline + "\r\n";
  }
  append_row(out, {"check", "title", "status", "severity", "service", "resource", "resource_name", "message", "evidence",
                   "mute_reason"});
  for (const Finding& f : report.results) {
    std::string evidence = fmt::format("{}", fmt::join(f.evidence, "; "));
    append_row(out, {f.check->id, f.check->title, status_name(f.status), severity_name(f.severity), f.check->service,
                     f.resource, f.resource_name, f.message, evidence, f.mute_reason});
  }
  return out;
}

}  // namespace iamwarden::audit
