// Per-buffer checks: invalid UTF-8 and huge lines are reported and scanned anyway; binary files are scanned as
// bytes; of files over --max-file-size the two ends are scanned.
#include "secrets/buffer_scanner.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cstring>

#include "base/utf8.h"

namespace iamwarden::secrets {
namespace {

// A generous cap: a buffer made only of key-ID-like runs would otherwise grow the hit list without bound.
constexpr size_t kMaxHitsPerBuffer = size_t{1} << 22;

Error located(const std::string& path, uint32_t line, std::string message) {
  return Error{ErrorCode::kInvalidInput, std::move(message), SourceLoc{path, line, line ? 1u : 0u, ""}, ""};
}

// Line number at offset (1-based).
uint32_t line_at(std::string_view text, size_t offset) {
  return static_cast<uint32_t>(std::count(text.begin(), text.begin() + static_cast<ptrdiff_t>(offset), '\n') + 1);
}

// Reports the first line longer than kHugeLineBytes, if any; only buffers larger than that can have one.
void check_line_lengths(std::string_view text, const std::string& path, ScanResult& result) {
  if (text.size() <= kHugeLineBytes) return;
  size_t start = 0;
  uint32_t line = 1;
  while (start < text.size()) {
    const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
    size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    if (end - start > kHugeLineBytes) {
      result.warnings.push_back(located(path, line, fmt::format("line is {} bytes long (minified or generated?); "
                                                                "scanned, columns are byte offsets", end - start)));
      return;
    }
    start = end + 1;
    ++line;
  }
}

}  // namespace

Result<BufferScanner> BufferScanner::create(const Matcher& matcher, const ScanOptions& options) {
  Result<Scratch> scratch = matcher.make_scratch();
  if (!scratch) return scratch.error();
  return BufferScanner(matcher, scratch.take(), options);
}

bool looks_binary(std::string_view text) {
  return std::memchr(text.data(), '\0', std::min(text.size(), kBinaryProbeBytes)) != nullptr;
}

size_t BufferScanner::scan(std::string_view text, const std::string& path, ScanResult& result) {
  ++result.stats.files;
  result.stats.bytes += text.size();
  // Binary files are scanned too (a key pair in a build artefact or a database dump is still a leak); the
  // text checks would only report noise for them.
  if (looks_binary(text)) {
    ++result.stats.binary;
  } else {
    if (!simdjson::validate_utf8(text.data(), text.size())) {
      size_t bad = first_invalid_utf8(text);
      result.warnings.push_back(located(path, line_at(text, bad),
                                        fmt::format("invalid UTF-8 at byte {}; scanned as bytes", bad)));
    }
    check_line_lengths(text, path, result);
  }
  return detect_in(text, path, 0, true, result);
}

size_t BufferScanner::scan_ends(std::string_view head, std::string_view tail, uint64_t size, const std::string& path,
                                ScanResult& result) {
  ++result.stats.files;
  ++result.stats.partial;
  result.stats.bytes += head.size() + tail.size();
  if (looks_binary(head)) ++result.stats.binary;
  result.unread.push_back(Unread{path, "too_large",
                                 fmt::format("{} bytes is over --max-file-size ({} bytes): only the first {} and "
                                             "the last {} bytes were scanned",
                                             size, options_->max_file_size, head.size(), tail.size())});
  size_t found = detect_in(head, path, 0, true, result);
  if (!tail.empty()) found += detect_in(tail, path, size - tail.size(), false, result);
  return found;
}

size_t BufferScanner::detect_in(std::string_view text, const std::string& path, uint64_t base, bool lines_known,
                                ScanResult& result) {
  hits_.clear();
  Result<bool> complete = matcher_->scan(text, scratch_, hits_, kMaxHitsPerBuffer);
  if (!complete) {
    Error e = complete.error();
    e.loc.file = path;
    result.errors.push_back(std::move(e));
    return 0;
  }
  if (!*complete)
    result.unread.push_back(Unread{path, "too_many_matches",
                                   fmt::format("more than {} candidate matches; only those in the first part "
                                               "were examined", kMaxHitsPerBuffer)});
  size_t before = result.findings.size();
  detect(text, hits_, options_->detect, result.findings, result.stats.detect);
  for (size_t i = before; i < result.findings.size(); ++i) {
    Finding& f = result.findings[i];
    f.path = path;
    f.offset += base;
    if (!lines_known) f.line = f.column = f.secret_line = 0;
  }
  return result.findings.size() - before;
}

}  // namespace iamwarden::secrets
