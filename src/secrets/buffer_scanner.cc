// Per-buffer checks: binary files are skipped; invalid UTF-8 and huge lines are reported and scanned anyway.
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

size_t BufferScanner::scan(std::string_view text, const std::string& path, ScanResult& result) {
  if (std::memchr(text.data(), '\0', std::min(text.size(), kBinaryProbeBytes))) {
    ++result.stats.skipped_binary;
    result.skipped_binary.push_back(path);
    return 0;
  }
  ++result.stats.files;
  result.stats.bytes += text.size();
  if (!simdjson::validate_utf8(text.data(), text.size())) {
    size_t bad = first_invalid_utf8(text);
    result.warnings.push_back(located(path, line_at(text, bad),
                                      fmt::format("invalid UTF-8 at byte {}; scanned as bytes", bad)));
  }
  check_line_lengths(text, path, result);
  hits_.clear();
  Result<bool> complete = matcher_->scan(text, scratch_, hits_, kMaxHitsPerBuffer);
  if (!complete) {
    Error e = complete.error();
    e.loc.file = path;
    result.errors.push_back(std::move(e));
    return 0;
  }
  if (!*complete)
    result.warnings.push_back(located(path, 0, fmt::format("more than {} candidate matches; only the first were "
                                                           "examined", kMaxHitsPerBuffer)));
  size_t before = result.findings.size();
  detect(text, hits_, options_->detect, result.findings, result.stats.detect);
  for (size_t i = before; i < result.findings.size(); ++i) result.findings[i].path = path;
  return result.findings.size() - before;
}

}  // namespace iamwarden::secrets
