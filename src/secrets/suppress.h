// Suppression by fingerprint: ignore files (one fingerprint or bare hash per line) and baselines (old reports).
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "base/result.h"
#include "secrets/finding.h"

namespace iamwarden::secrets {

/// The ignore file read by default from the current directory.
inline constexpr const char* kDefaultIgnoreFile = ".iamwardenignore";

/// Fingerprints whose findings are not reported.
class Suppressions {
 public:
  /// Adds an ignore file: "path:rule:hash" fingerprints or bare 16-digit hashes (that secret everywhere), one
  /// per line; '#' starts a comment. A line that is neither is skipped with a warning at file:line.
  Result<void> add_ignore_file(const std::string& path);

  /// Lines of ignore files that were skipped as malformed, located.
  const std::vector<Error>& warnings() const { return warnings_; }

  /// Adds every finding of a previous `iamwarden secrets --format json` report.
  Result<void> add_baseline(const std::string& path);

  /// Removes the suppressed findings; returns how many were removed.
  size_t apply(std::vector<Finding>& findings) const;

 private:
  std::unordered_set<std::string> fingerprints_;
  std::unordered_set<std::string> hashes_;
  std::vector<Error> warnings_;
};

}  // namespace iamwarden::secrets
