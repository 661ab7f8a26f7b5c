// The text report and the summary line.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <ctime>

#include "base/safe_text.h"
#include "secrets/report.h"

namespace iamwarden::secrets {

std::string format_date(int64_t time) {
  std::time_t t = static_cast<std::time_t>(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string describe(const Finding& f) {
  std::string out(rule_info(f.rule).title);
  if (f.example) out += " (AWS documented example)";
  if (!f.key_id.empty()) {
    out += fmt::format(": {}", f.key_id);
    if (f.key_kind) out += fmt::format(" ({}", key_kind_name(*f.key_kind));
    out += f.account ? fmt::format(", account {})", format_account(*f.account)) : ", account unknown)";
  }
  if (!f.secret.empty()) {
    out += fmt::format("{}secret {}", f.key_id.empty() ? ": " : ", ", f.secret);
    if (f.secret_line && f.secret_line != f.line) out += fmt::format(" on line {}", f.secret_line);
  }
  if (!f.token.empty())
    out += fmt::format("{}session token {} ({} characters)", f.key_id.empty() && f.secret.empty() ? ": " : ", ",
                       f.token, f.token_length);
  if (f.line == 0 && f.offset > 0)
    out += fmt::format("; at byte {} (line unknown: the middle of the file was not read)", f.offset);
  if (f.origin) {
    // The author comes from the commit: escaped, as a name may carry terminal controls.
    out += fmt::format("; introduced in {} by {} on {}", f.origin->commit.substr(0, 12), safe_text(f.origin->author),
                       format_date(f.origin->time));
    if (!f.origin->other_commits.empty()) out += fmt::format(" (and {} later commits)", f.origin->other_commits.size());
  }
  return out;
}

std::string format_text(const ScanResult& result) {
  std::string out;
  for (const Finding& f : result.findings) {
    append_safe_text(out, f.path);  // a file name can hold a newline and forge a line
    out += fmt::format(":{}:{}: {} {}: ", f.line, f.column, severity_name(f.severity), rule_info(f.rule).id);
    append_safe_text(out, describe(f));  // already safe; escaping again keeps every byte of the line checked
    out += '\n';
  }
  return out;
}

std::string format_unread(const ScanResult& result) {
  std::string out;
  for (const Unread& u : result.unread) {
    out += "warning: ";
    out += safe_excerpt(u.path, kUnreadPathBytes);
    out += ": not fully read: ";
    append_safe_text(out, u.detail);
    out += '\n';
  }
  return out;
}

std::string format_summary(const ScanResult& result, size_t suppressed, double seconds) {
  const ScanStats& s = result.stats;
  std::string_view unit = s.commits ? "blob" : "file";  // history scans count distinct blobs
  std::string out = fmt::format("iamwarden secrets: {} finding{} in {} {}{} ({:.1f} MB) in {:.2f} s",
                                result.findings.size(), result.findings.size() == 1 ? "" : "s", s.files, unit,
                                s.files == 1 ? "" : "s", static_cast<double>(s.bytes) / 1e6, seconds);
  if (s.commits) out += fmt::format(", {} commits", s.commits);
  std::vector<std::string> notes;
  if (s.detect.placeholders) notes.push_back(fmt::format("{} placeholders ignored", s.detect.placeholders));
  if (s.detect.examples) notes.push_back(fmt::format("{} AWS examples not shown (--include-examples)", s.detect.examples));
  if (s.detect.below_severity) notes.push_back(fmt::format("{} below --min-severity", s.detect.below_severity));
  if (s.detect.allowed_inline) notes.push_back(fmt::format("{} allowed inline", s.detect.allowed_inline));
  if (suppressed) notes.push_back(fmt::format("{} suppressed by ignore file or baseline", suppressed));
  if (s.binary) notes.push_back(fmt::format("{} binary scanned as bytes", s.binary));
  if (!result.unread.empty()) notes.push_back(fmt::format("{} not fully read", result.unread.size()));
  if (s.skipped_ignored) notes.push_back(fmt::format("{} gitignored", s.skipped_ignored));
  if (s.skipped_symlinks) notes.push_back(fmt::format("{} symlinks not followed", s.skipped_symlinks));
  if (!result.warnings.empty()) notes.push_back(fmt::format("{} warnings", result.warnings.size()));
  if (!result.errors.empty()) notes.push_back(fmt::format("{} errors", result.errors.size()));
  if (!notes.empty()) out += fmt::format("; {}", fmt::join(notes, ", "));
  return out + "\n";
}

}  // namespace iamwarden::secrets
