// `iamwarden paths`: which users and roles can become administrator, and how (docs/paths.md).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "base/json_writer.h"
#include "base/safe_text.h"
#include "catalog/caller_restrictions.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "escalation/diff.h"
#include "escalation/graph.h"
#include "escalation/report.h"
#include "escalation/report_html.h"
#include "escalation/sarif.h"
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
  std::vector<std::string> diff;  ///< OLD NEW
  bool fix = false;
  bool all_paths = false;
};

// A snapshot directory or one authorization-details file, loaded and checked for completeness (fail
// closed, as audit and access: a path search on half an account finds half the paths). nullopt after
// printing the error.
std::optional<snapshot::Account> load_input(const std::string& dir, const std::string& gaad, const PathsOptions& o) {
  const std::string input = gaad.empty() ? dir : gaad;
  Result<snapshot::Account> account = snapshot::load_with_builtin_policies(dir, gaad, o.data_dir);
  if (!account) {
    fmt::print(stderr, "error: {}\n", account.error().format());
    return std::nullopt;
  }
  std::vector<std::string> gaps;
  for (const snapshot::SnapshotGap& gap : snapshot::snapshot_gaps(*account)) gaps.push_back(snapshot::gap_line(gap));
  if (!gaps.empty()) {
    const std::string headline = safe_text(snapshot::gaps_headline(gaps));
    fmt::print(stderr, "{}\n", headline);
    if (!o.allow_partial) {
      fmt::print(stderr, "error: {}: incomplete snapshot; pass --allow-partial to answer from what is there\n", safe_text(input));
      return std::nullopt;
    }
    if (o.format == "text" && o.diff.empty()) fmt::print("{}\n\n", headline);
  }
  return account.take();
}

struct Data {
  catalog::Catalog catalog;
  catalog::CallerRestrictions restrictions;
  escalation::MethodCatalog methods;
};

std::optional<Data> load_data(const PathsOptions& o) {
  Result<catalog::Catalog> catalog = catalog::load_catalog(o.data_dir);
  if (!catalog) {
    fmt::print(stderr, "error: {}\n", catalog.error().format());
    return std::nullopt;
  }
  Result<catalog::CallerRestrictions> restrictions = catalog::load_caller_restrictions(o.data_dir);
  if (!restrictions) {
    fmt::print(stderr, "error: {}\n", restrictions.error().format());
    return std::nullopt;
  }
  Result<escalation::MethodCatalog> methods = escalation::MethodCatalog::load(o.data_dir);
  if (!methods) {
    fmt::print(stderr, "error: {}\n", methods.error().format());
    return std::nullopt;
  }
  return Data{catalog.take(), restrictions.take(), methods.take()};
}

// A path argument of --diff: a directory is a snapshot, a file one authorization-details file.
std::optional<snapshot::Account> load_diff_side(const std::string& path, const PathsOptions& o) {
  std::error_code ec;
  const bool file = std::filesystem::is_regular_file(path, ec);
  return load_input(file ? "" : path, file ? path : "", o);
}

// --diff OLD NEW: principals that can become administrator in NEW and could not in OLD.
int run_diff(const PathsOptions& o, const Data& data) {
  std::optional<snapshot::Account> old_account = load_diff_side(o.diff[0], o);
  if (!old_account) return kExitInput;
  std::optional<snapshot::Account> new_account = load_diff_side(o.diff[1], o);
  if (!new_account) return kExitInput;
  escalation::Options options;
  options.max_depth = o.max_depth;
  options.threads = o.threads;
  const escalation::Graph old_graph = escalation::find_paths(*old_account, data.catalog, data.restrictions, data.methods, options);
  const escalation::Graph new_graph = escalation::find_paths(*new_account, data.catalog, data.restrictions, data.methods, options);
  const escalation::PathsDiff diff = escalation::diff_paths(old_graph, new_graph);
  escalation::Selection selection{diff.new_paths, diff.new_paths.empty()};
  const bool found = !diff.new_paths.empty() || !diff.new_administrators.empty();
  if (o.format == "sarif") {  // the new paths as code-scanning alerts
    fmt::print("{}", escalation::paths_sarif(new_graph, *new_account, selection, o.diff[1]));
    return found ? kExitCheckFailed : kExitOk;
  }
  if (o.format == "json") {
    std::string admins = "[";
    for (size_t i = 0; i < diff.new_administrators.size(); ++i)
      admins += (i ? "," : "") + json_quote(new_graph.nodes[diff.new_administrators[i]].arn);
    admins += "]";
    fmt::print("{{\"old\":{},\"new\":{},\"newAdministrators\":{},\"newPaths\":{}}}\n", json_quote(o.diff[0]),
               json_quote(o.diff[1]), admins,
               diff.new_paths.empty() ? std::string("{\"principals\":[]}") : escalation::paths_json(new_graph, selection));
    return found ? kExitCheckFailed : kExitOk;
  }
  fmt::print("paths --diff: {} principal{} can become administrator in {} and could not in {}; {} new administrator{}\n",
             diff.new_paths.size(), diff.new_paths.size() == 1 ? "" : "s", safe_text(o.diff[1]), safe_text(o.diff[0]),
             diff.new_administrators.size(), diff.new_administrators.size() == 1 ? "" : "s");
  for (size_t i : diff.new_administrators)
    fmt::print("administrator now: {}\n", safe_text(new_graph.nodes[i].arn));
  if (!diff.new_paths.empty()) {
    if (o.format == "dot") fmt::print("{}", escalation::paths_dot(new_graph, selection));
    else fmt::print("\n{}", escalation::paths_text(new_graph, selection));
  }
  return found ? kExitCheckFailed : kExitOk;
}

int run_paths(const PathsOptions& o) {
  if (!o.diff.empty()) {
    if (!o.args.empty() || !o.gaad.empty() || !o.from.empty() || !o.to.empty() || !o.who_can_reach.empty() || o.fix) {
      fmt::print(stderr, "error: usage: iamwarden paths --diff OLD NEW (snapshot directories or authorization-details "
                         "files; paths to administrator, without DIR, --gaad, --from, --to or --fix)\n");
      return kExitUsage;
    }
    std::optional<Data> data = load_data(o);
    return data ? run_diff(o, *data) : kExitInput;
  }
  if (o.args.size() != (o.gaad.empty() ? 1u : 0u)) {
    fmt::print(stderr, "error: usage: iamwarden paths DIR [--from NAME|ARN]... (or --gaad FILE instead of DIR)\n");
    return kExitUsage;
  }
  std::optional<Data> data = load_data(o);
  if (!data) return kExitInput;
  const std::string input = o.gaad.empty() ? o.args[0] : o.gaad;
  std::optional<snapshot::Account> account = load_input(o.gaad.empty() ? o.args[0] : "", o.gaad, o);
  if (!account) return kExitInput;
  // --to / --who-can-reach: a user or role of the snapshot ("admin" is the default goal).
  std::string to = !o.who_can_reach.empty() ? o.who_can_reach : o.to;
  if (to == "admin") to.clear();
  if (o.fix && (!to.empty() || o.format == "dot" || o.format == "sarif" || o.format == "html")) {
    fmt::print(stderr, "error: usage: --fix cuts the paths to administrator: without --to/--who-can-reach, in text or json\n");
    return kExitUsage;
  }
  if (o.all_paths && !to.empty()) {
    fmt::print(stderr, "error: usage: --all-paths lists the other ways to administrator: without --to/--who-can-reach\n");
    return kExitUsage;
  }
  if (o.format == "sarif" && !to.empty()) {
    fmt::print(stderr, "error: usage: --format sarif reports paths to administrator: without --to/--who-can-reach\n");
    return kExitUsage;
  }
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
  options.fix = o.fix;
  options.all_paths = o.all_paths;
  // --all-paths with --from: only those principals' other ways are looked for (each scans the account).
  for (const std::string& name : o.from)
    if (Result<snapshot::PrincipalPolicies> found = snapshot::principal_policies(*account, name)) options.all_paths_for.push_back(found->arn);
  escalation::Graph graph = escalation::find_paths(*account, data->catalog, data->restrictions, data->methods, options);
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
  fmt::print("{}", o.format == "json"    ? escalation::paths_json(graph, selection)
                   : o.format == "dot"   ? escalation::paths_dot(graph, selection)
                   : o.format == "sarif" ? escalation::paths_sarif(graph, *account, selection, input)
                   : o.format == "html"  ? escalation::paths_html(graph, selection, escalation::draw_paths(graph, selection), input)
                                         : escalation::paths_text(graph, selection));
  if (o.fix && o.format == "text") fmt::print("\n{}", escalation::fix_text(graph));
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
  cmd->add_option("--diff", o->diff, "OLD NEW: principals that can become administrator in NEW and could not in OLD "
                                     "(snapshot directories or authorization-details files); exit 1 when there are any")
      ->expected(2);
  cmd->add_flag("--all-paths", o->all_paths, "Also every other first step that leads to administrator, each continued by "
                                             "the shortest path from where it leads (at most 50 per principal)");
  cmd->add_flag("--fix", o->fix, "Also print the fewest policy edits (Deny statements) found that cut every path to "
                                 "administrator, checked by searching again with them");
  cmd->add_option("--format", o->format, "Output format: text, json, dot (Graphviz), sarif (code scanning) or html "
                                         "(one page with the graph drawn)")
      ->check(CLI::IsMember({"text", "json", "dot", "sarif", "html"}));
  cmd->add_option("--data-dir", o->data_dir, "Read catalog, managed-policy and escalation-method data from this folder");
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores)");
  cmd->callback([o, &runner] { runner = [o] { return run_paths(*o); }; });
}

}  // namespace iamwarden::cli
