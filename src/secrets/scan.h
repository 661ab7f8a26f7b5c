// Front header of the secrets domain: scan files, standard input, git history or the staged index.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "secrets/detector.h"
#include "secrets/finding.h"

namespace iamwarden::secrets {

/// Default --max-file-size: of larger files (and blobs) only the first and last kEndBytes are scanned.
inline constexpr uint64_t kDefaultMaxFileSize = uint64_t{20} << 20;

/// Bytes scanned at each end of a file or blob over --max-file-size (the whole of it when that covers it).
inline constexpr uint64_t kEndBytes = uint64_t{1} << 20;

/// Deepest tree nesting --git walks; deeper trees are reported as not read (Linux paths stop at ~2048 levels).
inline constexpr size_t kMaxTreeDepth = 4096;

/// Longest path (bytes) --git builds for a tree entry; longer ones are reported as not read.
inline constexpr size_t kMaxGitPathBytes = size_t{64} << 10;

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
  uint64_t binary = 0;             ///< binary files (a NUL in the first 8000 bytes), scanned as bytes
  uint64_t partial = 0;            ///< files and blobs of which only the ends were scanned (--max-file-size)
  uint64_t skipped_ignored = 0;   ///< paths excluded by .gitignore
  uint64_t skipped_symlinks = 0;  ///< symbolic links met while walking (never followed)
  uint64_t commits = 0;           ///< commits walked (--git)
  DetectStats detect;

  /// Adds other's counts to these.
  void add(const ScanStats& other);
};

/// An input that was not read, or not read whole, though nothing failed: the exit code says so (3) unless
/// something was found.
struct Unread {
  std::string path;    ///< file, blob path, ref name or tree path (untrusted: escape before printing)
  std::string reason;  ///< stable code: too_large, too_many_matches, not_regular_file, bad_ref, too_deep, path_too_long
  std::string detail;  ///< one sentence for people (no input quoted)
};

/// Findings (sorted), and the problems met on the way; the scan goes on after each problem.
struct ScanResult {
  std::vector<Finding> findings;
  std::vector<Error> warnings;  ///< scanned anyway: invalid UTF-8, huge lines
  std::vector<Error> errors;    ///< not scanned: unreadable files, corrupt objects
  std::vector<Unread> unread;   ///< not (fully) read: only the ends of a large file, a bad ref, a tree too deep
  ScanStats stats;

  /// True when every input was read whole (no error, nothing unread).
  bool complete() const { return errors.empty() && unread.empty(); }

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
