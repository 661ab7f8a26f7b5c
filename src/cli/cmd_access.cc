// `iamwarden access`: a principal's effective permissions over the action catalog, or who is an
// administrator (--admin, --all), decided by the policy engine.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "access/effective.h"
#include "base/safe_text.h"
#include "catalog/caller_restrictions.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "escalation/graph.h"
#include "escalation/method.h"
#include "escalation/report.h"
#include "snapshot/completeness.h"
#include "snapshot/snapshot.h"

namespace iamwarden::cli {
namespace {

struct AccessOptions {
  std::vector<std::string> args;  ///< DIR NAME|ARN (NAME|ARN alone with --gaad; DIR alone with --all)
  std::string gaad;
  std::vector<std::string> services;
  std::string access_level;
  bool admin = false;
  bool all = false;
  bool reachable = false;
  bool show_denied = false;
  bool allow_partial = false;
  std::string format = "text";
  std::string data_dir;
  unsigned threads = 0;
};

// --reachable: each answer gains its shortest escalation path to administrator (the graph of
// `iamwarden paths`, built for the whole account: a path may pass through any principal).
bool add_reachability(const snapshot::Account& account, const catalog::Catalog& catalog, const AccessOptions& o,
                      std::vector<access::AdminAnswer>& answers) {
  Result<catalog::CallerRestrictions> restrictions = catalog::load_caller_restrictions(o.data_dir);
  Result<escalation::MethodCatalog> methods = escalation::MethodCatalog::load(o.data_dir);
  for (const Error* e : {restrictions ? nullptr : &restrictions.error(), methods ? nullptr : &methods.error()})
    if (e) {
      fmt::print(stderr, "error: {}\n", e->format());
      return false;
    }
  escalation::Options options;
  options.threads = o.threads;
  const escalation::Graph graph = escalation::find_paths(account, catalog, *restrictions, *methods, options);
  std::unordered_map<std::string_view, size_t> node_of;
  for (size_t i = 0; i < graph.admin; ++i) node_of.emplace(graph.nodes[i].arn, i);
  for (access::AdminAnswer& a : answers) {
    auto it = node_of.find(a.principal);
    const int depth = it == node_of.end() ? -1 : graph.nodes[it->second].depth;
    // An administrator by `access` is one here too; the graph says nothing else about it.
    a.reach_steps = a.admin == access::Grant::kAllowed ? 0 : std::max(depth, -1);
    if (*a.reach_steps > 0) {
      a.reach_conditional = graph.conditional(it->second);
      a.reach_path = escalation::path_chain(graph, it->second);
    }
  }
  return true;
}

int run_access(const AccessOptions& o) {
  const size_t principal_args = o.all ? 0 : 1;
  const size_t want = principal_args + (o.gaad.empty() ? 1 : 0);
  if (o.args.size() != want) {
    fmt::print(stderr, "error: usage: iamwarden access DIR NAME|ARN, iamwarden access DIR --all --admin "
                       "(or --gaad FILE instead of DIR)\n");
    return kExitUsage;
  }
  if (o.all && !o.admin) {
    fmt::print(stderr, "error: --all answers the --admin question for every user and role; add --admin\n");
    return kExitUsage;
  }
  if (o.reachable && !o.admin) {
    fmt::print(stderr, "error: --reachable adds \"can become administrator\" to the --admin answer; add --admin\n");
    return kExitUsage;
  }
  access::ActionFilter filter;
  filter.services = o.services;
  filter.include_denied = o.show_denied;
  if (!o.access_level.empty()) {
    filter.level = catalog::parse_access_level(o.access_level);
    if (!filter.level) {
      fmt::print(stderr, "error: unknown access level \"{}\" (List, Read, Write, Permissions management, Tagging)\n",
                 safe_text(o.access_level));
      return kExitUsage;
    }
  }
  Result<catalog::Catalog> catalog = catalog::load_catalog(o.data_dir);
  if (!catalog) {
    fmt::print(stderr, "error: {}\n", catalog.error().format());
    return kExitInput;
  }
  for (const std::string& s : o.services) {
    if (catalog->find_service(s)) continue;
    std::string near = catalog->suggest_service(s);
    fmt::print(stderr, "error: unknown service \"{}\"{}\n", safe_text(s), near.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", near));
    return kExitUsage;
  }
  Result<snapshot::Account> account =
      snapshot::load_with_builtin_policies(o.gaad.empty() ? o.args[0] : "", o.gaad, o.data_dir);
  if (!account) {
    fmt::print(stderr, "error: {}\n", account.error().format());
    return kExitInput;
  }
  // Fail closed, as audit: no authorization details, or a failed collection step (e.g. the SCPs),
  // would make an answer look more certain than it is.
  std::vector<std::string> gaps;
  for (const snapshot::SnapshotGap& gap : snapshot::snapshot_gaps(*account)) gaps.push_back(snapshot::gap_line(gap));
  std::string headline = gaps.empty() ? "" : safe_text(snapshot::gaps_headline(gaps));
  if (!gaps.empty()) {
    fmt::print(stderr, "{}\n", headline);
    if (!o.allow_partial) {
      fmt::print(stderr, "error: {}: incomplete snapshot; pass --allow-partial to answer from what is there\n",
                 safe_text(o.gaad.empty() ? o.args[0] : o.gaad));
      return kExitInput;
    }
    if (o.format == "text") fmt::print("{}\n\n", headline);
  }
  if (o.all) {
    std::vector<access::AdminAnswer> answers = access::admin_for_all(*account, *catalog, o.threads);
    if (o.reachable && !add_reachability(*account, *catalog, o, answers)) return kExitInput;
    fmt::print("{}", o.format == "json" ? access::admin_answers_json(answers) : access::admin_answers_text(answers));
    return kExitOk;
  }
  access::PolicyCache cache;
  Result<access::PrincipalAccess> principal = access::principal_access(*account, o.args.back(), cache);
  if (!principal) {
    fmt::print(stderr, "error: {}\n", principal.error().format());
    return kExitCheckFailed;
  }
  if (o.admin) {
    access::AccessEvaluator evaluator(principal->layers, principal->caller, principal->context, &*catalog);
    std::vector<access::AdminAnswer> answer(1);
    answer[0].principal = principal->arn;
    answer[0].is_role = principal->is_role;
    answer[0].admin = evaluator.admin(*catalog);
    answer[0].problems = principal->problems;
    if (o.reachable && !add_reachability(*account, *catalog, o, answer)) return kExitInput;
    std::string out = o.format == "json" ? access::admin_answer_json(answer[0]) + "\n" : access::admin_answers_text(answer);
    fmt::print("{}", out);
    return kExitOk;
  }
  Result<catalog::CallerRestrictions> restrictions = catalog::load_caller_restrictions(o.data_dir);
  if (!restrictions) {
    fmt::print(stderr, "error: {}\n", restrictions.error().format());
    return kExitInput;
  }
  access::EffectiveAccess result = access::effective_access(*principal, *catalog, filter, &*restrictions);
  fmt::print("{}", o.format == "json" ? access::effective_access_json(result, *catalog)
                                      : access::effective_access_text(result, *catalog));
  return kExitOk;
}

}  // namespace

void add_access_command(CLI::App& app, Runner& runner) {
  auto o = std::make_shared<AccessOptions>();
  CLI::App* cmd = app.add_subcommand(
      "access", "Effective permissions of a user or role over every AWS action, decided by the policy engine");
  cmd->add_option("args", o->args, "DIR NAME|ARN (NAME|ARN alone with --gaad; DIR alone with --all)");
  cmd->add_option("--gaad", o->gaad, "Read one `aws iam get-account-authorization-details` file instead of a DIR");
  cmd->add_option("--service", o->services, "Only these service prefixes (repeat or comma-separate)")->delimiter(',');
  cmd->add_option("--access-level", o->access_level, "Only actions of this level (List, Read, Write, "
                                                     "\"Permissions management\", Tagging)");
  cmd->add_flag("--admin", o->admin, "Only say whether the principal is effectively an administrator");
  cmd->add_flag("--all", o->all, "With --admin: answer for every user and role of the snapshot");
  cmd->add_flag("--reachable", o->reachable, "With --admin: also whether each can become administrator, with its "
                                             "shortest escalation path (as `iamwarden paths`)");
  cmd->add_flag("--show-denied", o->show_denied, "Also list denied actions");
  cmd->add_flag("--allow-partial", o->allow_partial,
                "Answer from an incomplete snapshot (no authorization details, failed collection steps) instead of "
                "exiting 3; text output then starts with the warning");
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--data-dir", o->data_dir, "Read catalog and managed-policy data from this folder");
  cmd->add_option("--threads", o->threads, "Worker threads for --all (default: all cores)");
  cmd->callback([o, &runner] { runner = [o] { return run_access(*o); }; });
}

}  // namespace iamwarden::cli
