// The audit runner: checks in parallel (each into its own vector), then the configuration's
// overrides and suppressions, then the frameworks.
#include "audit/audit.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>

#include "audit/lib_policies.h"
#include "base/parallel.h"

namespace iamwarden::audit {
namespace {

bool selected(const CheckMeta& meta, const std::vector<std::string>& globs) {
  if (globs.empty()) return true;
  for (const std::string& g : globs)
    if (glob_match(g, meta.id)) return true;
  return false;
}

// Severity overrides and suppressions; returns the suppressions that matched nothing usable
// because they expired.
void apply_config(AuditReport& report, const AuditConfig& config, int64_t now) {
  std::vector<bool> expired_used(config.suppressions.size(), false);
  for (Finding& f : report.results) {
    auto o = config.severity_overrides.find(f.check->id);
    if (o != config.severity_overrides.end()) f.severity = o->second;
    if (f.status != Status::kFail) continue;
    for (size_t i = 0; i < config.suppressions.size(); ++i) {
      const Suppression& s = config.suppressions[i];
      if (!glob_match(s.check, f.check->id) || !glob_match(s.resource, f.resource)) continue;
      if (s.expires && *s.expires <= now) {
        expired_used[i] = true;
        continue;  // an expired suppression no longer hides the finding
      }
      f.status = Status::kMuted;
      f.mute_reason = s.reason;
      break;
    }
  }
  for (size_t i = 0; i < config.suppressions.size(); ++i) {
    const Suppression& s = config.suppressions[i];
    if (s.expires && *s.expires <= now)
      report.notes.push_back(fmt::format("suppression of {} for {} expired on {}{}: {}", s.check, s.resource,
                                         s.expires_text, expired_used[i] ? " (its findings are reported again)" : "",
                                         s.reason));
  }
  for (const auto& [id, severity] : config.severity_overrides)
    if (!find_check(id)) report.notes.push_back(fmt::format("severity override for unknown check \"{}\"", id));
}

}  // namespace

void recount(AuditReport& report) {
  report.counts = {};
  for (const Finding& f : report.results) {
    switch (f.status) {
      case Status::kPass: ++report.counts.pass; break;
      case Status::kFail:
        ++report.counts.fail;
        ++report.counts.fail_by_severity[static_cast<size_t>(f.severity)];
        break;
      case Status::kNotEvaluated: ++report.counts.not_evaluated; break;
      case Status::kMuted: ++report.counts.muted; break;
    }
  }
}

AuditReport run_audit(const snapshot::Account& account, const AuditConfig& config, const AuditOptions& options) {
  AuditReport report;
  report.account_id = account.account_id;
  report.partition = account.partition;
  report.generated_at = options.now ? options.now : static_cast<int64_t>(std::time(nullptr));
  report.config_file = config.file;

  for (const Check& c : all_checks())
    if (selected(*c.meta, options.checks)) report.checks_run.push_back(&c);

  std::optional<PolicyAnalysis> analysis;
  if (options.catalog) analysis.emplace(account, *options.catalog, options.threads, config.sensitive_services);
  CheckContext context{account, config, report.generated_at, options.catalog, analysis ? &*analysis : nullptr};

  std::vector<std::vector<Finding>> per_check(report.checks_run.size());
  parallel_for(report.checks_run.size(), worker_count(options.threads, report.checks_run.size()),
               [&](unsigned, size_t i) {
                 FindingSink sink(*report.checks_run[i]->meta, per_check[i]);
                 report.checks_run[i]->run(context, sink);
               });
  for (std::vector<Finding>& findings : per_check) {
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.resource < b.resource; });
    for (Finding& f : findings) report.results.push_back(std::move(f));
  }

  apply_config(report, config, report.generated_at);
  for (const snapshot::UnresolvedPolicy& u : account.unresolved_policies)
    report.notes.push_back(fmt::format("policy {} is referenced but not in the snapshot or iamwarden's data: "
                                       "checks on {} principal(s) using it may be incomplete",
                                       u.arn, u.referenced_by.size()));
  if (options.frameworks) {
    for (const Framework& fw : *options.frameworks) {
      if (!config.frameworks.empty() &&
          std::find(config.frameworks.begin(), config.frameworks.end(), fw.id) == config.frameworks.end())
        continue;
      report.frameworks.push_back(evaluate_framework(fw, report.results));
    }
  }
  recount(report);
  return report;
}

}  // namespace iamwarden::audit
