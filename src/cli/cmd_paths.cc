// `iamwarden paths`: which users and roles can become administrator, and how (docs/paths.md).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "base/safe_text.h"
#include "catalog/caller_restrictions.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "escalation/graph.h"
#include "escalation/report.h"
#include "snapshot/completeness.h"
#include "snapshot/principal.h"
#include "snapshot/principal_suggest.h"
#include "snapshot/snapshot.h"

namespace iamwarden::cli {
namespace {

struct PathsOptions {
  std::vector<std::string> args;  ///< DIR (none with --gaad)
  std::string gaad;
  std::vector<std::string> from;
  int max_depth = 8;
  bool allow_partial = false;
  std::string format = "text";
  std::string data_dir;
  unsigned threads = 0;
  std::string to, who_can_reach;
};

int run_paths(const PathsOptions& o) {
  if (o.args.size() != (o.gaad.empty() ? 1u : 0u)) {
    fmt::print(stderr, "error: usage: iamwarden paths DIR [--from NAME|ARN]... (or --gaad FILE instead of DIR)\n");
    return kExitUsage;
  }
  Result<catalog::Catalog> catalog = catalog::load_catalog(o.data_dir);
  if (!catalog) {
    fmt::print(stderr, "error: {}\n", catalog.error().format());
    return kExitInput;
  }
  Result<catalog::CallerRestrictions> restrictions = catalog::load_caller_restrictions(o.data_dir);
  if (!restrictions) {
    fmt::print(stderr, "error: {}\n", restrictions.error().format());
    return kExitInput;
  }
  Result<escalation::MethodCatalog> methods = escalation::MethodCatalog::load(o.data_dir);
  if (!methods) {
    fmt::print(stderr, "error: {}\n", methods.error().format());
    return kExitInput;
  }
  const std::string input = o.gaad.empty() ? o.args[0] : o.gaad;
  Result<snapshot::Account> account = snapshot::load_with_builtin_policies(o.gaad.empty() ? o.args[0] : "", o.gaad, o.data_dir);
  if (!account) {
    fmt::print(stderr, "error: {}\n", account.error().format());
    return kExitInput;
  }
  // Fail closed, as audit and access: a path search on half an account finds half the paths.
  std::vector<std::string> gaps;
  for (const snapshot::SnapshotGap& gap : snapshot::snapshot_gaps(*account)) gaps.push_back(snapshot::gap_line(gap));
  if (!gaps.empty()) {
    const std::string headline = safe_text(snapshot::gaps_headline(gaps));
    fmt::print(stderr, "{}\n", headline);
    if (!o.allow_partial) {
      fmt::print(stderr, "error: {}: incomplete snapshot; pass --allow-partial to answer from what is there\n", safe_text(input));
      return kExitInput;
    }
    if (o.format == "text") fmt::print("{}\n\n", headline);
  }
  // --to / --who-can-reach: a user or role of the snapshot ("admin" is the default goal).
  std::string to = !o.who_can_reach.empty() ? o.who_can_reach : o.to;
  if (to == "admin") to.clear();
  if (!to.empty()) {
    if (Result<snapshot::PrincipalPolicies> found = snapshot::principal_policies(*account, to); !found) {
      std::vector<std::string> near = snapshot::suggest_principals(*account, to);
      fmt::print(stderr, "error: {}: no user or role \"{}\"{}\n", safe_text(input), safe_text(to),
                 near.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", safe_text(near.front())));
      return kExitInput;
    }
  }
  escalation::Options options;
  options.max_depth = o.max_depth;
  options.threads = o.threads;
  options.to = to;
  escalation::Graph graph = escalation::find_paths(*account, *catalog, *restrictions, *methods, options);
  escalation::Selection selection;
  for (const std::string& name : o.from) {
    size_t i = graph.find(name);
    if (i == graph.nodes.size()) {
      std::vector<std::string> near = snapshot::suggest_principals(*account, name);
      fmt::print(stderr, "error: {}: no user or role \"{}\"{}\n", safe_text(input), safe_text(name),
                 near.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", safe_text(near.front())));
      return kExitInput;
    }
    selection.principals.push_back(i);
  }
  fmt::print("{}", o.format == "json"  ? escalation::paths_json(graph, selection)
                   : o.format == "dot" ? escalation::paths_dot(graph, selection)
                                       : escalation::paths_text(graph, selection));
  for (size_t i : escalation::shown_principals(graph, selection))
    if (graph.nodes[i].depth > 0) return kExitCheckFailed;
  return kExitOk;
}

}  // namespace

void add_paths_command(CLI::App& app, Runner& runner) {
  auto o = std::make_shared<PathsOptions>();
  CLI::App* cmd = app.add_subcommand("paths", "Privilege-escalation paths: who can become administrator, and how");
  cmd->add_option("args", o->args, "DIR (a snapshot; none with --gaad)");
  cmd->add_option("--gaad", o->gaad, "Read one `aws iam get-account-authorization-details` file instead of a DIR");
  cmd->add_option("--from", o->from, "Only these users or roles (name or ARN; repeatable)");
  cmd->add_option("--max-depth", o->max_depth, "Longest path searched, in steps (default 8)")->check(CLI::Range(1, 64));
  cmd->add_flag("--allow-partial", o->allow_partial, "Answer from an incomplete snapshot instead of exiting 3");
  cmd->add_option("--to", o->to, "Where paths end: admin (the default), or a user or role (name or ARN)");
  cmd->add_option("--who-can-reach", o->who_can_reach, "Who can act as this user or role (name or ARN); same as --to")
      ->excludes(cmd->get_option("--to"));
  cmd->add_option("--format", o->format, "Output format: text, json, or dot (Graphviz)")
      ->check(CLI::IsMember({"text", "json", "dot"}));
  cmd->add_option("--data-dir", o->data_dir, "Read catalog, managed-policy and escalation-method data from this folder");
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores)");
  cmd->callback([o, &runner] { runner = [o] { return run_paths(*o); }; });
}

}  // namespace iamwarden::cli
