// The audit report for a terminal: a summary, then each failure with why it fails and how to fix
// it, grouped by severity; what could not be evaluated; notes.
#include <fmt/format.h>

#include <map>

#include "audit/report.h"
#include "audit/report_util.h"
#include "snapshot/completeness.h"
#include "base/safe_text.h"

namespace iamwarden::audit {
namespace {

// ANSI colour when enabled; plain text otherwise.
class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string operator()(std::string_view sgr, std::string_view text) const {
    return on_ ? fmt::format("\033[{}m{}\033[0m", sgr, text) : std::string(text);
  }
  std::string bold(std::string_view text) const { return (*this)("1", text); }
  std::string severity(Severity s, std::string_view text) const { return (*this)(sgr_of(s), text); }

 private:
  static std::string_view sgr_of(Severity s) {
    switch (s) {
      case Severity::kCritical: return "1;31";
      case Severity::kHigh: return "31";
      case Severity::kMedium: return "33";
      case Severity::kLow: return "36";
      case Severity::kInfo: break;
    }
    return "2";
  }
  bool on_;
};

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// "label     value", continuation lines of a multi-line value aligned under the first.
void field(std::string& out, std::string_view label, std::string_view value) {
  if (value.empty()) return;
  constexpr std::string_view kIndent = "                ";  // 6 + 10 columns
  fmt::format_to(std::back_inserter(out), "      {:<10}", label);
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find('\n', start);
    std::string_view line = value.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (start) out += kIndent;
    out.append(line);
    out += '\n';
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

std::string resource_label(const Finding& f) {
  if (f.resource_name.empty() || f.resource_name == f.resource) return safe_text(f.resource);
  return fmt::format("{} ({})", safe_text(f.resource_name), safe_text(f.resource));
}

std::string origin_label(const snapshot::Origin& o) {
  if (o.file.empty()) return "";
  std::string out = o.line ? fmt::format("{}:{}", safe_text(o.file), o.line) : safe_text(o.file);
  if (!o.pointer.empty()) out += " " + safe_text(o.pointer);
  return out;
}

void summary(std::string& out, const AuditReport& r, const Painter& paint) {
  out += paint.bold(fmt::format("iamwarden audit of account {}{}",
                                r.account_id.empty() ? "(unknown)" : safe_text(r.account_id),
                                r.partition.empty() || r.partition == "aws" ? "" : " (" + safe_text(r.partition) + ")"));
  out += '\n';
  if (!r.source.empty()) fmt::format_to(std::back_inserter(out), "  snapshot   {}\n", safe_text(r.source));
  fmt::format_to(std::back_inserter(out), "  time       {}\n", iso_time(r.generated_at));
  fmt::format_to(std::back_inserter(out), "  config     {}\n", r.config_file.empty() ? "built-in defaults" : safe_text(r.config_file));
  fmt::format_to(std::back_inserter(out), "  checks     {} run, {} results\n", r.checks_run.size(), r.results.size());
  if (!r.checks_left_out.empty())
    fmt::format_to(std::back_inserter(out), "  left out   {} checks not mapped to the framework: {}\n", r.checks_left_out.size(),
                   fmt::join(r.checks_left_out, ", "));
  out += '\n';
  if (!r.frameworks.empty()) {
    out += paint.bold("Frameworks") + "\n";
    for (const FrameworkResult& fw : r.frameworks)
      fmt::format_to(std::back_inserter(out), "  {:<20} {:>6}  {} passed, {} failed, {} not evaluated, {} manual  ({} {})\n",
                     fw.framework->id, score_label(fw), fw.passed, fw.failed, fw.not_evaluated,
                     fw.manual, fw.framework->name, fw.framework->version);
    out += '\n';
  }
  const StatusCounts& c = r.counts;
  fmt::format_to(std::back_inserter(out), "{}    {} FAIL, {} PASS, {} NOT_EVALUATED, {} MUTED\n", paint.bold("Results"),
                 c.fail, c.pass, c.not_evaluated, c.muted);
  std::string by_severity;
  for (Severity s : kSeveritiesDescending) {
    size_t n = c.fail_by_severity[static_cast<size_t>(s)];
    std::string item = fmt::format("{} {}", n, severity_name(s));
    by_severity += (by_severity.empty() ? "" : ", ") + (n ? paint.severity(s, item) : item);
  }
  fmt::format_to(std::back_inserter(out), "{}   {}\n", paint.bold("Failures"), by_severity);
}

void failure(std::string& out, const Finding& f, const Painter& paint) {
  const CheckMeta& m = *f.check;
  fmt::format_to(std::back_inserter(out), "  {} {}: {}\n", paint.severity(f.severity, upper(severity_name(f.severity))),
                 paint.bold(m.id), m.title);
  field(out, "resource", resource_label(f));
  // Messages and evidence quote the account's names and values: escaped, so one line stays one line.
  field(out, "why", safe_text(f.message));
  for (size_t i = 0; i < f.evidence.size(); ++i) field(out, i ? "" : "evidence", safe_text(f.evidence[i]));
  field(out, "fix", m.remediation);
  field(out, "cli", m.remediation_cli);
  field(out, "at", origin_label(f.origin));
}

// FAILs under one heading per severity, critical first.
void failures(std::string& out, const std::vector<const Finding*>& list, const Painter& paint) {
  for (Severity s : kSeveritiesDescending) {
    size_t n = 0;
    for (const Finding* f : list) n += f->severity == s;
    if (!n) continue;
    out += '\n' + paint.severity(s, fmt::format("{} ({})", upper(severity_name(s)), n)) + "\n";
    for (const Finding* f : list)
      if (f->severity == s) failure(out, *f, paint);
  }
}

// One line per check and message: what it needs that the snapshot lacks.
void not_evaluated(std::string& out, const AuditReport& r, const Painter& paint) {
  std::vector<const Finding*> list = with_status(r, Status::kNotEvaluated);
  if (list.empty()) return;
  out += '\n' + paint.bold(fmt::format("Not evaluated ({})", list.size())) + "\n";
  std::map<std::pair<std::string_view, std::string_view>, size_t> groups;
  std::vector<std::pair<std::string_view, std::string_view>> order;
  for (const Finding* f : list)
    if (groups[{f->check->id, f->message}]++ == 0) order.emplace_back(f->check->id, f->message);
  for (const auto& key : order) {
    size_t n = groups[key];
    fmt::format_to(std::back_inserter(out), "  {}: {}{}\n", key.first, safe_text(key.second),
                   n > 1 ? fmt::format(" ({} resources)", n) : "");
  }
}

void short_list(std::string& out, std::string_view heading, const std::vector<const Finding*>& list,
                const Painter& paint, bool reason) {
  if (list.empty()) return;
  out += '\n' + paint.bold(fmt::format("{} ({})", heading, list.size())) + "\n";
  for (const Finding* f : list)
    fmt::format_to(std::back_inserter(out), "  {}  {}: {}\n", f->check->id,
                   safe_text(f->resource_name.empty() ? f->resource : f->resource_name),
                   safe_text(reason ? f->mute_reason : f->message));
}

void baseline_section(std::string& out, const AuditReport& r, const BaselineDiff& diff, const Painter& paint) {
  fmt::format_to(std::back_inserter(out), "\n{} {}: {} new, {} resolved, {} still failing\n", paint.bold("Baseline"),
                 safe_text(diff.file), diff.added.size(), diff.resolved.size(), diff.unchanged);
  std::vector<const Finding*> added = reported_failures(r, &diff);
  if (!added.empty()) {
    out += '\n' + paint.bold(fmt::format("New failures ({})", added.size())) + "\n";
    failures(out, added, paint);
  }
  if (!diff.resolved.empty()) {
    out += '\n' + paint.bold(fmt::format("Resolved ({})", diff.resolved.size())) + "\n";
    for (const BaselineFinding& b : diff.resolved)
      fmt::format_to(std::back_inserter(out), "  {:<8} {}  {}{}\n", safe_text(b.severity), safe_text(b.check),
                     safe_text(b.resource), b.message.empty() ? "" : ": " + safe_text(b.message));
  }
}

// Compact: one line per failing check, worst first, with its count and the first resources.
void compact_failures(std::string& out, const std::vector<const Finding*>& list, const Painter& paint) {
  constexpr size_t kShownResources = 3;
  std::vector<std::pair<const CheckMeta*, std::vector<const Finding*>>> by_check;
  for (const Finding* f : list) {  // list is sorted by severity, then check
    if (by_check.empty() || by_check.back().first != f->check) by_check.push_back({f->check, {}});
    by_check.back().second.push_back(f);
  }
  out += '\n' + paint.bold(fmt::format("Failing checks ({})", by_check.size())) + "\n";
  for (const auto& [meta, findings] : by_check) {
    std::string names;
    for (size_t i = 0; i < findings.size() && i < kShownResources; ++i) {
      const Finding& f = *findings[i];
      names += (i ? ", " : "") + safe_text(f.resource_name.empty() ? f.resource : f.resource_name);
    }
    if (findings.size() > kShownResources) names += fmt::format(", +{} more", findings.size() - kShownResources);
    fmt::format_to(std::back_inserter(out), "  {} {} ({}): {}\n",
                   paint.severity(findings.front()->severity, fmt::format("{:<8}", upper(severity_name(findings.front()->severity)))),
                   meta->id, findings.size(), names);
  }
}

void next_steps(std::string& out, const AuditReport& r, const Painter& paint) {
  out += '\n' + paint.bold("Next steps") + "\n";
  out += "  iamwarden audit " + safe_text(r.source) + " --details           why each check failed, and the fix\n";
  out += "  iamwarden audit " + safe_text(r.source) + " --format html -o report.html   the report to share\n";
  out += "  iamwarden checks                      what each check verifies\n";
}

}  // namespace

std::string render_text(const AuditReport& report, const ReportOptions& options) {
  Painter paint(options.color);
  std::string out;
  if (!report.incomplete.empty()) {
    out += paint("1;31", snapshot::gaps_headline(report.incomplete)) + "\n";
    for (const std::string& gap : report.incomplete) fmt::format_to(std::back_inserter(out), "  - {}\n", gap);
    out += '\n';
  }
  summary(out, report, paint);
  if (options.baseline) {
    baseline_section(out, report, *options.baseline, paint);
  } else {
    // A partial snapshot: what could not be judged comes before what failed.
    if (!report.incomplete.empty()) not_evaluated(out, report, paint);
    std::vector<const Finding*> failing = reported_failures(report, nullptr);
    if (options.compact && !failing.empty()) compact_failures(out, failing, paint);
    else failures(out, failing, paint);
    if (!report.counts.fail) out += "\nNo failures.\n";
    if (report.incomplete.empty()) not_evaluated(out, report, paint);
    short_list(out, "Muted", with_status(report, Status::kMuted), paint, true);
    if (options.show_passed) short_list(out, "Passed", with_status(report, Status::kPass), paint, false);
  }
  if (!report.notes.empty()) {
    out += '\n' + paint.bold("Notes") + "\n";
    for (const std::string& note : report.notes) fmt::format_to(std::back_inserter(out), "  - {}\n", safe_text(note));
  }
  if (options.compact && !options.baseline && report.counts.fail) next_steps(out, report, paint);
  return out;
}

}  // namespace iamwarden::audit
