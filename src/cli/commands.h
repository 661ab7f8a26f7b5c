// The subcommands: each registers itself on the app and sets the function that runs it.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace iamwarden::cli {

/// Set by a subcommand's callback; returns the exit code.
using Runner = std::function<int()>;

/// `iamwarden simulate`: evaluate requests against policies.
void add_simulate_command(CLI::App& app, Runner& runner);

/// `iamwarden lint`: validate policies offline like IAM Access Analyzer.
void add_lint_command(CLI::App& app, Runner& runner);

/// `iamwarden actions`: list or describe AWS actions from the built-in catalog.
void add_actions_command(CLI::App& app, Runner& runner);

/// `iamwarden managed-policy`: print an AWS-managed policy document.
void add_managed_policy_command(CLI::App& app, Runner& runner);

/// `iamwarden secrets`: find hard-coded AWS credentials in files, standard input or git history.
void add_secrets_command(CLI::App& app, Runner& runner);

/// `iamwarden key-info`: what an AWS key ID is and which account it belongs to, decoded offline.
void add_key_info_command(CLI::App& app, Runner& runner);

/// `iamwarden collect`: write an account snapshot by running the AWS CLI.
void add_collect_command(CLI::App& app, Runner& runner);

/// `iamwarden access`: effective permissions of a snapshot principal, and who is an administrator.
void add_access_command(CLI::App& app, Runner& runner);

/// `iamwarden paths`: privilege-escalation paths to administrator.
void add_paths_command(CLI::App& app, Runner& runner);

/// `iamwarden snapshot`: summarize an account snapshot, list the policies of a principal.
void add_snapshot_command(CLI::App& app, Runner& runner);

/// `iamwarden audit`: run the audit checks over a snapshot and write a report.
void add_audit_command(CLI::App& app, Runner& runner);

/// `iamwarden checks`: list the audit checks and the framework requirements they back.
void add_checks_command(CLI::App& app, Runner& runner);

/// `iamwarden completion bash|zsh`: the shell completion script, generated from `app` (add it last).
void add_completion_command(CLI::App& app, Runner& runner);

}  // namespace iamwarden::cli
