// `iamwarden actions`: list the actions a pattern matches, with access levels, or describe one action.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <vector>

#include "base/safe_text.h"
#include "base/json_writer.h"
#include "catalog/catalog.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace iamwarden::cli {
namespace {

struct ActionsOptions {
  std::vector<std::string> patterns;
  std::string access_level;
  std::string describe;
  std::string format = "text";
  std::string data_dir;
};

void print_description(const catalog::Catalog& catalog, const catalog::Action& action, bool json) {
  const catalog::Service& service = catalog.service_of(action);
  if (json) {
    std::string out = "{\"action\":" + json_quote(catalog.full_name(action)) +
                      ",\"service\":" + json_quote(service.name) +
                      ",\"access_level\":" + json_quote(catalog::access_level_name(action.level)) + ",\"resource_types\":[";
    for (size_t i = 0; i < action.resources.size(); ++i) {
      const catalog::ResourceType& type = service.resources[action.resources[i].index];
      out += fmt::format("{}{{\"name\":{},\"required\":{},\"arn\":{}}}", i ? "," : "", json_quote(type.name),
                         action.resources[i].required ? "true" : "false", json_quote(type.arn_template));
    }
    out += "],\"condition_keys\":[";
    for (size_t i = 0; i < action.keys.size(); ++i) {
      const catalog::ConditionKey& key = service.keys[action.keys[i]];
      out += fmt::format("{}{{\"name\":{},\"type\":{}}}", i ? "," : "", json_quote(key.name),
                         json_quote(catalog::key_type_name(key.type)));
    }
    fmt::print("{}]}}\n", out);
    return;
  }
  fmt::print("{} ({})\naccess level: {}\n", catalog.full_name(action), service.name,
             catalog::access_level_name(action.level));
  fmt::print("resource types:{}\n", action.resources.empty() ? " none (use \"Resource\": \"*\")" : "");
  for (const catalog::ResourceRef& ref : action.resources) {
    const catalog::ResourceType& type = service.resources[ref.index];
    fmt::print("  {}{}  {}\n", type.name, ref.required ? " (required)" : "", type.arn_template);
  }
  fmt::print("condition keys:{}\n", action.keys.empty() ? " none besides the global keys" : "");
  for (uint32_t k : action.keys) {
    const catalog::ConditionKey& key = service.keys[k];
    fmt::print("  {}  {}\n", key.name, catalog::key_type_name(key.type));
  }
}

int run(const ActionsOptions& o) {
  std::optional<catalog::AccessLevel> level;
  if (!o.access_level.empty()) {
    level = catalog::parse_access_level(o.access_level);
    if (!level) {
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
  const bool json = o.format == "json";
  if (!o.describe.empty()) {
    const catalog::Action* action = catalog->find_action(o.describe);
    if (!action) {
      std::string suggestion = catalog->suggest_action(o.describe);
      fmt::print(stderr, "error: unknown action \"{}\"{}\n", safe_text(o.describe),
                 suggestion.empty() ? "" : fmt::format("; did you mean {}?", suggestion));
      return kExitCheckFailed;
    }
    print_description(*catalog, *action, json);
    return kExitOk;
  }
  std::vector<std::string_view> patterns(o.patterns.begin(), o.patterns.end());
  if (patterns.empty()) patterns.push_back("*");
  std::vector<uint32_t> found = catalog->expand_all(patterns);
  std::string out = json ? "[" : "";
  size_t shown = 0;
  for (uint32_t index : found) {
    const catalog::Action& action = catalog->actions()[index];
    if (level && action.level != *level) continue;
    if (json)
      out += fmt::format("{}{{\"action\":{},\"access_level\":{}}}", shown ? "," : "", json_quote(catalog->full_name(action)),
                         json_quote(catalog::access_level_name(action.level)));
    else
      out += fmt::format("{:<60} {}\n", catalog->full_name(action), catalog::access_level_name(action.level));
    ++shown;
  }
  if (json) out += "]\n";
  fmt::print("{}", out);
  if (shown == 0) {
    fmt::print(stderr, "no action matches\n");
    for (std::string_view p : patterns) {
      if (catalog->matches_any(p)) continue;
      std::string near = catalog->suggest_pattern(p);
      if (!near.empty()) fmt::print(stderr, "\"{}\" matches no action; did you mean \"{}\"?\n", safe_text(p), safe_text(near));
    }
    return kExitCheckFailed;
  }
  return kExitOk;
}

}  // namespace

void add_actions_command(CLI::App& app, Runner& runner) {
  auto options = std::make_shared<ActionsOptions>();
  CLI::App* cmd = app.add_subcommand("actions", "List AWS actions matching patterns, with access levels");
  cmd->add_option("patterns", options->patterns, "Action patterns such as 's3:Get*' or 'iam:*' (default '*')");
  cmd->add_option("--access-level", options->access_level,
                  "Only actions of this level: List, Read, Write, \"Permissions management\", Tagging");
  cmd->add_option("--describe", options->describe, "Show one action's resource types, ARN formats and condition keys");
  cmd->add_option("--format", options->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--data-dir", options->data_dir, "Read catalog.json(.gz) from this folder instead of the built-in copy");
  cmd->callback([options, &runner] { runner = [options] { return run(*options); }; });
}

}  // namespace iamwarden::cli
