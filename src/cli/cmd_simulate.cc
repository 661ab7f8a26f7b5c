// `iamwarden simulate`: one request file, a batch of them, or requests given with flags (one
// decision, or a matrix of actions x resources like `aws iam simulate-principal-policy`).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "base/files.h"
#include "base/json.h"
#include "base/safe_text.h"
#include "catalog/caller_restrictions.h"
#include "catalog/catalog.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "simulate/batch.h"
#include "simulate/decide.h"
#include "simulate/derived_keys.h"
#include "simulate/from_snapshot.h"
#include "simulate/report.h"
#include "simulate/request_check.h"
#include "simulate/simulation_case.h"
#include "snapshot/snapshot.h"

namespace iamwarden::cli {
namespace {

struct SimulateOptions {
  std::string file;
  std::string batch;
  bool explain = false;
  bool strict = false;
  std::string format = "text";
  std::string expect;
  // Flag form.
  std::vector<std::string> policies;
  std::string resource_policy;
  std::string boundary;
  std::vector<std::string> session_policies;
  std::vector<std::string> scps;
  std::vector<std::string> rcps;
  std::vector<std::string> scp_levels;  ///< each "a.json,b.json": one level, root first
  std::vector<std::string> rcp_levels;
  std::string principal;
  std::vector<std::string> actions;
  std::vector<std::string> resources;
  std::string resource_account;
  std::vector<std::string> context;
  std::vector<std::string> context_lists;
  std::string principal_role_arn;
  bool service_linked_role = false;
  bool caller_in_management_account = false;
  bool resource_in_management_account = false;
  std::string snapshot;
  std::string gaad;
  std::string data_dir;
  unsigned threads = 0;
};

void print_errors(const std::vector<Error>& errors) {
  for (const Error& e : errors) fmt::print(stderr, "error: {}\n", e.format());
}

void print_warnings(const std::vector<Error>& warnings) {
  for (const Error& w : warnings) fmt::print(stderr, "warning: {}\n", w.format());
}

/// The data every form needs: the action catalog (request checks) and the caller restrictions.
struct SimulateData {
  catalog::Catalog catalog;
  catalog::CallerRestrictions restrictions;
};

std::optional<SimulateData> data_or_print(const SimulateOptions& o) {
  Result<catalog::Catalog> loaded = catalog::load_catalog(o.data_dir);
  if (!loaded) {
    print_errors({loaded.error()});
    return std::nullopt;
  }
  Result<catalog::CallerRestrictions> restrictions = catalog::load_caller_restrictions(o.data_dir);
  if (!restrictions) {
    print_errors({restrictions.error()});
    return std::nullopt;
  }
  return SimulateData{loaded.take(), restrictions.take()};
}

// Unknown actions and keys, wrong value types: warnings on the case, or errors with --strict.
void check_case(const SimulateOptions& o, const catalog::Catalog& catalog, simulate::SimulationCase& c,
                const JsonDocument* doc, std::vector<Error>& errors) {
  std::vector<Error> found = simulate::check_request(c.request, catalog, doc);
  std::vector<Error>& into = o.strict ? errors : c.warnings;
  for (Error& e : found) into.push_back(std::move(e));
}

// The expectation: the request file's "expect", else --expect.
std::optional<simulate::Expectation> expectation(const simulate::SimulationCase& c, const SimulateOptions& o) {
  if (c.expect) return c.expect;
  if (o.expect.empty()) return std::nullopt;
  return simulate::parse_expectation(o.expect);
}

bool meets(const std::optional<simulate::Expectation>& expect, eval::Decision decision) {
  return !expect || (!expect->error && expect->decision == decision);
}

// Decides one case and prints it. JSON output always carries the trace; text shows it with --explain.
int report(const simulate::SimulationCase& c, const SimulateOptions& o, const SimulateData& data,
           const std::vector<std::string>& derived) {
  eval::Trace trace;
  trace.record_statements = o.explain || o.format == "json";
  trace.derived_keys = derived;
  simulate::Answer answer = simulate::decide(c, &data.restrictions, &trace);
  if (o.format == "json") {
    fmt::print("{}\n", simulate::format_json(c, answer, trace));
  } else {
    print_warnings(c.warnings);
    fmt::print("{}", simulate::format_text(c, answer, trace, o.explain));
  }
  const eval::Decision decision = answer.outcome.decision;
  std::optional<simulate::Expectation> expect = expectation(c, o);
  if (!meets(expect, decision)) {
    fmt::print(stderr, "expected {}, got {}\n", safe_text(expect->text), eval::decision_name(decision));
    return kExitCheckFailed;
  }
  return kExitOk;
}

int run_file(const SimulateOptions& o) {
  Result<JsonDocument> doc = read_json_file(o.file);
  if (!doc) {
    print_errors({doc.error()});
    return kExitInput;
  }
  simulate::SimulationCase c;
  std::vector<Error> errors;
  if (!simulate::load_case(*doc, c, errors)) {
    print_errors(errors);
    return kExitInput;
  }
  std::optional<SimulateData> data = data_or_print(o);
  if (!data) return kExitInput;
  check_case(o, data->catalog, c, &*doc, errors);
  if (!errors.empty()) {
    print_errors(errors);
    return kExitInput;
  }
  return report(c, o, *data, {});
}

int run_batch(const SimulateOptions& o) {
  std::optional<SimulateData> data = data_or_print(o);
  if (!data) return kExitInput;
  Result<simulate::BatchResult> result =
      simulate::run_batch(o.batch, {o.threads, &data->catalog, o.strict, &data->restrictions});
  if (!result) {
    print_errors({result.error()});
    return kExitInput;
  }
  std::string out;
  for (const simulate::BatchLine& line : result->lines) out += simulate::format_batch_line(line) + "\n";
  out += fmt::format("{} passed, {} failed\n", result->passed, result->failed);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return result->failed ? kExitCheckFailed : kExitOk;
}

// --- The flag form ---------------------------------------------------------------------------

/// A policy file of the flag form, read once and compiled into every case of a matrix.
struct PolicyFile {
  std::string path;
  JsonDocument doc;
};

/// Every policy file of the flag form, by where it goes.
struct PolicyFiles {
  std::vector<PolicyFile> identity, session;
  std::optional<PolicyFile> resource, boundary;
  std::vector<std::vector<PolicyFile>> scp_levels, rcp_levels;  ///< root first
};

std::optional<PolicyFile> read_policy_file(const std::string& path, std::vector<Error>& errors) {
  Result<JsonDocument> doc = read_json_file(path);
  if (!doc) {
    errors.push_back(doc.error());
    return std::nullopt;
  }
  return PolicyFile{path, doc.take()};
}

// "a.json,b.json" -> the files of one level.
std::vector<PolicyFile> read_level(std::string_view list, std::vector<Error>& errors) {
  std::vector<PolicyFile> level;
  for (size_t start = 0; start <= list.size();) {
    size_t comma = std::min(list.find(',', start), list.size());
    std::string path(list.substr(start, comma - start));
    if (!path.empty())
      if (std::optional<PolicyFile> f = read_policy_file(path, errors)) level.push_back(std::move(*f));
    start = comma + 1;
  }
  return level;
}

PolicyFiles read_policy_files(const SimulateOptions& o, std::vector<Error>& errors) {
  PolicyFiles files;
  for (const std::string& p : o.policies)
    if (std::optional<PolicyFile> f = read_policy_file(p, errors)) files.identity.push_back(std::move(*f));
  for (const std::string& p : o.session_policies)
    if (std::optional<PolicyFile> f = read_policy_file(p, errors)) files.session.push_back(std::move(*f));
  if (!o.resource_policy.empty()) files.resource = read_policy_file(o.resource_policy, errors);
  if (!o.boundary.empty()) files.boundary = read_policy_file(o.boundary, errors);
  // --scp FILE is a level of its own; --scp-level a,b is a level of several files.
  auto single = [&](const std::string& path) {
    std::vector<PolicyFile> level;
    if (std::optional<PolicyFile> f = read_policy_file(path, errors)) level.push_back(std::move(*f));
    return level;
  };
  for (const std::string& p : o.scps) files.scp_levels.push_back(single(p));
  for (const std::string& p : o.scp_levels) files.scp_levels.push_back(read_level(p, errors));
  for (const std::string& p : o.rcps) files.rcp_levels.push_back(single(p));
  for (const std::string& p : o.rcp_levels) files.rcp_levels.push_back(read_level(p, errors));
  if (files.scp_levels.size() > eval::kMaxOrgLevels || files.rcp_levels.size() > eval::kMaxOrgLevels)
    errors.push_back(Error{ErrorCode::kInvalidInput,
                           fmt::format("more than {} SCP or RCP levels: an organization has fewer", eval::kMaxOrgLevels),
                           {}, "give one --scp or --scp-level per level: root, OUs, account"});
  return files;
}

// Compiles a file into the case: one policy document, or (when `array_ok`) a JSON array of them.
std::vector<const eval::CompiledPolicy*> compile_file(simulate::SimulationCase& c, const PolicyFile& f,
                                                      policy::PolicyKind kind, bool array_ok,
                                                      std::vector<Error>& errors) {
  std::vector<const eval::CompiledPolicy*> out;
  auto add = [&](const JsonNode& node, const std::string& pointer, std::string name) {
    if (const eval::CompiledPolicy* p = simulate::add_policy(c, f.doc, node, pointer, kind, errors)) {
      c.policies.back()->name = std::move(name);
      out.push_back(p);
    }
  };
  if (array_ok && f.doc.root.is_array()) {
    for (size_t i = 0; i < f.doc.root.items.size(); ++i)
      add(f.doc.root.items[i], fmt::format("/{}", i), fmt::format("{}[{}]", f.path, i));
  } else {
    add(f.doc.root, "", f.path);
  }
  return out;
}

void add_policy_files(simulate::SimulationCase& c, const PolicyFiles& files, std::vector<Error>& errors) {
  using policy::PolicyKind;
  for (const PolicyFile& f : files.identity)
    for (const eval::CompiledPolicy* p : compile_file(c, f, PolicyKind::kIdentity, false, errors)) c.set.identity.push_back(p);
  for (const PolicyFile& f : files.session)
    for (const eval::CompiledPolicy* p : compile_file(c, f, PolicyKind::kSession, false, errors)) c.set.session.push_back(p);
  if (files.resource) {
    PolicyKind kind = simulate::resource_policy_kind(c.request.action, c.request.resource);
    for (const eval::CompiledPolicy* p : compile_file(c, *files.resource, kind, false, errors)) c.set.resource = p;
  }
  if (files.boundary)
    for (const eval::CompiledPolicy* p : compile_file(c, *files.boundary, PolicyKind::kBoundary, false, errors))
      c.set.boundary = p;
  for (const std::vector<PolicyFile>& level : files.scp_levels) {
    std::vector<const eval::CompiledPolicy*>& into = c.set.scp_levels.emplace_back();
    for (const PolicyFile& f : level)
      for (const eval::CompiledPolicy* p : compile_file(c, f, PolicyKind::kScp, true, errors)) into.push_back(p);
  }
  for (const std::vector<PolicyFile>& level : files.rcp_levels) {
    std::vector<const eval::CompiledPolicy*>& into = c.set.rcp_levels.emplace_back();
    for (const PolicyFile& f : level)
      for (const eval::CompiledPolicy* p : compile_file(c, f, PolicyKind::kRcp, true, errors)) into.push_back(p);
  }
}

// Reads --context and --context-list into ctx; false on a usage error (already printed).
bool read_context_flags(const SimulateOptions& o, eval::Context& ctx, std::vector<Error>& errors) {
  for (const std::string& kv : o.context) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      fmt::print(stderr, "error: --context takes key=value, got \"{}\"\n", safe_text(kv));
      return false;
    }
    if (Result<void> r = ctx.set(kv.substr(0, eq), kv.substr(eq + 1)); !r) errors.push_back(r.error());
  }
  for (const std::string& kv : o.context_lists) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      fmt::print(stderr, "error: --context-list takes key=a,b,c, got \"{}\"\n", safe_text(kv));
      return false;
    }
    std::vector<std::string> values;
    std::string rest = kv.substr(eq + 1);
    for (size_t start = 0; !rest.empty() && start <= rest.size();) {
      size_t comma = rest.find(',', start);
      if (comma == std::string::npos) comma = rest.size();
      values.push_back(rest.substr(start, comma - start));
      start = comma + 1;
    }
    if (Result<void> r = ctx.set_list(kv.substr(0, eq), std::move(values)); !r) errors.push_back(r.error());
  }
  return true;
}

// The request of the flag form without a snapshot, from --principal and one action/resource pair.
bool build_flag_request(const SimulateOptions& o, const std::string& action, const std::string& resource,
                        eval::Context ctx, simulate::SimulationCase& c, std::vector<std::string>& derived,
                        std::vector<Error>& errors) {
  Result<eval::Caller> caller = eval::parse_caller(o.principal, o.principal_role_arn);
  if (!caller) {
    errors.push_back(caller.error());
    return false;
  }
  caller->service_linked = caller->service_linked || o.service_linked_role;
  eval::RequestOptions request_options;
  request_options.caller_in_management_account = o.caller_in_management_account;
  request_options.resource_in_management_account = o.resource_in_management_account;
  Result<eval::Request> request =
      eval::make_request(caller.take(), action, resource, o.resource_account, std::move(ctx), request_options);
  if (!request) {
    errors.push_back(request.error());
    return false;
  }
  c.request = request.take();
  derived = eval::add_principal_keys(c.request);
  simulate::add_resource_account_key(c.request, !o.resource_account.empty(), derived, c.warnings);
  return true;
}

/// One (action, resource) pair of the flag form, built and checked.
struct Pair {
  simulate::SimulationCase c;
  std::vector<std::string> derived;
};

bool build_pair(const SimulateOptions& o, const snapshot::Account* account, const PolicyFiles& files,
                const catalog::Catalog& catalog, const eval::Context& ctx, const std::string& action,
                const std::string& resource, Pair& out, std::vector<Error>& errors) {
  simulate::SimulationCase& c = out.c;
  if (account) {
    simulate::SnapshotQuestion question{o.principal, action, resource, o.resource_account, ctx,
                                        !o.resource_policy.empty()};
    if (!simulate::case_from_snapshot(*account, std::move(question), c, out.derived, errors)) return false;
    c.request.options.resource_in_management_account = o.resource_in_management_account;
  } else {
    c.file = "<command line>";
    if (!build_flag_request(o, action, resource, ctx, c, out.derived, errors)) return false;
  }
  add_policy_files(c, files, errors);
  check_case(o, catalog, c, nullptr, errors);
  return errors.empty();
}

// Pads each cell to its column's width; the cells are already escaped.
std::string table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths;
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) {
      if (widths.size() <= i) widths.push_back(0);
      widths[i] = std::max(widths[i], row[i].size());
    }
  std::string out;
  for (const auto& row : rows) {
    std::string text;
    for (size_t i = 0; i < row.size(); ++i)
      text += i + 1 < row.size() ? fmt::format("{:<{}}  ", row[i], widths[i]) : row[i];
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  return out;
}

// A matrix of decisions: a table (text) or a JSON array, one entry per action x resource.
int report_matrix(std::vector<Pair>& pairs, const SimulateOptions& o, const SimulateData& data) {
  std::vector<std::vector<std::string>> rows{{"ACTION", "RESOURCE", "DECISION", "REASON"}};
  std::string json = "[";
  std::vector<std::string> warned;
  bool all_met = true;
  std::optional<simulate::Expectation> expect = o.expect.empty() ? std::nullopt : simulate::parse_expectation(o.expect);
  for (size_t i = 0; i < pairs.size(); ++i) {
    const simulate::SimulationCase& c = pairs[i].c;
    eval::Trace trace;
    trace.record_statements = false;
    simulate::Answer answer = simulate::decide(c, &data.restrictions, &trace);
    all_met = all_met && meets(expect, answer.outcome.decision);
    if (o.format == "json") {
      json += (i ? "," : "") + simulate::format_json_answer(c.request, answer, trace, c.warnings);
      continue;
    }
    for (const Error& w : c.warnings) {
      std::string text = w.format();
      if (std::find(warned.begin(), warned.end(), text) != warned.end()) continue;  // same key, every pair
      fmt::print(stderr, "warning: {}\n", text);
      warned.push_back(std::move(text));
    }
    rows.push_back({safe_text(c.request.action), safe_text(c.request.resource),
                    std::string(eval::decision_name(answer.outcome.decision)), safe_text(answer.reason())});
    if (!trace.missing_keys.empty()) {
      std::string keys;
      for (const std::string& k : trace.missing_keys) keys += (keys.empty() ? "" : ", ") + k;
      rows.push_back({"", "", "", "missing context values: " + safe_text(keys)});
    }
  }
  if (o.format == "json") fmt::print("{}]\n", json);
  else fmt::print("{}", table(rows));
  if (!all_met) {
    fmt::print(stderr, "expected {} for every pair: not met\n", safe_text(o.expect));
    return kExitCheckFailed;
  }
  return kExitOk;
}

// The flag form: requests from flags, their policies from files and/or a snapshot principal.
int run_flags(const SimulateOptions& o) {
  std::vector<Error> errors;
  eval::Context ctx;
  if (!read_context_flags(o, ctx, errors)) return kExitUsage;
  std::optional<SimulateData> data = data_or_print(o);
  if (!data) return kExitInput;
  std::optional<snapshot::Account> account;
  if (!o.snapshot.empty() || !o.gaad.empty()) {
    Result<snapshot::Account> loaded = snapshot::load_with_builtin_policies(o.snapshot, o.gaad, o.data_dir);
    if (!loaded) {
      print_errors({loaded.error()});
      return kExitInput;
    }
    account = loaded.take();
  }
  PolicyFiles files = read_policy_files(o, errors);
  std::vector<std::string> resources = o.resources;
  if (resources.empty()) resources.push_back("*");
  std::vector<Pair> pairs;
  pairs.reserve(o.actions.size() * resources.size());
  for (const std::string& action : o.actions) {
    for (const std::string& resource : resources) {
      if (!errors.empty()) break;
      build_pair(o, account ? &*account : nullptr, files, data->catalog, ctx, action, resource, pairs.emplace_back(),
                 errors);
    }
  }
  if (!errors.empty()) {
    print_errors(errors);
    return kExitInput;
  }
  if (pairs.size() == 1) return report(pairs.front().c, o, *data, pairs.front().derived);
  return report_matrix(pairs, o, *data);
}

}  // namespace

void add_simulate_command(CLI::App& app, Runner& runner) {
  auto o = std::make_shared<SimulateOptions>();
  CLI::App* cmd = app.add_subcommand("simulate", "Decide a request as AWS would, and explain why");
  cmd->add_option("file", o->file, "Request file (JSON, see docs/request-format.md)");
  cmd->add_option("--batch", o->batch, "Directory of *.json request files, or a JSON-lines file");
  cmd->add_flag("--explain", o->explain, "Show every statement consulted and why it applied or not");
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--strict", o->strict,
                "Unknown actions, unknown context keys and values of the wrong type are errors, not warnings");
  cmd->add_option("--threads", o->threads, "Worker threads for --batch (default: every core)");
  cmd->add_option("--policy", o->policies, "Identity policy file (repeatable)");
  cmd->add_option("--resource-policy", o->resource_policy, "Resource-based policy (or role trust policy) file");
  cmd->add_option("--boundary", o->boundary, "Permissions boundary policy file");
  cmd->add_option("--session-policy", o->session_policies, "Session policy file (repeatable)");
  cmd->add_option("--scp", o->scps, "SCP file; each one is a level, root first (repeatable)");
  cmd->add_option("--scp-level", o->scp_levels,
                  "The SCPs of one level, comma-separated files (a file may hold a JSON array of policies); "
                  "repeat per level, root first");
  cmd->add_option("--rcp", o->rcps, "RCP file; each one is a level, root first (repeatable)");
  cmd->add_option("--rcp-level", o->rcp_levels, "The RCPs of one level, like --scp-level");
  cmd->add_option("--principal", o->principal, "Caller ARN, service principal, or \"anonymous\"");
  cmd->add_option("--action", o->actions, "Action, e.g. s3:GetObject (several: one decision per action and resource)");
  cmd->add_option("--resource", o->resources, "Resource ARN (default \"*\"; several: one decision per pair)");
  cmd->add_option("--resource-account", o->resource_account, "Account owning the resource (default: from the ARN)");
  cmd->add_option("--context", o->context, "Single-valued context key: key=value (repeatable)");
  cmd->add_option("--context-list", o->context_lists, "Multivalued context key: key=a,b,c (repeatable)");
  cmd->add_option("--principal-role-arn", o->principal_role_arn, "Role ARN (with path) behind an assumed-role session");
  cmd->add_flag("--service-linked-role", o->service_linked_role, "The caller is a service-linked role (no SCPs or RCPs)");
  cmd->add_flag("--caller-in-management-account", o->caller_in_management_account,
                "The caller is in the organization's management account (no SCPs)");
  cmd->add_flag("--resource-in-management-account", o->resource_in_management_account,
                "The resource is in the management account (no RCPs)");
  cmd->add_option("--expect", o->expect,
                  "Flag form: exit 1 unless every decision is this one (Allowed, ExplicitDeny, ImplicitDeny)")
      ->check(CLI::IsMember({"Allowed", "ExplicitDeny", "ImplicitDeny"}));
  cmd->add_option("--snapshot", o->snapshot,
                  "Account snapshot directory: take the principal's policies, boundary, SCPs and RCPs from it");
  cmd->add_option("--gaad", o->gaad, "Like --snapshot, from one get-account-authorization-details file");
  cmd->add_option("--data-dir", o->data_dir,
                  "Read the action catalog, AWS-managed policies and caller restrictions from this folder instead of "
                  "the built-in copy");
  cmd->callback([o, &runner] {
    int modes = !o->file.empty() + !o->batch.empty() + !o->actions.empty();
    if (modes != 1)
      throw CLI::ValidationError("simulate", "give one of: a request FILE, --batch PATH, or --action with --principal");
    if (!o->actions.empty() && o->principal.empty())
      throw CLI::ValidationError("--principal", "the flag form needs --principal (use \"anonymous\" for none)");
    if (!o->expect.empty() && o->actions.empty())
      throw CLI::ValidationError("--expect", "--expect is for the flag form; a request file has its own \"expect\"");
    const size_t pairs = o->actions.size() * std::max<size_t>(1, o->resources.size());
    if (o->explain && pairs > 1)
      throw CLI::ValidationError("--explain", "--explain takes one --action and one --resource, not a matrix");
    if ((!o->scps.empty() && !o->scp_levels.empty()) || (!o->rcps.empty() && !o->rcp_levels.empty()))
      throw CLI::ValidationError("--scp-level", "give the levels either with --scp or with --scp-level (not both: "
                                                "their order, root first, would be lost)");
    if (!o->resources.empty() && o->actions.empty())
      throw CLI::ValidationError("--resource", "--resource belongs to the flag form (with --action)");
    if (o->file.empty() && o->batch.empty()) runner = [o] { return run_flags(*o); };
    else if (!o->file.empty()) runner = [o] { return run_file(*o); };
    else runner = [o] { return run_batch(*o); };
  });
}

}  // namespace iamwarden::cli
