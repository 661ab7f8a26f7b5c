// Running an audit: every check over a snapshot, then severity overrides, suppressions and the
// framework statuses.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/check.h"
#include "audit/compliance.h"
#include "audit/config.h"
#include "snapshot/account.h"

namespace iamwarden::catalog {
class CallerRestrictions;
}
namespace iamwarden::escalation {
class MethodCatalog;
struct Graph;
}

namespace iamwarden::audit {

/// What to run.
struct AuditOptions {
  int64_t now = 0;                          ///< seconds since the epoch; 0 = the current time
  std::vector<std::string> checks;          ///< check ids (globs) to run; empty = all
  const catalog::Catalog* catalog = nullptr;  ///< needed by the policy checks
  /// With the catalog, needed by the per-principal escalation check (the graph of `iamwarden paths`).
  const catalog::CallerRestrictions* restrictions = nullptr;
  const escalation::MethodCatalog* methods = nullptr;
  const std::vector<Framework>* frameworks = nullptr;  ///< frameworks to evaluate (filtered by the config)
  unsigned threads = 0;                     ///< 0 = all cores
};

/// Counts of results.
struct StatusCounts {
  size_t pass = 0, fail = 0, not_evaluated = 0, muted = 0;
  size_t fail_by_severity[5] = {};  ///< indexed by Severity
};

/// The outcome of an audit.
struct AuditReport {
  std::string account_id;
  std::string partition;
  std::string source;        ///< the snapshot directory or GAAD file
  int64_t generated_at = 0;  ///< the `now` the checks used
  std::string config_file;
  std::vector<Finding> results;  ///< sorted by check id, then resource
  std::vector<const Check*> checks_run;
  std::vector<std::string> checks_left_out;  ///< --framework NAME: checks not mapped to it, not run
  std::vector<FrameworkResult> frameworks;
  std::vector<std::string> notes;  ///< expired suppressions, unresolved policies, loader warnings
  /// The escalation graph, when the per-principal escalation check ran (the HTML report draws it).
  std::shared_ptr<const escalation::Graph> escalation;
  /// Why the snapshot is incomplete (snapshot/completeness.h gap lines, already escaped): every
  /// renderer says so on its first line, and text/Markdown list NOT_EVALUATED results first.
  std::vector<std::string> incomplete;
  StatusCounts counts;
};

/// Runs the checks, applies the configuration's severity overrides and suppressions (expired ones
/// are listed in notes), evaluates the frameworks.
/// The first check id the configuration names that no check has ([severity] keys, suppression
/// check globs), as an error with "did you mean"; nullopt when every id is known.
std::optional<Error> unknown_check_ids(const AuditConfig& config);

AuditReport run_audit(const snapshot::Account& account, const AuditConfig& config, const AuditOptions& options);

/// Recounts report.counts from report.results (after filtering, e.g. by a baseline).
void recount(AuditReport& report);

}  // namespace iamwarden::audit
