// Pieces shared by the audit report renderers and `iamwarden checks`: ordering, times, check
// metadata as JSON, framework mappings, Markdown escaping.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "audit/baseline.h"

namespace iamwarden::audit {


/// Severities from the most to the least severe.
inline constexpr Severity kSeveritiesDescending[] = {Severity::kCritical, Severity::kHigh, Severity::kMedium,
                                                     Severity::kLow, Severity::kInfo};

/// "2026-11-20T00:00:00Z".
std::string iso_time(int64_t unix_seconds);

/// The results with this status, in report order.
std::vector<const Finding*> with_status(const AuditReport& report, Status status);

/// Sorts findings by severity (critical first), then check id, then resource.
void sort_by_severity(std::vector<const Finding*>& findings);

/// The failures a report is about: every FAIL, or with a baseline only the new ones; sorted by severity.
std::vector<const Finding*> reported_failures(const AuditReport& report, const BaselineDiff* baseline);

/// The checks a report covers: those run plus any a result refers to, sorted by id.
std::vector<const CheckMeta*> covered_checks(const AuditReport& report);

/// The requirement ids of a framework that list this check.
std::vector<std::string_view> requirements_of(const Framework& framework, std::string_view check_id);

/// Appends a check's metadata as JSON object members (no braces): id, title, severity, service,
/// resource_type, description, risk, remediation {text, cli, terraform}, references, inputs, parameters.
void append_check_members(std::string& out, const CheckMeta& meta);

/// Appends a JSON array of strings.
void append_json_strings(std::string& out, std::span<const std::string> items);
void append_json_strings(std::string& out, std::span<const std::string_view> items);

/// "1 critical, 3 high, 0 medium, 2 low, 0 info" from the FAIL counts.
std::string severity_counts_line(const StatusCounts& counts);

/// Text safe in a Markdown table cell: one line, no raw HTML, table and emphasis characters escaped.
std::string markdown_cell(std::string_view text);

/// A Markdown code span ("`id`") safe in a table cell.
std::string markdown_code(std::string_view text);

/// A score as reports print it: "66.7".
std::string format_score(double percent);

/// A framework's score for people: "66.7%", or "n/a" when no requirement passed or failed.
std::string score_label(const FrameworkResult& result);

}  // namespace iamwarden::audit
