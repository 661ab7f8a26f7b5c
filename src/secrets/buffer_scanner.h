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

  /// Scans text named path into result: binary check, UTF-8 and line-length warnings, then detection.
  /// Returns the number of findings added.
  size_t scan(std::string_view text, const std::string& path, ScanResult& result);

 private:
  BufferScanner(const Matcher& matcher, Scratch scratch, const ScanOptions& options)
      : matcher_(&matcher), scratch_(std::move(scratch)), options_(&options) {}
  const Matcher* matcher_;
  Scratch scratch_;
  const ScanOptions* options_;
  std::vector<Hit> hits_;
};

}  // namespace iamwarden::secrets
