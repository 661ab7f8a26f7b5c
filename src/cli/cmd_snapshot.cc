// `iamwarden snapshot summary|principal`: what an account snapshot holds, and what applies to a principal.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/json_writer.h"
#include "base/safe_text.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "snapshot/completeness.h"
#include "snapshot/principal.h"
#include "snapshot/snapshot.h"
#include "snapshot/summary.h"

namespace iamwarden::cli {
namespace {

struct SnapshotOptions {
  std::vector<std::string> args;  ///< [DIR] then NAME|ARN for principal
  std::string gaad;
  std::string format = "text";
  std::string data_dir;
};

// Loads the snapshot named by the options; prints the error and returns nullopt on failure.
std::optional<snapshot::Account> load(const SnapshotOptions& o, const std::string& dir, std::string& source) {
  source = o.gaad.empty() ? dir : o.gaad;
  Result<snapshot::Account> account = snapshot::load_with_builtin_policies(dir, o.gaad, o.data_dir);
  if (!account) {
    fmt::print(stderr, "error: {}\n", account.error().format());
    return std::nullopt;
  }
  return account.take();
}

int run_summary(const SnapshotOptions& o) {
  if (o.gaad.empty() == (o.args.size() != 1)) {
    fmt::print(stderr, "error: give a snapshot DIR or --gaad FILE (one of them)\n");
    return kExitUsage;
  }
  std::string source;
  std::optional<snapshot::Account> account = load(o, o.gaad.empty() ? o.args[0] : "", source);
  if (!account) return kExitInput;
  snapshot::Summary summary = snapshot::summarize(*account);
  std::string out = o.format == "json" ? snapshot::summary_json(*account, summary, source)
                                       : snapshot::summary_text(*account, summary, source);
  fmt::print("{}", out);
  return kExitOk;
}

std::string location(const snapshot::PolicyDocument* doc) {
  if (!doc) return "";
  std::string out = doc->origin.file;  // raw: the JSON output quotes it, the text output escapes it
  if (doc->origin.line > 0) out += fmt::format(":{}:{}", doc->origin.line, doc->origin.column);
  if (!doc->origin.pointer.empty()) out += "#" + doc->origin.pointer;
  return out;
}

// Names, ARNs, file names and notes come from the snapshot: every one goes through safe_text.
std::string principal_text(const snapshot::Account& account, const snapshot::PrincipalPolicies& p) {
  std::string out;
  std::vector<std::string> gaps;
  for (const snapshot::SnapshotGap& gap : snapshot::snapshot_gaps(account)) gaps.push_back(snapshot::gap_line(gap));
  if (!gaps.empty()) out += safe_text(snapshot::gaps_headline(gaps)) + "\n\n";
  out += fmt::format("{} {}\n  {}\n\n", p.user ? "user" : "role", safe_text(p.name), safe_text(p.arn));
  for (const snapshot::AppliedPolicy& a : p.policies) {
    std::string from;
    if (a.attachment == snapshot::Attachment::kGroupInline || a.attachment == snapshot::Attachment::kGroupManaged)
      from = "via group " + a.via;
    else if (!a.via.empty())
      from = "at " + a.via;
    std::string what = a.name.empty() ? a.arn : a.name;
    if (!a.arn.empty() && a.arn != what) what += " (" + a.arn + ")";
    if (!a.version_id.empty()) what += " " + a.version_id;
    if (a.source == snapshot::PolicySource::kBuiltinCatalog) what += " [built-in AWS-managed copy]";
    if (!a.document) what += " [UNRESOLVED: not evaluated]";
    fmt::format_to(std::back_inserter(out), "  {:<14} {}{}\n", snapshot::attachment_name(a.attachment), safe_text(what),
                   from.empty() ? "" : "  " + safe_text(from));
    if (a.document) fmt::format_to(std::back_inserter(out), "  {:<14} from {}\n", "", safe_text(location(a.document)));
  }
  if (p.policies.empty()) out += "  no policies\n";
  if (!p.scp_note.empty()) fmt::format_to(std::back_inserter(out), "\nnote: {}\n", safe_text(p.scp_note));
  if (!p.unresolved.empty())
    fmt::format_to(std::back_inserter(out), "unresolved: {}\n", safe_text(fmt::format("{}", fmt::join(p.unresolved, ", "))));
  return out;
}

std::string principal_json(const snapshot::PrincipalPolicies& p) {
  std::string out = fmt::format("{{\"principal\":{},\"type\":\"{}\",\"name\":{},\"policies\":[", json_quote(p.arn),
                                p.user ? "user" : "role", json_quote(p.name));
  for (size_t i = 0; i < p.policies.size(); ++i) {
    const snapshot::AppliedPolicy& a = p.policies[i];
    fmt::format_to(std::back_inserter(out), "{}{{\"attachment\":\"{}\",\"name\":{},\"arn\":{},\"via\":{},"
                   "\"version\":{},\"source\":\"{}\",\"resolved\":{},\"location\":{}}}",
                   i ? "," : "", snapshot::attachment_name(a.attachment), json_quote(a.name),
                   a.arn.empty() ? "null" : json_quote(a.arn), a.via.empty() ? "null" : json_quote(a.via),
                   a.version_id.empty() ? "null" : json_quote(a.version_id),
                   a.source == snapshot::PolicySource::kBuiltinCatalog ? "builtin" : "snapshot",
                   a.document ? "true" : "false", a.document ? json_quote(location(a.document)) : "null");
  }
  fmt::format_to(std::back_inserter(out), "],\"scpsEvaluated\":{},\"scpNote\":{},\"unresolved\":[",
                 p.scps_evaluated ? "true" : "false", p.scp_note.empty() ? "null" : json_quote(p.scp_note));
  for (size_t i = 0; i < p.unresolved.size(); ++i) out += (i ? "," : "") + json_quote(p.unresolved[i]);
  out += "]}\n";
  return out;
}

int run_principal(const SnapshotOptions& o) {
  size_t want = o.gaad.empty() ? 2 : 1;
  if (o.args.size() != want) {
    fmt::print(stderr, "error: usage: iamwarden snapshot principal DIR NAME|ARN (or --gaad FILE NAME|ARN)\n");
    return kExitUsage;
  }
  std::string source;
  std::optional<snapshot::Account> account = load(o, o.gaad.empty() ? o.args[0] : "", source);
  if (!account) return kExitInput;
  Result<snapshot::PrincipalPolicies> p = snapshot::principal_policies(*account, o.args.back());
  if (!p) {
    fmt::print(stderr, "error: {}\n", p.error().format());
    return kExitCheckFailed;
  }
  fmt::print("{}", o.format == "json" ? principal_json(*p) : principal_text(*account, *p));
  return kExitOk;
}

void add_common(CLI::App* cmd, SnapshotOptions& o) {
  cmd->add_option("--gaad", o.gaad, "Read one `aws iam get-account-authorization-details` file instead of a DIR");
  cmd->add_option("--format", o.format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--data-dir", o.data_dir, "Read managed-policies.json(.gz) from this folder instead of the built-in copy");
}

}  // namespace

void add_snapshot_command(CLI::App& app, Runner& runner) {
  CLI::App* cmd = app.add_subcommand("snapshot", "Inspect an account snapshot (see docs/snapshot.md)");
  cmd->require_subcommand(1);
  auto summary = std::make_shared<SnapshotOptions>();
  CLI::App* s = cmd->add_subcommand("summary", "Account, counts, present/missing/failed files, unresolved policy ARNs");
  s->add_option("dir", summary->args, "Snapshot directory");
  add_common(s, *summary);
  s->callback([summary, &runner] { runner = [summary] { return run_summary(*summary); }; });
  auto principal = std::make_shared<SnapshotOptions>();
  CLI::App* p = cmd->add_subcommand("principal", "Every policy that applies to a user or role, and where it comes from");
  p->add_option("args", principal->args, "DIR NAME|ARN (or only NAME|ARN with --gaad)");
  add_common(p, *principal);
  p->callback([principal, &runner] { runner = [principal] { return run_principal(*principal); }; });
}

}  // namespace iamwarden::cli
