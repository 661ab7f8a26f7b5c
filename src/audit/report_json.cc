// The machine-readable audit report (schema_version 1, docs/report-schema.md): every result, the
// checks' metadata, the frameworks and, with a baseline, what changed. One result per line.
#include <fmt/format.h>

#include "audit/report.h"
#include "audit/report_util.h"
#include "snapshot/completeness.h"
#include "base/json_writer.h"
#include "base/version.h"

namespace iamwarden::audit {
namespace {

std::string quote_or_null(std::string_view text) { return text.empty() ? "null" : json_quote(text); }

void append_summary(std::string& out, const AuditReport& r) {
  const StatusCounts& c = r.counts;
  fmt::format_to(std::back_inserter(out),
                 "\"summary\":{{\"results\":{},\"checks_run\":{},"
                 "\"by_status\":{{\"PASS\":{},\"FAIL\":{},\"NOT_EVALUATED\":{},\"MUTED\":{}}},\"fail_by_severity\":{{",
                 r.results.size(), r.checks_run.size(), c.pass, c.fail, c.not_evaluated, c.muted);
  for (Severity s : kSeveritiesDescending)
    fmt::format_to(std::back_inserter(out), "{}\"{}\":{}", s == Severity::kCritical ? "" : ",", severity_name(s),
                   c.fail_by_severity[static_cast<size_t>(s)]);
  out += "}";
  if (!r.checks_left_out.empty()) {
    out += ",\"checks_left_out\":";
    append_json_strings(out, r.checks_left_out);
  }
  out += ",\"frameworks\":[";
  for (size_t i = 0; i < r.frameworks.size(); ++i) {
    const FrameworkResult& fw = r.frameworks[i];
    fmt::format_to(std::back_inserter(out), "{}{{\"id\":{},\"name\":{},\"score_percent\":{}}}", i ? "," : "",
                   json_quote(fw.framework->id), json_quote(fw.framework->name), format_score(fw.score_percent));
  }
  out += "]}";
}

void append_result(std::string& out, const Finding& f) {
  fmt::format_to(std::back_inserter(out),
                 "{{\"check\":{},\"title\":{},\"status\":\"{}\",\"severity\":\"{}\",\"service\":{},\"resource\":{},"
                 "\"resource_name\":{},\"message\":{},\"evidence\":",
                 json_quote(f.check->id), json_quote(f.check->title), status_name(f.status), severity_name(f.severity),
                 json_quote(f.check->service), json_quote(f.resource), json_quote(f.resource_name), json_quote(f.message));
  append_json_strings(out, f.evidence);
  if (f.status == Status::kMuted) out += ",\"mute_reason\":" + json_quote(f.mute_reason);
  if (!f.origin.file.empty())
    fmt::format_to(std::back_inserter(out), ",\"location\":{{\"file\":{},\"pointer\":{},\"line\":{}}}",
                   json_quote(f.origin.file), quote_or_null(f.origin.pointer),
                   f.origin.line ? std::to_string(f.origin.line) : "null");
  out += '}';
}

void append_framework(std::string& out, const FrameworkResult& fw) {
  const Framework& f = *fw.framework;
  fmt::format_to(std::back_inserter(out),
                 "{{\"id\":{},\"name\":{},\"version\":{},\"score_percent\":{},\"passed\":{},\"failed\":{},"
                 "\"not_evaluated\":{},\"manual\":{},\"requirements\":[",
                 json_quote(f.id), json_quote(f.name), json_quote(f.version), format_score(fw.score_percent), fw.passed,
                 fw.failed, fw.not_evaluated, fw.manual);
  for (size_t i = 0; i < fw.requirements.size(); ++i) {
    const RequirementResult& r = fw.requirements[i];
    fmt::format_to(std::back_inserter(out), "{}\n  {{\"id\":{},\"title\":{},\"section\":{},\"status\":\"{}\",\"failed\":{},\"checks\":",
                   i ? "," : "", json_quote(r.requirement->id), json_quote(r.requirement->title),
                   json_quote(r.requirement->section), requirement_status_name(r.status), r.failed);
    append_json_strings(out, r.requirement->checks);
    out += ",\"parameters\":{";  // the parameters its checks ran with
    for (size_t k = 0; k < r.parameters.size(); ++k)
      fmt::format_to(std::back_inserter(out), "{}{}:{}", k ? "," : "", json_quote(r.parameters[k].first),
                     json_quote(r.parameters[k].second));
    out += "}}";
  }
  out += "]}";
}

void append_baseline_finding(std::string& out, std::string_view check, std::string_view resource,
                             std::string_view severity, std::string_view message) {
  fmt::format_to(std::back_inserter(out), "{{\"check\":{},\"resource\":{},\"severity\":{},\"message\":{}}}",
                 json_quote(check), json_quote(resource), json_quote(severity), json_quote(message));
}

void append_baseline(std::string& out, const BaselineDiff& diff) {
  fmt::format_to(std::back_inserter(out), ",\n\"baseline\":{{\"file\":{},\"unchanged\":{},\"new\":[", json_quote(diff.file),
                 diff.unchanged);
  for (size_t i = 0; i < diff.added.size(); ++i) {
    const Finding& f = *diff.added[i];
    out += i ? ",\n  " : "\n  ";
    append_baseline_finding(out, f.check->id, f.resource, severity_name(f.severity), f.message);
  }
  out += "],\"resolved\":[";
  for (size_t i = 0; i < diff.resolved.size(); ++i) {
    const BaselineFinding& b = diff.resolved[i];
    out += i ? ",\n  " : "\n  ";
    append_baseline_finding(out, b.check, b.resource, b.severity, b.message);
  }
  out += "]}";
}

}  // namespace

std::string render_json(const AuditReport& report, const ReportOptions& options) {
  std::string out;
  // An incomplete snapshot is said first, where no reader can miss it.
  if (!report.incomplete.empty()) {
    out += "{\"incomplete_snapshot\":{\"warning\":" + json_quote(snapshot::gaps_headline(report.incomplete)) + ",\"gaps\":";
    append_json_strings(out, report.incomplete);
    out += "},\n";
  }
  fmt::format_to(std::back_inserter(out),
                 "{}\"schema_version\":1,\"tool\":{{\"name\":\"iamwarden\",\"version\":\"{}\"}},\n"
                 "\"account\":{{\"id\":{},\"partition\":{},\"source\":{},\"config\":{}}},\n\"generated_at\":\"{}\",\n",
                 report.incomplete.empty() ? "{" : "", tool_version(), json_quote(report.account_id), json_quote(report.partition), json_quote(report.source),
                 quote_or_null(report.config_file), iso_time(report.generated_at));
  append_summary(out, report);
  out += ",\n\"results\":[";
  for (size_t i = 0; i < report.results.size(); ++i) {
    out += i ? ",\n  " : "\n  ";
    append_result(out, report.results[i]);
  }
  out += "],\n\"checks\":[";
  std::vector<const CheckMeta*> checks = covered_checks(report);
  for (size_t i = 0; i < checks.size(); ++i) {
    out += i ? ",\n  " : "\n  ";
    out += '{';
    append_check_members(out, *checks[i]);
    out += '}';
  }
  out += "],\n\"frameworks\":[";
  for (size_t i = 0; i < report.frameworks.size(); ++i) {
    out += i ? ",\n" : "\n";
    append_framework(out, report.frameworks[i]);
  }
  out += "],\n\"notes\":";
  append_json_strings(out, report.notes);
  if (options.baseline) append_baseline(out, *options.baseline);
  out += "}\n";
  return out;
}

}  // namespace iamwarden::audit
