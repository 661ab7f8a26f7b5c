// One worker's scanning state (scratch, hit buffer) and the checks every buffer gets, whatever its source.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "secrets/matcher.h"
#include "secrets/scan.h"

namespace iamwarden::secrets {

/// Bytes inspected for a NUL to call a file binary (as git does).
inline constexpr size_t kBinaryProbeBytes = 8000;

/// Lines longer than this are reported (minified or generated files); they are still scanned.
inline constexpr size_t kHugeLineBytes = size_t{1} << 20;

/// Scans buffers for one thread; not thread-safe, make one per worker.
class BufferScanner {
 public:
  /// Uses matcher (shared) with fresh scratch memory.
  static Result<BufferScanner> create(const Matcher& matcher, const ScanOptions& options);

  /// Scans the whole text of a file named path into result: UTF-8 and line-length warnings for text, then
  /// detection (binary files too, as bytes). Returns the number of findings added.
  size_t scan(std::string_view text, const std::string& path, ScanResult& result);

  /// Scans the first and last part of a file of size bytes that is over --max-file-size: head is its first
  /// bytes, tail its last (starting at size - tail.size()). Findings in the tail have line 0 (unknown) and
  /// their file offset; the file is listed as unread (too_large).
  size_t scan_ends(std::string_view head, std::string_view tail, uint64_t size, const std::string& path,
                   ScanResult& result);

 private:
  BufferScanner(const Matcher& matcher, Scratch scratch, const ScanOptions& options)
      : matcher_(&matcher), scratch_(std::move(scratch)), options_(&options) {}
  // Detection only; findings get path and, for a part read at base (lines unknown), line 0 and base + offset.
  size_t detect_in(std::string_view text, const std::string& path, uint64_t base, bool lines_known,
                   ScanResult& result);
  const Matcher* matcher_;
  Scratch scratch_;
  const ScanOptions* options_;
  std::vector<Hit> hits_;
};

/// Whether text looks binary: a NUL in its first kBinaryProbeBytes (as git decides).
bool looks_binary(std::string_view text);

}  // namespace iamwarden::secrets
