// Merging per-worker results, and scanning one in-memory text (standard input).
#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "secrets/buffer_scanner.h"
#include "secrets/scan.h"

namespace iamwarden::secrets {

void ScanStats::add(const ScanStats& other) {
  files += other.files;
  bytes += other.bytes;
  binary += other.binary;
  partial += other.partial;
  skipped_ignored += other.skipped_ignored;
  skipped_symlinks += other.skipped_symlinks;
  commits += other.commits;
  detect.add(other.detect);
}

void ScanResult::merge(ScanResult&& other) {
  auto move_all = [](auto& into, auto& from) {
    into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
    from.clear();
  };
  move_all(findings, other.findings);
  move_all(warnings, other.warnings);
  move_all(errors, other.errors);
  move_all(unread, other.unread);
  stats.add(other.stats);
}

Result<ScanResult> scan_text(std::string_view text, const std::string& name, const ScanOptions& options) {
  Result<std::shared_ptr<const Matcher>> matcher = Matcher::create();
  if (!matcher) return matcher.error();
  Result<BufferScanner> scanner = BufferScanner::create(**matcher, options);
  if (!scanner) return scanner.error();
  ScanResult result;
  if (text.size() > options.max_file_size && text.size() > 2 * kEndBytes)
    scanner->scan_ends(text.substr(0, kEndBytes), text.substr(text.size() - kEndBytes), text.size(), name, result);
  else
    scanner->scan(text, name, result);
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
  return result;
}

}  // namespace iamwarden::secrets
