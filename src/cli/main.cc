// iamwarden: parse the command line and dispatch to one subcommand.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <exception>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/version.h"

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
  add_completion_command(app, runner);
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
