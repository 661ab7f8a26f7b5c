// Lint reports: compiler-style text, JSON with a findings array, and SARIF 2.1.0 for code scanning.
#pragma once

#include <span>
#include <string>

#include "lint/linter.h"

namespace iamwarden::lint {

/// Text options: colour (ANSI) and whether to quote the source line with a caret.
struct TextOptions {
  bool color = false;
  bool show_source = true;
};

/// "file:line:col: warning: message [code]", the source line, a caret and "hint: ..." per finding.
std::string format_text(std::span<const LintResult> results, const TextOptions& options);

/// {"findings":[{file, code, severity, message, hint, line, column, pointer}...], "notes":[...],
/// "files":[{file, kind, kindGiven, kindReason, findings}...], "summary":{... "ignored": n}}.
std::string format_json(std::span<const LintResult> results, size_t ignored = 0);

/// A SARIF 2.1.0 log: one rule per registered code (with help and security-severity), one result per finding.
std::string format_sarif(std::span<const LintResult> results);

}  // namespace iamwarden::lint
