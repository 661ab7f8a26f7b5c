// Report formats for `iamwarden secrets`: text (one line per finding), JSON, SARIF 2.1.0; none holds a full secret.
#pragma once

#include <string>

#include "secrets/scan.h"

namespace iamwarden::secrets {

/// One sentence about a finding, without its location: key ID, kind, account, redacted values, commit.
std::string describe(const Finding& finding);

/// "path:line:col: severity rule_id: description", one line per finding; untrusted text (paths, authors) is
/// escaped with safe_text, so a file name cannot break or forge a line.
std::string format_text(const ScanResult& result);

/// {"version":1,"findings":[...],"warnings":[...],"errors":[...],"skipped":[...],"stats":{...}}; usable as a
/// --baseline. "skipped" lists the inputs not fully read.
std::string format_json(const ScanResult& result);

/// SARIF 2.1.0 for GitHub code scanning: one run, the rule table, results with partial fingerprints.
std::string format_sarif(const ScanResult& result);

/// Longest part of an unread input's path shown in text (a --git path can be 64 KiB).
inline constexpr size_t kUnreadPathBytes = 240;

/// "warning: path: not fully read: detail" for each unread input (standard error, also with -q).
std::string format_unread(const ScanResult& result);

/// The summary line printed on standard error.
std::string format_summary(const ScanResult& result, size_t suppressed, double seconds);

/// YYYY-MM-DD (UTC) of a time in seconds since the epoch.
std::string format_date(int64_t time);

}  // namespace iamwarden::secrets
