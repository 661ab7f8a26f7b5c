// `iamwarden simulate`: one request file, a batch of them, or a request given with flags.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "base/files.h"
#include "base/json.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "simulate/batch.h"
#include "simulate/from_snapshot.h"
#include "simulate/report.h"
#include "simulate/simulation_case.h"
#include "snapshot/snapshot.h"

namespace iamwarden::cli {
namespace {

struct SimulateOptions {
  std::string file;
  std::string batch;
  bool explain = false;
  std::string format = "text";
  // Flag form.
  std::vector<std::string> policies;
  std::string resource_policy;
  std::string boundary;
  std::vector<std::string> session_policies;
  std::vector<std::string> scps;
  std::vector<std::string> rcps;
  std::string principal;
  std::string action;
  std::string resource = "*";
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

int report(const simulate::SimulationCase& c, const SimulateOptions& o) {
  // JSON output always carries the trace; text shows it with --explain.
  eval::Trace trace;
  const bool want_trace = o.explain || o.format == "json";
  eval::Outcome outcome = eval::evaluate(c.request, c.set, want_trace ? &trace : nullptr);
  if (o.format == "json") fmt::print("{}\n", simulate::format_json(c, outcome, &trace));
  else fmt::print("{}", simulate::format_text(c, outcome, want_trace ? &trace : nullptr));
  if (c.expect) {
    bool ok = !c.expect->error && c.expect->decision == outcome.decision;
    if (!ok) {
      fmt::print(stderr, "expected {}, got {}\n", c.expect->text, eval::decision_name(outcome.decision));
      return kExitCheckFailed;
    }
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
  return report(c, o);
}

int run_batch(const SimulateOptions& o) {
  Result<simulate::BatchResult> result = simulate::run_batch(o.batch, o.threads);
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

// Loads a policy file of the flag form into the case.
bool add_policy_file(simulate::SimulationCase& c, const std::string& path, policy::PolicyKind kind,
                     std::vector<JsonDocument>& docs, std::vector<Error>& errors,
                     const eval::CompiledPolicy*& out) {
  Result<JsonDocument> doc = read_json_file(path);
  if (!doc) {
    errors.push_back(doc.error());
    return false;
  }
  docs.push_back(doc.take());
  out = simulate::add_policy(c, docs.back(), docs.back().root, "", kind, errors);
  if (out) c.policies.back()->name = path;
  return out != nullptr;
}

// Reads --context and --context-list into ctx; false on a usage error (already printed).
bool read_context_flags(const SimulateOptions& o, eval::Context& ctx, std::vector<Error>& errors) {
  for (const std::string& kv : o.context) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      fmt::print(stderr, "error: --context takes key=value, got \"{}\"\n", kv);
      return false;
    }
    if (Result<void> r = ctx.set(kv.substr(0, eq), kv.substr(eq + 1)); !r) errors.push_back(r.error());
  }
  for (const std::string& kv : o.context_lists) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      fmt::print(stderr, "error: --context-list takes key=a,b,c, got \"{}\"\n", kv);
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

// The flag form without a snapshot: the request from --principal/--action/--resource.
bool build_flag_request(const SimulateOptions& o, eval::Context ctx, simulate::SimulationCase& c,
                        std::vector<std::string>& derived, std::vector<Error>& errors) {
  Result<eval::Caller> caller = eval::parse_caller(o.principal, o.principal_role_arn);
  if (!caller) errors.push_back(caller.error());
  else caller->service_linked = caller->service_linked || o.service_linked_role;
  if (!errors.empty()) {
    print_errors(errors);
    return false;
  }
  eval::RequestOptions request_options;
  request_options.caller_in_management_account = o.caller_in_management_account;
  request_options.resource_in_management_account = o.resource_in_management_account;
  Result<eval::Request> request =
      eval::make_request(caller.take(), o.action, o.resource, o.resource_account, std::move(ctx), request_options);
  if (!request) {
    print_errors({request.error()});
    return false;
  }
  c.request = request.take();
  derived = eval::add_principal_keys(c.request);
  return true;
}

// Adds the policy files given as flags, evaluates and prints.
int finish_flags(const SimulateOptions& o, simulate::SimulationCase& c, const std::vector<std::string>& derived,
                 std::vector<Error>& errors) {
  std::vector<JsonDocument> docs;
  docs.reserve(64);
  const eval::CompiledPolicy* compiled = nullptr;
  for (const std::string& p : o.policies)
    if (add_policy_file(c, p, policy::PolicyKind::kIdentity, docs, errors, compiled)) c.set.identity.push_back(compiled);
  for (const std::string& p : o.session_policies)
    if (add_policy_file(c, p, policy::PolicyKind::kSession, docs, errors, compiled)) c.set.session.push_back(compiled);
  if (!o.resource_policy.empty() &&
      add_policy_file(c, o.resource_policy, simulate::resource_policy_kind(o.action, o.resource), docs, errors, compiled))
    c.set.resource = compiled;
  if (!o.boundary.empty() && add_policy_file(c, o.boundary, policy::PolicyKind::kBoundary, docs, errors, compiled))
    c.set.boundary = compiled;
  for (const std::string& p : o.scps)
    if (add_policy_file(c, p, policy::PolicyKind::kScp, docs, errors, compiled)) c.set.scp_levels.push_back({compiled});
  for (const std::string& p : o.rcps)
    if (add_policy_file(c, p, policy::PolicyKind::kRcp, docs, errors, compiled)) c.set.rcp_levels.push_back({compiled});
  if (!errors.empty()) {
    print_errors(errors);
    return kExitInput;
  }
  eval::Trace trace;
  trace.derived_keys = derived;
  const bool want_trace = o.explain || o.format == "json";
  eval::Outcome outcome = eval::evaluate(c.request, c.set, want_trace ? &trace : nullptr);
  if (o.format == "json") fmt::print("{}\n", simulate::format_json(c, outcome, want_trace ? &trace : nullptr));
  else fmt::print("{}", simulate::format_text(c, outcome, want_trace ? &trace : nullptr));
  return kExitOk;
}

// The flag form: a request from flags, its policies from files and/or a snapshot principal.
int run_flags(const SimulateOptions& o) {
  simulate::SimulationCase c;
  c.file = "<command line>";
  std::vector<Error> errors;
  eval::Context ctx;
  if (!read_context_flags(o, ctx, errors)) return kExitUsage;
  std::vector<std::string> derived;
  std::optional<snapshot::Account> account;
  if (!o.snapshot.empty() || !o.gaad.empty()) {
    Result<snapshot::Account> loaded = snapshot::load_with_builtin_policies(o.snapshot, o.gaad, o.data_dir);
    if (!loaded) {
      print_errors({loaded.error()});
      return kExitInput;
    }
    account = loaded.take();
    simulate::SnapshotQuestion question{o.principal, o.action, o.resource, o.resource_account, std::move(ctx)};
    if (!simulate::case_from_snapshot(*account, std::move(question), c, derived, errors)) {
      print_errors(errors);
      return kExitInput;
    }
    c.request.options.resource_in_management_account = o.resource_in_management_account;
  } else if (!build_flag_request(o, std::move(ctx), c, derived, errors)) {
    return kExitInput;
  }
  return finish_flags(o, c, derived, errors);
}

}  // namespace

void add_simulate_command(CLI::App& app, Runner& runner) {
  auto o = std::make_shared<SimulateOptions>();
  CLI::App* cmd = app.add_subcommand("simulate", "Decide a request as AWS would, and explain why");
  cmd->add_option("file", o->file, "Request file (JSON, see docs/request-format.md)");
  cmd->add_option("--batch", o->batch, "Directory of *.json request files, or a JSON-lines file");
  cmd->add_flag("--explain", o->explain, "Show every statement consulted and why it applied or not");
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--threads", o->threads, "Worker threads for --batch (default: every core)");
  cmd->add_option("--policy", o->policies, "Identity policy file (repeatable)");
  cmd->add_option("--resource-policy", o->resource_policy, "Resource-based policy (or role trust policy) file");
  cmd->add_option("--boundary", o->boundary, "Permissions boundary policy file");
  cmd->add_option("--session-policy", o->session_policies, "Session policy file (repeatable)");
  cmd->add_option("--scp", o->scps, "SCP file; each one is a level, root first (repeatable)");
  cmd->add_option("--rcp", o->rcps, "RCP file; each one is a level, root first (repeatable)");
  cmd->add_option("--principal", o->principal, "Caller ARN, service principal, or \"anonymous\"");
  cmd->add_option("--action", o->action, "Action, e.g. s3:GetObject");
  cmd->add_option("--resource", o->resource, "Resource ARN (default \"*\")");
  cmd->add_option("--resource-account", o->resource_account, "Account owning the resource (default: from the ARN)");
  cmd->add_option("--context", o->context, "Single-valued context key: key=value (repeatable)");
  cmd->add_option("--context-list", o->context_lists, "Multivalued context key: key=a,b,c (repeatable)");
  cmd->add_option("--principal-role-arn", o->principal_role_arn, "Role ARN (with path) behind an assumed-role session");
  cmd->add_flag("--service-linked-role", o->service_linked_role, "The caller is a service-linked role (no SCPs or RCPs)");
  cmd->add_flag("--caller-in-management-account", o->caller_in_management_account,
                "The caller is in the organization's management account (no SCPs)");
  cmd->add_flag("--resource-in-management-account", o->resource_in_management_account,
                "The resource is in the management account (no RCPs)");
  cmd->add_option("--snapshot", o->snapshot,
                  "Account snapshot directory: take the principal's policies, boundary, SCPs and RCPs from it");
  cmd->add_option("--gaad", o->gaad, "Like --snapshot, from one get-account-authorization-details file");
  cmd->add_option("--data-dir", o->data_dir, "Read AWS-managed policies from this folder instead of the built-in copy");
  cmd->callback([o, cmd, &runner] {
    int modes = !o->file.empty() + !o->batch.empty() + !o->action.empty();
    if (modes != 1)
      throw CLI::ValidationError("simulate", "give one of: a request FILE, --batch PATH, or --action with --principal");
    if (!o->action.empty() && o->principal.empty())
      throw CLI::ValidationError("--principal", "the flag form needs --principal (use \"anonymous\" for none)");
    (void)cmd;
    if (!o->file.empty()) runner = [o] { return run_file(*o); };
    else if (!o->batch.empty()) runner = [o] { return run_batch(*o); };
    else runner = [o] { return run_flags(*o); };
  });
}

}  // namespace iamwarden::cli
