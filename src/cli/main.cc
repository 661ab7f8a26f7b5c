// iamwarden: parse the command line and dispatch to one subcommand.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

#include "base/closest_match.h"
#include "base/safe_text.h"

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/version.h"

namespace {

// "iamwarden simualte": CLI11 would only say the argument was not expected; name the near command.
bool unknown_command(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return false;
  std::string_view word = argv[1];
  std::vector<std::string_view> names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == word) return false;
    names.push_back(sub->get_name());
  }
  fmt::print(stderr, "error: unknown command \"{}\"{}\nRun with --help for the list of commands.\n",
             iamwarden::safe_text(word), iamwarden::did_you_mean(iamwarden::suggest_names(word, names)));
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace iamwarden::cli;
  CLI::App app{"iamwarden: AWS IAM policy simulation, linting and account audit, offline"};
  app.require_subcommand(1);
  app.set_version_flag("--version", version_text, "Print the version, the git revision and the embedded data versions");
  Runner runner;
  add_simulate_command(app, runner);
  add_lint_command(app, runner);
  add_actions_command(app, runner);
  add_managed_policy_command(app, runner);
  add_secrets_command(app, runner);
  add_key_info_command(app, runner);
  add_collect_command(app, runner);
  add_snapshot_command(app, runner);
  add_audit_command(app, runner);
  add_checks_command(app, runner);
  add_access_command(app, runner);
  add_paths_command(app, runner);
  add_completion_command(app, runner);
  if (unknown_command(app, argc, argv)) return kExitUsage;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  try {
    return runner ? runner() : kExitUsage;
  } catch (const std::exception& e) {
    fmt::print(stderr, "iamwarden: internal error: {}\n", e.what());
    return kExitInternal;
  }
}
