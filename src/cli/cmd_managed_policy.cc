// `iamwarden managed-policy NAME|ARN`: print an AWS-managed policy's default version document.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "base/closest_match.h"
#include "base/safe_text.h"
#include "base/json.h"
#include "catalog/managed_policies.h"
#include "catalog/pretty_json.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace iamwarden::cli {
namespace {

struct ManagedPolicyOptions {
  std::string name;
  bool list = false;
  bool info = false;
  std::string data_dir;
};

int run(const ManagedPolicyOptions& o) {
  Result<catalog::ManagedPolicies> policies = catalog::load_managed_policies(o.data_dir);
  if (!policies) {
    fmt::print(stderr, "error: {}\n", policies.error().format());
    return kExitInput;
  }
  if (o.list) {
    for (const catalog::ManagedPolicy& p : policies->all()) fmt::print("{}\n", p.arn);
    return kExitOk;
  }
  if (o.name.empty()) {
    fmt::print(stderr, "error: give a policy name or ARN, or --list\n");
    return kExitUsage;
  }
  const catalog::ManagedPolicy* policy = policies->find(o.name);
  if (!policy) {
    std::string_view wanted = o.name;
    if (size_t slash = wanted.rfind('/'); slash != std::string_view::npos) wanted.remove_prefix(slash + 1);
    std::vector<std::string_view> names;
    for (const catalog::ManagedPolicy& p : policies->all()) names.push_back(p.name);
    fmt::print(stderr, "error: no AWS-managed policy named \"{}\"{}\n", safe_text(o.name),
               safe_text(did_you_mean(suggest_names(wanted, names))));
    return kExitCheckFailed;
  }
  if (o.info) fmt::print(stderr, "{} ({}, default version {})\n", policy->arn, policy->path, policy->version);
  Result<JsonDocument> doc = parse_json(policy->document, policy->arn);
  if (!doc) {
    fmt::print(stderr, "error: {}\n", doc.error().format());
    return kExitInput;
  }
  fmt::print("{}\n", catalog::pretty_json(doc->root));
  return kExitOk;
}

}  // namespace

void add_managed_policy_command(CLI::App& app, Runner& runner) {
  auto options = std::make_shared<ManagedPolicyOptions>();
  CLI::App* cmd = app.add_subcommand("managed-policy", "Print an AWS-managed policy's document, offline");
  cmd->add_option("name", options->name, "Policy name (ReadOnlyAccess) or ARN (arn:aws:iam::aws:policy/ReadOnlyAccess)");
  cmd->add_flag("--list", options->list, "List the ARNs of all AWS-managed policies");
  cmd->add_flag("--info", options->info, "Also print the ARN, path and default version to stderr");
  cmd->add_option("--data-dir", options->data_dir,
                  "Read managed-policies.json(.gz) from this folder instead of the built-in copy");
  cmd->callback([options, &runner] { runner = [options] { return run(*options); }; });
}

}  // namespace iamwarden::cli
