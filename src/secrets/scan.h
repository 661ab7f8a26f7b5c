// Front header of the secrets domain: scan files, standard input, git history or the staged index.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "secrets/detector.h"
#include "secrets/finding.h"

namespace iamwarden::secrets {

/// Default --max-file-size: larger files (and blobs) are skipped and counted.
inline constexpr uint64_t kDefaultMaxFileSize = uint64_t{20} << 20;

/// How to scan.
struct ScanOptions {
  DetectOptions detect;
  uint64_t max_file_size = kDefaultMaxFileSize;
  bool no_ignore = false;  ///< do not honour .gitignore files
  unsigned threads = 0;    ///< 0: one per core
};

/// Counts for the summary line.
struct ScanStats {
  uint64_t files = 0;             ///< files or blobs scanned
  uint64_t bytes = 0;             ///< bytes scanned
  uint64_t skipped_binary = 0;
  uint64_t skipped_large = 0;
  uint64_t skipped_ignored = 0;   ///< paths excluded by .gitignore
  uint64_t skipped_symlinks = 0;  ///< symbolic links met while walking (never followed)
  uint64_t commits = 0;           ///< commits walked (--git)
  DetectStats detect;

  /// Adds other's counts to these.
  void add(const ScanStats& other);
};

/// Findings (sorted), and the problems met on the way; the scan goes on after each problem.
struct ScanResult {
  std::vector<Finding> findings;
  std::vector<Error> warnings;  ///< scanned anyway: invalid UTF-8, huge lines, truncated matches
  std::vector<Error> errors;    ///< not scanned: unreadable files, corrupt objects
  std::vector<std::string> skipped_binary;  ///< paths not scanned as binary (a NUL in the first 8000 bytes)
  ScanStats stats;

  /// Moves other's findings and problems into this result and adds its counts.
  void merge(ScanResult&& other);
};

/// Scans files and directories (recursively, honouring .gitignore, not following symlinks).
Result<ScanResult> scan_paths(const std::vector<std::string>& paths, const ScanOptions& options);

/// Scans one in-memory text named name (standard input).
Result<ScanResult> scan_text(std::string_view text, const std::string& name, const ScanOptions& options);

/// Scans every distinct blob reachable from any ref of the repository at repo_path, once, and reports the
/// commit that introduced each finding.
Result<ScanResult> scan_git_history(const std::string& repo_path, const ScanOptions& options);

/// Scans the files staged in the index of the repository at repo_path that differ from HEAD.
Result<ScanResult> scan_staged(const std::string& repo_path, const ScanOptions& options);

}  // namespace iamwarden::secrets
