// Audit reports: text for people, JSON/SARIF/CSV for machines, HTML and Markdown to share.
#pragma once

#include <string>

#include "audit/audit.h"
#include "audit/baseline.h"

namespace iamwarden::audit {

/// Options common to the renderers.
struct ReportOptions {
  bool color = false;           ///< ANSI colour (text only; on a terminal)
  bool show_passed = false;     ///< text/markdown: list PASS results too
  const BaselineDiff* baseline = nullptr;  ///< when set, reports show new and resolved findings only
  bool compact = false;         ///< text: one line per failing check (the default on a terminal; --details lists all)
};

std::string render_text(const AuditReport& report, const ReportOptions& options);
/// The documented JSON schema (docs/report-schema.md): every result, the frameworks, the counts.
std::string render_json(const AuditReport& report, const ReportOptions& options);
/// SARIF 2.1.0: one rule per check, one result per FAIL (and MUTED as suppressed).
std::string render_sarif(const AuditReport& report, const ReportOptions& options);
/// One self-contained HTML file (inline CSS and JS, no external fetches).
std::string render_html(const AuditReport& report, const ReportOptions& options);
/// Short Markdown for a pull-request comment.
std::string render_markdown(const AuditReport& report, const ReportOptions& options);
/// RFC 4180 CSV: one row per result, comma-separated, quoted where needed, CRLF line ends.
std::string render_csv(const AuditReport& report, const ReportOptions& options);

}  // namespace iamwarden::audit
