// `iamwarden collect`: write an account snapshot by running the AWS CLI (docs/snapshot.md).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/safe_text.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "collect/collect.h"
#include "collect/regions.h"

namespace iamwarden::cli {
namespace {

constexpr size_t kListedFailures = 10;  // per kind; the manifest has them all

/// One stderr line per failed file, at most kListedFailures, then how many more.
void print_failures(std::string_view kind, std::string_view what, const std::vector<collect::FailedFile>& failed) {
  for (size_t i = 0; i < failed.size() && i < kListedFailures; ++i) {
    fmt::print(stderr, "iamwarden collect: {}: {}{} not collected: {}\n", kind, safe_excerpt(failed[i].file, 120), what,
               safe_excerpt(failed[i].error, 240));
  }
  if (failed.size() > kListedFailures) {
    fmt::print(stderr, "iamwarden collect: {}: ... and {} more (see manifest.json)\n", kind,
               failed.size() - kListedFailures);
  }
}

struct CollectCliOptions {
  std::string profile;
  std::string regions = "all";
  std::string out;
  unsigned timeout_seconds = 600;
  unsigned jobs = 2;
};

int run(const CollectCliOptions& o) {
  collect::CollectOptions options;
  options.out_dir = o.out;
  options.profile = o.profile;
  options.call_timeout = std::chrono::seconds(o.timeout_seconds);
  options.jobs = o.jobs;
  options.progress = ::isatty(STDERR_FILENO) != 0;
  if (o.regions != "all") {
    Result<std::vector<std::string>> regions = collect::parse_region_list(o.regions);
    if (!regions) {
      fmt::print(stderr, "iamwarden collect: {}\n", regions.error().format());
      return kExitUsage;
    }
    options.all_regions = false;
    options.regions = regions.take();
  }
  Result<collect::CollectSummary> summary = collect::collect(options);
  if (!summary) {
    fmt::print(stderr, "iamwarden collect: {}\n", summary.error().format());
    return kExitInput;
  }
  fmt::print("collected account {} ({} regions) into {}: {} files written, {} not found, {} failed{}\n",
             summary->account_id, summary->regions.size(), safe_text(o.out), summary->ok, summary->not_found,
             summary->failed, summary->failed ? " (see manifest.json)" : "");
  std::fflush(stdout);
  // Optional files are warnings; a required file or a refused output path makes the snapshot unusable as asked.
  print_failures("warning", "", summary->optional_failed);
  print_failures("error", " (required)", summary->required_failed);
  if (summary->output_error) fmt::print(stderr, "iamwarden collect: error: {}\n", summary->output_error->format());
  return summary->incomplete() ? kExitInput : kExitOk;
}

}  // namespace

void add_collect_command(CLI::App& app, Runner& runner) {
  auto o = std::make_shared<CollectCliOptions>();
  CLI::App* cmd = app.add_subcommand("collect", "Write an account snapshot by running the AWS CLI v2 (read-only calls)");
  cmd->add_option("--profile", o->profile, "AWS CLI profile (default: the CLI's usual credential chain)");
  cmd->add_option("--regions", o->regions, "all (the account's enabled regions) or a list: eu-west-1,us-east-1")
      ->capture_default_str();
  cmd->add_option("--out", o->out, "Snapshot directory to write (created if missing)")->required();
  cmd->add_option("--timeout", o->timeout_seconds, "Seconds allowed for each aws call")
      ->check(CLI::Range(1u, 86400u))->capture_default_str();
  cmd->add_option("--jobs", o->jobs, "aws calls run at the same time")->check(CLI::Range(1u, 2u))->capture_default_str();
  cmd->callback([o, &runner] { runner = [o] { return run(*o); }; });
}

}  // namespace iamwarden::cli
