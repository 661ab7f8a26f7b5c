// A short GitHub-flavoured Markdown summary for a pull-request comment: one summary line, FAIL
// counts by severity, the first failures, the framework scores; with a baseline, what changed.
#include <fmt/format.h>

#include <algorithm>

#include "audit/report.h"
#include "audit/report_util.h"
#include "snapshot/completeness.h"

namespace iamwarden::audit {
namespace {

constexpr size_t kMaxRows = 20;

std::string resource_cell(std::string_view name, std::string_view resource) {
  return markdown_cell(name.empty() ? resource : name);
}

void findings_table(std::string& out, std::string_view heading, const std::vector<const Finding*>& list) {
  if (list.empty()) return;
  size_t shown = std::min(list.size(), kMaxRows);
  fmt::format_to(std::back_inserter(out), "\n### {} ({})\n\n| Severity | Check | Resource | Message |\n|:--|:--|:--|:--|\n",
                 heading, list.size() > shown ? fmt::format("{} of {}", shown, list.size()) : std::to_string(list.size()));
  for (size_t i = 0; i < shown; ++i) {
    const Finding& f = *list[i];
    fmt::format_to(std::back_inserter(out), "| {} | {} | {} | {} |\n", severity_name(f.severity), markdown_code(f.check->id),
                   resource_cell(f.resource_name, f.resource), markdown_cell(f.message));
  }
  if (list.size() > shown) fmt::format_to(std::back_inserter(out), "\n_{} more in the full report._\n", list.size() - shown);
}

void not_evaluated_table(std::string& out, const std::vector<const Finding*>& list) {
  if (list.empty()) return;
  size_t shown = std::min(list.size(), kMaxRows);
  fmt::format_to(std::back_inserter(out), "\n### Not evaluated ({})\n\n| Check | Resource | Missing input |\n|:--|:--|:--|\n",
                 list.size() > shown ? fmt::format("{} of {}", shown, list.size()) : std::to_string(list.size()));
  for (size_t i = 0; i < shown; ++i)
    fmt::format_to(std::back_inserter(out), "| {} | {} | {} |\n", markdown_code(list[i]->check->id),
                   resource_cell(list[i]->resource_name, list[i]->resource), markdown_cell(list[i]->message));
  if (list.size() > shown) fmt::format_to(std::back_inserter(out), "\n_{} more in the full report._\n", list.size() - shown);
}

void resolved_table(std::string& out, const std::vector<BaselineFinding>& resolved) {
  if (resolved.empty()) return;
  size_t shown = std::min(resolved.size(), kMaxRows);
  fmt::format_to(std::back_inserter(out), "\n### Resolved ({})\n\n| Severity | Check | Resource |\n|:--|:--|:--|\n",
                 resolved.size());
  for (size_t i = 0; i < shown; ++i)
    fmt::format_to(std::back_inserter(out), "| {} | {} | {} |\n", markdown_cell(resolved[i].severity), markdown_code(resolved[i].check),
                   markdown_cell(resolved[i].resource));
  if (resolved.size() > shown) fmt::format_to(std::back_inserter(out), "\n_{} more._\n", resolved.size() - shown);
}

}  // namespace

std::string render_markdown(const AuditReport& report, const ReportOptions& options) {
  const StatusCounts& c = report.counts;
  std::string out;
  if (!report.incomplete.empty()) {
    fmt::format_to(std::back_inserter(out), "> **{}**\n>\n", markdown_cell(snapshot::gaps_headline(report.incomplete)));
    for (const std::string& gap : report.incomplete) fmt::format_to(std::back_inserter(out), "> - {}\n", markdown_cell(gap));
    out += '\n';
  }
  out += fmt::format(
      "**iamwarden audit** of account {}: **{} failing** ({}); {} passed, {} not evaluated, {} muted ({})\n",
      markdown_code(report.account_id.empty() ? "unknown" : report.account_id), c.fail, severity_counts_line(c), c.pass,
      c.not_evaluated, c.muted, iso_time(report.generated_at));
  if (options.baseline) {
    const BaselineDiff& d = *options.baseline;
    fmt::format_to(std::back_inserter(out), "\nCompared with {}: **{} new**, {} resolved, {} still failing.\n",
                   markdown_code(d.file), d.added.size(), d.resolved.size(), d.unchanged);
  }
  out += "\n| Severity | Failing |\n|:--|--:|\n";
  for (Severity s : kSeveritiesDescending)
    fmt::format_to(std::back_inserter(out), "| {} | {} |\n", severity_name(s), c.fail_by_severity[static_cast<size_t>(s)]);
  // A partial snapshot: what could not be judged comes before what failed.
  if (!report.incomplete.empty()) not_evaluated_table(out, with_status(report, Status::kNotEvaluated));
  if (options.baseline) {
    findings_table(out, "New failures", reported_failures(report, options.baseline));
    resolved_table(out, options.baseline->resolved);
  } else {
    findings_table(out, "Failing", reported_failures(report, nullptr));
  }
  if (!report.frameworks.empty()) {
    out += "\n### Frameworks\n\n| Framework | Score | Passed | Failed | Not evaluated | Manual |\n|:--|--:|--:|--:|--:|--:|\n";
    for (const FrameworkResult& fw : report.frameworks)
      fmt::format_to(std::back_inserter(out), "| {} {} | {} | {} | {} | {} | {} |\n", markdown_cell(fw.framework->name),
                     markdown_cell(fw.framework->version), score_label(fw), fw.passed, fw.failed,
                     fw.not_evaluated, fw.manual);
  }
  if (options.show_passed) {
    std::vector<const Finding*> passed = with_status(report, Status::kPass);
    if (!passed.empty()) {
      fmt::format_to(std::back_inserter(out), "\n<details><summary>Passed ({})</summary>\n\n| Check | Resource |\n|:--|:--|\n",
                     passed.size());
      for (const Finding* f : passed)
        fmt::format_to(std::back_inserter(out), "| {} | {} |\n", markdown_code(f->check->id), resource_cell(f->resource_name, f->resource));
      out += "\n</details>\n";
    }
  }
  return out;
}

}  // namespace iamwarden::audit
