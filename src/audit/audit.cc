// The audit runner: checks in parallel (each into its own vector), then the configuration's
// overrides and suppressions, then the frameworks.
#include "audit/audit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <map>

#include "audit/lib_policies.h"
#include "escalation/graph.h"
#include "audit/parameters.h"
#include "base/closest_match.h"
#include "base/parallel.h"
#include "base/progress.h"

namespace iamwarden::audit {
namespace {

bool selected(const CheckMeta& meta, const std::vector<std::string>& globs) {
  if (globs.empty()) return true;
  for (const std::string& g : globs)
    if (glob_match(g, meta.id)) return true;
  return false;
}

// Severity overrides and suppressions of a list of findings; marks the suppressions that matched
// something only because they expired.
void suppress(std::vector<Finding>& findings, const AuditConfig& config, int64_t now, std::vector<bool>& expired_used,
              std::vector<bool>* used = nullptr) {
  for (Finding& f : findings) {
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
      if (used) (*used)[i] = true;
      break;
    }
  }
}

// Severity overrides and suppressions of the report's results; notes expired suppressions.
void apply_config(AuditReport& report, const AuditConfig& config, int64_t now) {
  std::vector<bool> expired_used(config.suppressions.size(), false), used(config.suppressions.size(), false);
  suppress(report.results, config, now, expired_used, &used);
  for (size_t i = 0; i < config.suppressions.size(); ++i) {
    const Suppression& s = config.suppressions[i];
    if (s.expires && *s.expires <= now)
      report.notes.push_back(fmt::format("suppression of {} for {} expired on {}{}: {}", s.check, s.resource,
                                         s.expires_text, expired_used[i] ? " (its findings are reported again)" : "",
                                         s.reason));
  }
  for (size_t i = 0; i < config.suppressions.size(); ++i) {
    const Suppression& s = config.suppressions[i];
    if (!used[i] && !expired_used[i] && !(s.expires && *s.expires <= now))
      report.notes.push_back(fmt::format("warning: the suppression of {} for {} matches no failure; remove it if the "
                                         "problem is fixed",
                                         s.check, s.resource));
  }
}

// Runs each check once per distinct parameter set the frameworks give it, and evaluates the
// frameworks: a requirement sees its checks' findings under its own parameters. Checks whose
// parameters equal the configuration's reuse the report's results; the policy analysis is shared.
void evaluate_frameworks(AuditReport& report, const AuditConfig& config, const AuditOptions& options,
                         const CheckContext& base_context) {
  std::vector<const Framework*> selected;
  for (const Framework& fw : *options.frameworks)
    if (config.frameworks.empty() ||
        std::find(config.frameworks.begin(), config.frameworks.end(), fw.id) != config.frameworks.end())
      selected.push_back(&fw);

  // The report's results of each check that ran.
  std::map<std::string_view, std::span<const Finding>> main;
  for (size_t i = 0; i < report.results.size();) {
    size_t j = i;
    while (j < report.results.size() && report.results[j].check == report.results[i].check) ++j;
    main[report.results[i].check->id] = std::span<const Finding>(report.results).subspan(i, j - i);
    i = j;
  }
  std::map<std::string_view, const Check*> ran;
  for (const Check* c : report.checks_run) ran[c->meta->id] = c;

  // Distinct (check, parameter set) runs the requirements need beyond the report's own.
  struct Variant {
    const Check* check;
    AuditConfig config;
    std::vector<Finding> findings;
  };
  std::map<std::pair<std::string_view, std::string>, size_t> variant_of;  // (check, key) -> index
  std::vector<Variant> variants;
  std::map<std::pair<const Requirement*, std::string_view>, size_t> use;  // (requirement, check) -> variant
  for (const Framework* fw : selected) {
    for (const Requirement& req : fw->requirements) {
      if (req.checks.empty()) continue;
      const AuditConfig req_config = parameterized_config(config, req.parameters);
      for (const std::string& id : req.checks) {
        auto c = ran.find(id);
        if (c == ran.end()) continue;
        const std::vector<std::string_view>& honoured = c->second->meta->parameters;
        std::string key = parameter_key(honoured, req_config);
        if (key == parameter_key(honoured, config)) continue;  // same as the report's run
        auto [it, added] = variant_of.try_emplace({c->second->meta->id, key}, variants.size());
        if (added) variants.push_back({c->second, req_config, {}});
        use[{&req, c->second->meta->id}] = it->second;
      }
    }
  }
  parallel_for(variants.size(), worker_count(options.threads, variants.size()), [&](unsigned, size_t i) {
    Variant& v = variants[i];
    CheckContext context{base_context.account, v.config, base_context.now, base_context.catalog,
                         base_context.policies, base_context.escalation};
    FindingSink sink(*v.check->meta, v.findings);
    v.check->run(context, sink);
    std::stable_sort(v.findings.begin(), v.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.resource < b.resource; });
  });
  std::vector<bool> expired_used(config.suppressions.size(), false);  // notes come from the main run
  for (Variant& v : variants) suppress(v.findings, config, report.generated_at, expired_used);

  for (const Framework* fw : selected) {
    report.frameworks.push_back(
        evaluate_framework(*fw, [&](const Requirement& req, std::string_view id) -> std::span<const Finding> {
          if (auto u = use.find({&req, id}); u != use.end()) return variants[u->second].findings;
          auto m = main.find(id);
          return m == main.end() ? std::span<const Finding>() : m->second;
        }));
  }
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

std::optional<Error> unknown_check_ids(const AuditConfig& config) {
  auto did_you_mean = [](std::string_view id) {
    ClosestMatch closest(id);
    for (const Check& c : all_checks()) closest.consider(c.meta->id);
    return closest.best().empty() ? std::string("`iamwarden checks` lists them")
                                  : fmt::format("did you mean {}?", closest.best());
  };
  for (const auto& [id, severity] : config.severity_overrides)
    if (!find_check(id))
      return Error{ErrorCode::kInvalidInput, fmt::format("[severity]: no check is named \"{}\"", id),
                   SourceLoc{config.file, 0, 0, ""}, did_you_mean(id)};
  for (const Suppression& s : config.suppressions) {
    bool any = false;
    for (const Check& c : all_checks()) any = any || glob_match(s.check, c.meta->id);
    if (!any)
      return Error{ErrorCode::kInvalidInput, fmt::format("suppression: no check matches \"{}\"", s.check),
                   SourceLoc{config.file, 0, 0, ""}, did_you_mean(s.check)};
  }
  return std::nullopt;
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
  // The escalation graph, when a check that reads it runs (it is the cost of `iamwarden paths`).
  std::shared_ptr<escalation::Graph> graph;
  const bool wants_graph = std::any_of(report.checks_run.begin(), report.checks_run.end(),
                                       [](const Check* c) { return c->meta->id == "iam_principal_no_privilege_escalation"; });
  // Up to 10,000 users and roles the graph costs seconds at most; above, the check is NOT_EVALUATED
  // (never passed) and `iamwarden paths` answers it, so the audit of an organisation stays fast.
  constexpr size_t kMaxGraphPrincipals = 10000;
  const size_t principals = account.iam.users.size() + account.iam.roles.size();
  if (wants_graph && principals > kMaxGraphPrincipals)
    report.notes.push_back(fmt::format("iam_principal_no_privilege_escalation: {} users and roles, more than the audit builds the "
                                       "escalation graph for ({}); run `iamwarden paths` for it",
                                       principals, kMaxGraphPrincipals));
  else if (wants_graph && options.catalog && options.restrictions && options.methods) {
    escalation::Options paths_options;
    paths_options.threads = options.threads;
    graph = std::make_shared<escalation::Graph>(
        escalation::find_paths(account, *options.catalog, *options.restrictions, *options.methods, paths_options));
  }
  CheckContext context{account, config, report.generated_at, options.catalog, analysis ? &*analysis : nullptr,
                       graph.get()};
  report.escalation = graph;

  std::vector<std::vector<Finding>> per_check(report.checks_run.size());
  {
    // On a terminal, large accounts show which check is running (silent in CI logs and pipes).
    Progress progress("iamwarden audit: checks", report.checks_run.size(),
                      account.iam.users.size() + account.iam.roles.size() >= 1000 ? 1 : SIZE_MAX);
    parallel_for(report.checks_run.size(), worker_count(options.threads, report.checks_run.size()),
                 [&](unsigned, size_t i) {
                   FindingSink sink(*report.checks_run[i]->meta, per_check[i]);
                   report.checks_run[i]->run(context, sink);
                   progress.advance();
                 });
  }
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
  if (options.frameworks) evaluate_frameworks(report, config, options, context);
  recount(report);
  return report;
}

}  // namespace iamwarden::audit
