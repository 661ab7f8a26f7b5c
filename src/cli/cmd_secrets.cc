// `iamwarden secrets [PATH...]`: hard-coded AWS credentials in files, standard input, the index or git history.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/files.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "secrets/report.h"
#include "secrets/scan.h"
#include "secrets/suppress.h"

namespace iamwarden::cli {
namespace {

struct SecretsOptions {
  std::vector<std::string> paths;
  bool git = false;
  bool staged = false;
  std::string format = "text";
  std::string output;
  bool include_examples = false;
  std::string min_severity = "low";
  bool no_ignore = false;
  uint64_t max_file_size = secrets::kDefaultMaxFileSize;
  unsigned threads = 0;
  std::string ignore_file;
  std::string baseline;
  bool quiet = false;
};

void print_problems(const std::vector<Error>& problems, std::string_view level) {
  for (const Error& e : problems) fmt::print(stderr, "{}: {}\n", level, e.format());
}

// Runs the scan the options ask for; standard input ("-") may be mixed with paths.
Result<secrets::ScanResult> scan(const SecretsOptions& o, const secrets::ScanOptions& so) {
  std::string where = o.paths.empty() ? "." : o.paths.front();
  if (o.git) return secrets::scan_git_history(where, so);
  if (o.staged) return secrets::scan_staged(where, so);
  std::vector<std::string> paths;
  bool want_stdin = false;
  for (const std::string& p : o.paths) {
    if (p == "-") want_stdin = true;
    else paths.push_back(p);
  }
  if (o.paths.empty()) paths.push_back(".");
  secrets::ScanResult result;
  if (want_stdin) {
    Result<std::string> text = read_file("-");
    if (!text) return text.error();
    Result<secrets::ScanResult> in = secrets::scan_text(*text, "<stdin>", so);
    if (!in) return in.error();
    result.merge(in.take());
  }
  if (!paths.empty()) {
    Result<secrets::ScanResult> files = secrets::scan_paths(paths, so);
    if (!files) return files.error();
    result.merge(files.take());
  }
  return result;
}

int run(const SecretsOptions& o) {
  auto started = std::chrono::steady_clock::now();
  if (o.git && o.staged) {
    fmt::print(stderr, "error: --git and --staged cannot be combined\n");
    return kExitUsage;
  }
  if ((o.git || o.staged) && o.paths.size() > 1) {
    fmt::print(stderr, "error: --git and --staged take one repository path\n");
    return kExitUsage;
  }
  secrets::ScanOptions so;
  so.detect.include_examples = o.include_examples;
  so.detect.min_severity = *secrets::parse_severity(o.min_severity);
  so.no_ignore = o.no_ignore;
  so.max_file_size = o.max_file_size;
  so.threads = o.threads;

  secrets::Suppressions suppressions;
  std::string ignore_file = o.ignore_file;
  std::error_code ec;
  if (ignore_file.empty() && std::filesystem::is_regular_file(secrets::kDefaultIgnoreFile, ec))
    ignore_file = secrets::kDefaultIgnoreFile;
  if (!ignore_file.empty()) {
    if (Result<void> r = suppressions.add_ignore_file(ignore_file); !r) {
      print_problems({r.error()}, "error");
      return kExitInput;
    }
    print_problems(suppressions.warnings(), "warning");
  }
  if (!o.baseline.empty()) {
    if (Result<void> r = suppressions.add_baseline(o.baseline); !r) {
      print_problems({r.error()}, "error");
      return kExitInput;
    }
  }

  Result<secrets::ScanResult> scanned = scan(o, so);
  if (!scanned) {
    print_problems({scanned.error()}, "error");
    return kExitInput;
  }
  secrets::ScanResult& result = *scanned;
  size_t suppressed = suppressions.apply(result.findings);

  std::string report = o.format == "json"    ? secrets::format_json(result)
                       : o.format == "sarif" ? secrets::format_sarif(result)
                                             : secrets::format_text(result);
  if (o.output.empty()) {
    std::fwrite(report.data(), 1, report.size(), stdout);
    std::fflush(stdout);
  } else if (Result<void> w = write_file_atomic(o.output, report); !w) {
    print_problems({w.error()}, "error");
    return kExitInput;
  }
  print_problems(result.warnings, "warning");
  std::fputs(secrets::format_unread(result).c_str(), stderr);  // with -q too: it changes what the exit code means
  print_problems(result.errors, "error");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!o.quiet) fmt::print(stderr, "{}", secrets::format_summary(result, suppressed, seconds));
  // Findings win (1); otherwise anything not read whole (an error or an unread input) makes it 3, never 0.
  if (!result.findings.empty()) return kExitCheckFailed;
  return result.complete() ? kExitOk : kExitInput;
}

}  // namespace

void add_secrets_command(CLI::App& app, Runner& runner) {
  auto o = std::make_shared<SecretsOptions>();
  CLI::App* cmd = app.add_subcommand("secrets", "Find hard-coded AWS credentials in files, stdin or git history");
  cmd->add_option("paths", o->paths, "Files or directories to scan (default .); - reads standard input");
  cmd->add_flag("--git", o->git, "Scan the whole history of the repository at PATH (all refs, each blob once)");
  cmd->add_flag("--staged", o->staged, "Scan what is staged for the next commit in the repository at PATH");
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json", "sarif"}));
  cmd->add_option("-o,--output", o->output, "Write the report to FILE (atomically) instead of standard output");
  cmd->add_flag("--include-examples", o->include_examples,
                "Also report AWS's documented example keys (AKIAIOSFODNN7EXAMPLE, ...), as info");
  cmd->add_option("--min-severity", o->min_severity, "Report findings at or above this severity (default low)")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}));
  cmd->add_flag("--no-ignore", o->no_ignore, "Do not honour .gitignore files");
  cmd->add_option("--max-file-size", o->max_file_size,
                  "Of larger files (and blobs) scan only the first and last MiB, and exit 3 (default 20MB)")
      ->transform(CLI::AsSizeValue(false));
  cmd->add_option("--threads", o->threads, "Worker threads (default: one per core)");
  cmd->add_option("--ignore-file", o->ignore_file,
                  "File of fingerprints to suppress (default: .iamwardenignore in the current directory)");
  cmd->add_option("--baseline", o->baseline, "Previous --format json report: report only findings not in it");
  cmd->add_flag("-q,--quiet", o->quiet, "No summary line on standard error");
  cmd->callback([o, &runner] { runner = [o] { return run(*o); }; });
}

}  // namespace iamwarden::cli
