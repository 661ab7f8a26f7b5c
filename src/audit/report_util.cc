// Ordering, times, check metadata and framework mappings shared by the audit renderers.
#include "audit/report_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/json_writer.h"
#include "base/safe_text.h"
#include "snapshot/timestamp.h"

namespace iamwarden::audit {

std::string iso_time(int64_t unix_seconds) { return snapshot::format_timestamp(unix_seconds); }

std::vector<const Finding*> with_status(const AuditReport& report, Status status) {
  std::vector<const Finding*> out;
  for (const Finding& f : report.results)
    if (f.status == status) out.push_back(&f);
  return out;
}

void sort_by_severity(std::vector<const Finding*>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding* a, const Finding* b) {
    if (a->severity != b->severity) return a->severity > b->severity;
    if (a->check->id != b->check->id) return a->check->id < b->check->id;
    return a->resource < b->resource;
  });
}

std::vector<const Finding*> reported_failures(const AuditReport& report, const BaselineDiff* baseline) {
  std::vector<const Finding*> out = baseline ? baseline->added : with_status(report, Status::kFail);
  sort_by_severity(out);
  return out;
}

std::vector<const CheckMeta*> covered_checks(const AuditReport& report) {
  std::set<const CheckMeta*> seen;
  std::vector<const CheckMeta*> out;
  auto add = [&](const CheckMeta* meta) {
    if (meta && seen.insert(meta).second) out.push_back(meta);
  };
  for (const Check* c : report.checks_run) add(c->meta);
  for (const Finding& f : report.results) add(f.check);
  std::stable_sort(out.begin(), out.end(), [](const CheckMeta* a, const CheckMeta* b) { return a->id < b->id; });
  return out;
}

std::vector<std::string_view> requirements_of(const Framework& framework, std::string_view check_id) {
  std::vector<std::string_view> out;
  for (const Requirement& r : framework.requirements)
    if (std::find(r.checks.begin(), r.checks.end(), check_id) != r.checks.end()) out.push_back(r.id);
  return out;
}

namespace {

template <class Items>
void append_strings(std::string& out, const Items& items) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, items[i]);
  }
  out += ']';
}

}  // namespace

void append_json_strings(std::string& out, std::span<const std::string> items) { append_strings(out, items); }
void append_json_strings(std::string& out, std::span<const std::string_view> items) { append_strings(out, items); }

void append_check_members(std::string& out, const CheckMeta& m) {
  fmt::format_to(std::back_inserter(out),
                 "\"id\":{},\"title\":{},\"severity\":\"{}\",\"service\":{},\"resource_type\":{},\"description\":{},"
                 "\"risk\":{},\"remediation\":{{\"text\":{},\"cli\":{},\"terraform\":{}}},\"references\":",
                 json_quote(m.id), json_quote(m.title), severity_name(m.severity), json_quote(m.service),
                 json_quote(m.resource_type), json_quote(m.description), json_quote(m.risk),
                 json_quote(m.remediation), json_quote(m.remediation_cli), json_quote(m.remediation_terraform));
  append_json_strings(out, m.references);
  out += ",\"inputs\":";
  append_json_strings(out, m.inputs);
  out += ",\"parameters\":";  // framework parameters it honours (audit/parameters.h)
  append_json_strings(out, m.parameters);
}

std::string severity_counts_line(const StatusCounts& counts) {
  std::string out;
  for (Severity s : kSeveritiesDescending)
    fmt::format_to(std::back_inserter(out), "{}{} {}", out.empty() ? "" : ", ", counts.fail_by_severity[static_cast<size_t>(s)],
                   severity_name(s));
  return out;
}

// No raw HTML: "<root_account>" would otherwise vanish as an unknown tag. Control characters are
// escaped first (safe_text). "@name" gets a word joiner after the "@" so a PR comment pings nobody
// (a backslash escape does not stop GitHub's mentions).
std::string markdown_cell(std::string_view raw) {
  std::string one_line(raw);
  for (char& c : one_line)
    if (c == '\n' || c == '\r') c = ' ';
  std::string text = safe_text(one_line);
  std::string out;
  for (char c : text) {
    switch (c) {
      case '@': out += "@\u2060"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '|': case '\\': case '*': case '_': case '`': case '[': case ']': out += '\\'; out += c; break;
      default: out += c;
    }
  }
  return out;
}

// A code span: backslash escapes do not work inside one, so backticks are dropped and controls escaped
// (GFM still needs a pipe escaped inside a table).
std::string markdown_code(std::string_view raw) {
  std::string text = safe_text(raw);
  std::string out = "`";
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c != '`') out += c;
  }
  return out + "`";
}

std::string format_score(double percent) { return fmt::format("{:.1f}", percent); }

std::string score_label(const FrameworkResult& result) {
  if (result.passed + result.failed == 0) return "n/a";
  return format_score(result.score_percent) + "%";
}

}  // namespace iamwarden::audit
