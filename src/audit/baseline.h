// Comparing an audit with a previous run's JSON report: which failures are new, which resolved.
#pragma once

#include <string>
#include <vector>

#include "audit/audit.h"
#include "base/result.h"

namespace iamwarden::audit {

/// A failure from the baseline report.
struct BaselineFinding {
  std::string check;
  std::string resource;
  std::string severity;
  std::string message;
};

/// The difference between the baseline's FAILs and the current run's FAILs, keyed by (check, resource).
struct BaselineDiff {
  std::string file;
  std::vector<const Finding*> added;         ///< failing now, not in the baseline
  std::vector<BaselineFinding> resolved;     ///< failing in the baseline, not now
  size_t unchanged = 0;                      ///< failing in both
};

/// Reads the FAIL results of a report written by `iamwarden audit --format json`.
Result<std::vector<BaselineFinding>> load_baseline(const std::string& path);

/// Compares; pointers refer into report.results.
BaselineDiff diff_baseline(const AuditReport& report, const std::vector<BaselineFinding>& baseline,
                           std::string file);

}  // namespace iamwarden::audit
