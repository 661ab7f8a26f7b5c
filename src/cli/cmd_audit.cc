// `iamwarden audit`: run the audit checks over an account snapshot and write a report (text, JSON,
// SARIF, HTML, Markdown or CSV); exit 1 when a failure at or above --fail-on exists.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "audit/baseline.h"
#include "audit/report.h"
#include "audit/report_util.h"
#include "base/files.h"
#include "catalog/caller_restrictions.h"
#include "catalog/catalog.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "base/safe_text.h"
#include "escalation/method.h"
#include "snapshot/completeness.h"
#include "snapshot/snapshot.h"
#include "snapshot/timestamp.h"

namespace iamwarden::cli {
namespace {

struct AuditCliOptions {
  std::string dir;
  std::string gaad;
  std::string format = "text";
  std::string output;
  std::string config;
  std::string profile;
  std::string framework;
  std::vector<std::string> checks;
  std::string fail_on = "none";
  std::string baseline;
  std::string now;
  std::string data_dir;
  std::string color = "auto";
  bool show_passed = false;
  bool details = false;  ///< full text listing even on a terminal
  bool compact = false;  ///< compact text listing even when not on a terminal
  bool allow_partial = false;
  unsigned threads = 0;
};

int usage(const std::string& message) {
  fmt::print(stderr, "error: {}\n", message);
  return kExitUsage;
}

int input_error(const Error& e) {
  fmt::print(stderr, "error: {}\n", e.format());
  return kExitInput;
}

// Flags that need no input read: a missing snapshot, an unknown check glob, a bad date.
std::optional<int> check_usage(const AuditCliOptions& o) {
  if (o.dir.empty() == o.gaad.empty()) return usage("give a snapshot DIR or --gaad FILE (one of them)");
  for (const std::string& glob : o.checks) {
    bool any = false;
    for (const audit::Check& c : audit::all_checks()) any = any || audit::glob_match(glob, c.meta->id);
    if (!any) return usage(fmt::format("--checks {}: no check matches (`iamwarden checks` lists them)", glob));
  }
  if (!o.now.empty() && !snapshot::parse_timestamp(o.now))
    return usage(fmt::format("--now {}: not an ISO 8601 date (2026-11-20 or 2026-11-20T12:00:00Z)", o.now));
  return std::nullopt;
}

// The configuration file (or a profile's defaults); --profile must agree with the file.
std::optional<int> load_configuration(const AuditCliOptions& o, audit::AuditConfig& config) {
  if (o.config.empty()) {
    Result<audit::AuditConfig> defaults = audit::default_config(o.profile.empty() ? "default" : o.profile);
    if (!defaults) return usage(defaults.error().format());
    config = defaults.take();
    return std::nullopt;
  }
  Result<audit::AuditConfig> loaded = audit::load_config(o.config);
  if (!loaded) return input_error(loaded.error());
  config = loaded.take();
  if (!o.profile.empty() && o.profile != config.profile)
    return usage(fmt::format("--profile {} differs from the profile of {} ({}): set profile = \"{}\" in the file",
                             o.profile, o.config, config.profile, o.profile));
  return std::nullopt;
}

// Loads the frameworks and narrows them to --framework or the configuration's list. Without data
// the audit still runs: the report says frameworks are missing.
std::optional<int> load_framework_data(const AuditCliOptions& o, audit::AuditConfig& config,
                                       std::vector<audit::Framework>& frameworks, std::vector<std::string>& notes) {
  Result<std::vector<audit::Framework>> loaded = audit::load_frameworks(o.data_dir);
  if (!loaded) {
    if (!o.framework.empty()) return input_error(loaded.error());
    fmt::print(stderr, "warning: compliance frameworks unavailable, not reported: {}\n", loaded.error().format());
    notes.push_back("compliance frameworks unavailable, not reported: " + loaded.error().message);
    return std::nullopt;
  }
  frameworks = loaded.take();
  auto known = [&](const std::string& id) {
    for (const audit::Framework& fw : frameworks)
      if (fw.id == id) return true;
    return false;
  };
  std::string ids;
  for (const audit::Framework& fw : frameworks) ids += (ids.empty() ? "" : ", ") + fw.id;
  if (!o.framework.empty()) {
    if (!known(o.framework)) return usage(fmt::format("--framework {}: unknown (known: {})", o.framework, ids));
    config.frameworks = {o.framework};
  }
  for (const std::string& id : config.frameworks)
    if (!known(id))
      return input_error(Error{ErrorCode::kInvalidInput, fmt::format("frameworks: unknown framework \"{}\"", id),
                               SourceLoc{config.file, 0, 0, ""}, "known frameworks: " + ids});
  return std::nullopt;
}

std::string render(const std::string& format, const audit::AuditReport& report, const audit::ReportOptions& options) {
  if (format == "json") return audit::render_json(report, options);
  if (format == "sarif") return audit::render_sarif(report, options);
  if (format == "html") return audit::render_html(report, options);
  if (format == "markdown") return audit::render_markdown(report, options);
  if (format == "csv") return audit::render_csv(report, options);
  return audit::render_text(report, options);
}

bool use_color(const AuditCliOptions& o) {
  if (o.color == "always") return true;
  if (o.color == "never" || !o.output.empty() || std::getenv("NO_COLOR")) return false;
  return isatty(STDOUT_FILENO) != 0;
}

int run(const AuditCliOptions& o) {
  if (std::optional<int> bad = check_usage(o)) return *bad;
  audit::AuditConfig config;
  if (std::optional<int> bad = load_configuration(o, config)) return *bad;
  if (std::optional<Error> unknown = audit::unknown_check_ids(config)) return input_error(*unknown);
  std::vector<audit::Framework> frameworks;
  std::vector<std::string> notes;
  if (std::optional<int> bad = load_framework_data(o, config, frameworks, notes)) return *bad;
  std::optional<std::vector<audit::BaselineFinding>> baseline;
  if (!o.baseline.empty()) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(o.baseline, ec))) {
      // The first CI run has no baseline yet: every failure is new, and the run says so.
      fmt::print(stderr, "notice: baseline {} does not exist yet: treated as empty (every failure is new)\n",
                 safe_text(o.baseline));
      baseline.emplace();
    } else {
      Result<std::vector<audit::BaselineFinding>> loaded = audit::load_baseline(o.baseline);
      if (!loaded) return input_error(loaded.error());
      baseline = loaded.take();
    }
  }
  Result<catalog::Catalog> catalog = catalog::load_catalog(o.data_dir);
  if (!catalog) return input_error(catalog.error());
  // The escalation graph's data: without it the per-principal escalation check is NOT_EVALUATED, the rest runs.
  Result<catalog::CallerRestrictions> restrictions = catalog::load_caller_restrictions(o.data_dir);
  Result<escalation::MethodCatalog> methods = escalation::MethodCatalog::load(o.data_dir);
  for (const Error* e : {restrictions ? nullptr : &restrictions.error(), methods ? nullptr : &methods.error()})
    if (e) fmt::print(stderr, "warning: escalation data unavailable, iam_principal_no_privilege_escalation not evaluated: {}\n",
                      safe_text(e->format()));
  int64_t now = o.now.empty() ? 0 : *snapshot::parse_timestamp(o.now);
  Result<snapshot::Account> account = snapshot::load_with_builtin_policies(o.dir, o.gaad, o.data_dir, now);
  if (!account) return input_error(account.error());
  // Fail closed: without the authorization details there is nothing to audit, and a failed
  // collection step makes a clean report meaningless unless --allow-partial accepts it.
  std::vector<std::string> gaps;
  for (const snapshot::SnapshotGap& gap : snapshot::snapshot_gaps(*account)) gaps.push_back(snapshot::gap_line(gap));
  if (!account->iam_present && !o.allow_partial) {
    return input_error(Error{ErrorCode::kInvalidInput,
                             "the snapshot has no authorization details (authorization-details.json or "
                             "authorization-details/*.json): nothing to audit",
                             SourceLoc{o.dir, 0, 0, ""},
                             "collect them (`iamwarden collect`), or pass --allow-partial to report what the other "
                             "files allow (everything else NOT_EVALUATED)"});
  }

  audit::AuditOptions options;
  options.now = now;
  options.checks = o.checks;
  // --framework NAME: only the checks its requirements map (what prowler --compliance does); the
  // others are left out of the report and of --fail-on, and the report says which.
  std::vector<std::string> left_out;
  auto chosen = std::find_if(frameworks.begin(), frameworks.end(),
                             [&](const audit::Framework& fw) { return fw.id == o.framework; });
  if (!o.framework.empty() && chosen != frameworks.end()) {
    std::set<std::string> mapped;
    for (const audit::Requirement& r : chosen->requirements) mapped.insert(r.checks.begin(), r.checks.end());
    std::vector<std::string> selected;
    for (const audit::Check& c : audit::all_checks()) {
      bool asked = o.checks.empty();
      for (const std::string& glob : o.checks) asked = asked || audit::glob_match(glob, c.meta->id);
      if (!asked) continue;
      if (mapped.count(std::string(c.meta->id))) selected.emplace_back(c.meta->id);
      else left_out.emplace_back(c.meta->id);
    }
    options.checks = selected.empty() ? std::vector<std::string>{"-"} : selected;  // "-" matches no check
  }
  options.catalog = &*catalog;
  options.restrictions = restrictions ? &*restrictions : nullptr;
  options.methods = methods ? &*methods : nullptr;
  options.frameworks = frameworks.empty() ? nullptr : &frameworks;
  options.threads = o.threads;
  audit::AuditReport report = audit::run_audit(*account, config, options);
  report.source = o.gaad.empty() ? o.dir : o.gaad;
  report.incomplete = gaps;
  for (const std::string& w : account->warnings) report.notes.push_back("snapshot: " + w);
  report.notes.insert(report.notes.end(), notes.begin(), notes.end());
  report.checks_left_out = std::move(left_out);

  std::optional<audit::BaselineDiff> diff;
  if (baseline) diff = audit::diff_baseline(report, *baseline, o.baseline);
  audit::ReportOptions report_options{use_color(o), o.show_passed, diff ? &*diff : nullptr};
  // A person at a terminal gets one line per failing check; files, pipes and --details get everything.
  report_options.compact = o.compact || (!o.details && o.output.empty() && isatty(STDOUT_FILENO) != 0);
  std::string text = render(o.format, report, report_options);
  if (o.output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  } else {
    if (Result<void> w = write_file_atomic(o.output, text); !w) return input_error(w.error());
    fmt::print(stderr, "{}: {} failing ({}), {} passed, {} not evaluated, {} muted\n", o.output, report.counts.fail,
               audit::severity_counts_line(report.counts), report.counts.pass, report.counts.not_evaluated,
               report.counts.muted);
  }

  if (!gaps.empty()) {
    fmt::print(stderr, "{}\n", safe_text(snapshot::gaps_headline(gaps)));
    if (!o.allow_partial) {
      fmt::print(stderr, "error: {}: incomplete snapshot (the report says so); pass --allow-partial to accept it\n",
                 safe_text(report.source));
      return kExitInput;
    }
  }
  // With a baseline only new failures count, so a pipeline fails on what a change introduced.
  if (o.fail_on == "none") return kExitOk;
  audit::Severity threshold = *audit::parse_severity(o.fail_on);
  for (const audit::Finding* f : audit::reported_failures(report, diff ? &*diff : nullptr))
    if (f->severity >= threshold) return kExitCheckFailed;
  return kExitOk;
}

}  // namespace

void add_audit_command(CLI::App& app, Runner& runner) {
  auto o = std::make_shared<AuditCliOptions>();
  CLI::App* cmd = app.add_subcommand("audit", "Audit an account snapshot against IAM best practice and CIS");
  cmd->add_option("dir", o->dir, "Snapshot directory (docs/snapshot.md)");
  cmd->add_option("--gaad", o->gaad, "Audit one get-account-authorization-details file instead of a snapshot directory");
  cmd->add_option("--format", o->format, "Report format: text, json, sarif, html, markdown or csv (default text)")
      ->check(CLI::IsMember({"text", "json", "sarif", "html", "markdown", "csv"}));
  cmd->add_option("-o,--output", o->output, "Write the report to this file (atomically) instead of standard output");
  cmd->add_option("--config", o->config, "Read thresholds, suppressions and overrides from this iamwarden.toml");
  cmd->add_option("--profile", o->profile, "Defaults to start from: default or cis (must match --config's profile)")
      ->check(CLI::IsMember({"default", "cis"}));
  cmd->add_option("--framework", o->framework, "Report only this framework (cis-7.0, iam-best-practices, ...)");
  cmd->add_option("--checks", o->checks, "Run only the checks matching these globs (comma-separated)")->delimiter(',');
  cmd->add_option("--fail-on", o->fail_on, "Exit 1 when a failure at or above this severity exists (default none)")
      ->check(CLI::IsMember({"critical", "high", "medium", "low", "info", "none"}));
  cmd->add_option("--baseline", o->baseline, "A previous JSON report: report only new and resolved failures");
  cmd->add_option("--now", o->now, "The date to audit as of (ISO 8601), for reproducible reports");
  cmd->add_flag("--show-passed", o->show_passed, "Text and Markdown: list passed results too");
  cmd->add_flag("--details", o->details,
                "Text: every failure with why, evidence and fix (the default when not writing to a terminal)");
  cmd->add_flag("--compact", o->compact,
                "Text: one line per failing check and next steps (the default on a terminal)");
  cmd->add_flag("--allow-partial", o->allow_partial,
                "Accept an incomplete snapshot (no authorization details, failed collection steps): report what "
                "can be judged, the rest NOT_EVALUATED, instead of exiting 3");
  cmd->add_option("--data-dir", o->data_dir, "Read the catalog, AWS-managed policies and compliance/ from this folder");
  cmd->add_option("--threads", o->threads, "Worker threads (default: every core)");
  cmd->add_option("--color", o->color, "Colour the text report: auto (on a terminal), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->callback([o, &runner] { runner = [o] { return run(*o); }; });
}

}  // namespace iamwarden::cli
