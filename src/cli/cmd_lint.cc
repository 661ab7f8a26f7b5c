// `iamwarden lint`: validate policy files offline like IAM Access Analyzer, for people and CI.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/closest_match.h"
#include "base/files.h"
#include "base/parallel.h"
#include "base/safe_text.h"
#include "catalog/catalog.h"
#include "catalog/managed_policies.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "lint/config.h"
#include "lint/linter.h"
#include "lint/resource_policy_type.h"
#include "lint/report.h"
#include "lint/rule.h"

namespace iamwarden::cli {
namespace {

struct LintCliOptions {
  std::vector<std::string> inputs;
  std::string type = "auto";
  std::string format = "text";
  std::string fail_on = "security_warning";
  std::string data_dir;
  std::string color = "auto";
  bool list_checks = false;
  bool aws_managed = false;
  bool quiet = false;
  std::string explain;  ///< --explain CODE
  unsigned threads = 0;  ///< 0: one per core
  std::string resource_type;  ///< --resource-type AWS::S3::Bucket
  std::string config;  ///< iamwarden.toml ([lint] ignores); default ./iamwarden.toml when it exists
};

std::optional<policy::PolicyKind> parse_kind(std::string_view name) {
  for (policy::PolicyKind kind : {policy::PolicyKind::kIdentity, policy::PolicyKind::kResource,
                                  policy::PolicyKind::kTrust, policy::PolicyKind::kBoundary, policy::PolicyKind::kScp,
                                  policy::PolicyKind::kRcp, policy::PolicyKind::kSession})
    if (policy::policy_kind_name(kind) == name) return kind;
  return std::nullopt;
}

int list_checks(const std::string& format) {
  for (const lint::LintMeta* m : lint::all_lint_codes()) {
    if (format == "md")
      fmt::print("| `{}` | {} | {} | {} |\n", m->code, lint::severity_name(m->severity), m->title, m->description);
    else
      fmt::print("{:<52} {:<17} {}\n", m->code, lint::severity_name(m->severity), m->title);
  }
  return kExitOk;
}

// An input file and whether it was found by walking a directory (then links are never followed).
struct InputFile {
  std::string path;
  bool from_walk = false;
};

// Expands the inputs: files as given, directories recursively (*.json, symlinks not followed: each one
// is an input error so the gate fails closed), "-" for standard input.
std::vector<InputFile> expand_inputs(const std::vector<std::string>& inputs, std::vector<Error>& errors) {
  std::vector<InputFile> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input != "-" && std::filesystem::is_directory(input, ec)) {
      std::vector<std::string> skipped;
      Result<std::vector<std::string>> listed = list_files(input, ".json", &skipped);
      if (!listed) {
        errors.push_back(listed.error());
        continue;
      }
      for (std::string& path : *listed) files.push_back({std::move(path), true});
      for (std::string& path : skipped)
        errors.push_back(Error{ErrorCode::kIo, "not linted: a symbolic link or special file inside a directory is "
                               "never followed", SourceLoc{std::move(path), 0, 0, ""},
                               "name it on the command line to lint what it points to"});
    } else {
      files.push_back({input, false});
    }
  }
  return files;
}

// Lints AWS-managed policies by name or ARN from the built-in set (all of them when no name is given).
bool lint_managed(const LintCliOptions& o, const lint::LintOptions& options, std::vector<lint::LintResult>& results,
                  std::vector<Error>& errors) {
  Result<catalog::ManagedPolicies> policies = catalog::load_managed_policies(o.data_dir);
  if (!policies) {
    fmt::print(stderr, "error: {}\n", policies.error().format());
    return false;
  }
  std::vector<const catalog::ManagedPolicy*> selected;
  if (o.inputs.empty()) {
    for (const catalog::ManagedPolicy& p : policies->all()) selected.push_back(&p);
  }
  for (const std::string& name : o.inputs) {
    const catalog::ManagedPolicy* p = policies->find(name);
    if (!p) {
      errors.push_back(Error{ErrorCode::kIo, "no AWS-managed policy named \"" + name + "\"", {}, ""});
      continue;
    }
    selected.push_back(p);
  }
  std::vector<lint::LintResult> linted(selected.size());
  parallel_for(selected.size(), worker_count(o.threads, selected.size()), [&](unsigned, size_t i) {
    linted[i] = lint::lint_text(selected[i]->document, selected[i]->arn, options);
  });
  for (lint::LintResult& r : linted) results.push_back(std::move(r));
  return true;
}

// "iamwarden lint: 3 policies, 1 error, 2 warnings" (stderr, so a clean run says it ran and
// standard output stays empty for scripts).
std::string summary_line(const std::vector<lint::LintResult>& results, size_t input_errors, size_t ignored,
                         size_t not_policies) {
  size_t counts[4] = {0, 0, 0, 0};
  for (const lint::LintResult& r : results)
    for (const lint::Finding& f : r.findings) ++counts[static_cast<size_t>(f.severity)];
  auto plural = [](size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  std::string out = "iamwarden lint: " + plural(results.size(), "policy", "policies");
  // The kinds decided without --type, e.g. " (10 identity, 2 resource)".
  std::map<std::string_view, size_t> kinds;
  for (const lint::LintResult& r : results)
    if (!r.kind_given && !r.kind_why.empty()) ++kinds[policy::policy_kind_name(r.kind)];
  if (!kinds.empty()) {
    std::string list;
    for (const auto& [kind, n] : kinds) list += fmt::format("{}{} {}", list.empty() ? "" : ", ", n, kind);
    out += " (" + list + ")";
  }
  static constexpr std::string_view kNames[4][2] = {{"error", "errors"},
                                                    {"security warning", "security warnings"},
                                                    {"warning", "warnings"},
                                                    {"suggestion", "suggestions"}};
  bool any = false;
  for (size_t i = 0; i < 4; ++i) {
    if (!counts[i]) continue;
    out += ", " + plural(counts[i], kNames[i][0], kNames[i][1]);
    any = true;
  }
  if (!any) out += ", no findings";
  if (ignored) out += fmt::format(" ({} ignored by {})", ignored, "iamwarden.toml");
  if (input_errors) out += fmt::format("; {} not read or not valid", plural(input_errors, "input", "inputs"));
  if (not_policies) out += fmt::format("; {} in directories skipped (not policies)", plural(not_policies, "file", "files"));
  return out;
}

// --config, else ./iamwarden.toml when there is one (where a repository keeps it); exit code on error.
std::optional<int> load_configuration(const LintCliOptions& o, lint::LintConfig& config) {
  std::string path = o.config;
  if (path.empty()) {
    std::error_code ec;
    if (!std::filesystem::exists("iamwarden.toml", ec)) return std::nullopt;
    path = "iamwarden.toml";
  }
  Result<lint::LintConfig> loaded = lint::load_lint_config(path);
  if (!loaded) {
    fmt::print(stderr, "error: {}\n", loaded.error().format());
    return kExitInput;
  }
  config = loaded.take();
  return std::nullopt;
}

// What a finding code means, why it matters and how to fix it, from the rule's metadata.
int explain(const std::string& code) {
  const lint::LintMeta* meta = lint::find_lint_code(code);
  if (!meta) {
    ClosestMatch typo(code);
    for (const lint::LintMeta* m : lint::all_lint_codes()) typo.consider(m->code);
    // Else the code holding most of the words given (the shortest on a tie), as a suggestion.
    std::vector<std::string_view> words;
    for (size_t start = 0; start < code.size();) {
      size_t end = std::min(code.find('_', start), code.size());
      if (end > start) words.push_back(std::string_view(code).substr(start, end - start));
      start = end + 1;
    }
    std::string near = typo.best();
    size_t best = near.empty() ? 0 : words.size() + 1;
    for (const lint::LintMeta* m : lint::all_lint_codes()) {
      size_t found = 0;
      for (std::string_view w : words) found += m->code.find(w) != std::string_view::npos ? 1 : 0;
      if (found > best || (found == best && found > 0 && m->code.size() < near.size()))
        best = found, near = std::string(m->code);
    }
    fmt::print(stderr, "error: no lint finding code \"{}\"{}; --list-checks lists them\n", safe_text(code),
               near.empty() ? "" : fmt::format(" (did you mean {}?)", near));
    return kExitUsage;
  }
  fmt::print("{} ({})\n{}\n\nWhy it matters: {}\nHow to fix it: {}\n", meta->code, lint::severity_name(meta->severity),
             meta->title, meta->description, meta->hint);
  return kExitOk;
}

int run(const LintCliOptions& o) {
  if (o.list_checks) return list_checks(o.format);
  if (!o.explain.empty()) return explain(o.explain);
  std::optional<policy::PolicyKind> kind = parse_kind(o.type);
  std::optional<lint::Severity> threshold = lint::parse_severity(o.fail_on);
  if (!o.resource_type.empty() && !lint::resource_policy_type(o.resource_type)) {
    fmt::print(stderr, "error: unknown --resource-type \"{}\"; known: {}\n", safe_text(o.resource_type),
               lint::resource_policy_type_names());
    return kExitUsage;
  }
  if ((!kind && o.type != "auto") || !threshold) {
    fmt::print(stderr, "error: bad --type or --fail-on\n");
    return kExitUsage;
  }
  if (o.inputs.empty() && !o.aws_managed) {
    fmt::print(stderr, "error: give policy files, directories or - for standard input\n");
    return kExitUsage;
  }
  Result<catalog::Catalog> catalog = catalog::load_catalog(o.data_dir);
  if (!catalog) {
    fmt::print(stderr, "error: {}\n", catalog.error().format());
    return kExitInput;
  }
  lint::LintConfig config;
  if (std::optional<int> bad = load_configuration(o, config)) return *bad;
  std::vector<Error> errors;
  lint::LintOptions options{kind, &*catalog, o.aws_managed, config.sensitive_resources, o.resource_type};
  std::vector<lint::LintResult> results;
  if (o.aws_managed && !lint_managed(o, options, results, errors)) return kExitInput;
  std::vector<InputFile> files = o.aws_managed ? std::vector<InputFile>{} : expand_inputs(o.inputs, errors);
  // Files are read and linted on every core; results and errors keep the inputs' order.
  std::vector<std::optional<lint::LintResult>> linted(files.size());
  std::vector<std::optional<Error>> unreadable(files.size());
  parallel_for(files.size(), worker_count(o.threads, files.size()), [&](unsigned, size_t i) {
    const InputFile& file = files[i];
    Result<std::string> text = file.from_walk ? read_tree_file(file.path) : read_file(file.path);
    if (!text) {
      unreadable[i] = text.error();
      return;
    }
    linted[i] = lint::lint_text(text.take(), file.path, options);
  });
  results.reserve(results.size() + files.size());
  size_t not_policies = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    if (unreadable[i]) {
      errors.push_back(*unreadable[i]);
      continue;
    }
    // A directory holds other JSON too (SDK models, logs, fixtures): those are skipped, and said so. A file named
    // on the command line is linted whatever it holds.
    if (files[i].from_walk && linted[i]->not_a_policy) {
      ++not_policies;
      if (!o.quiet)
        fmt::print(stderr, "note: {}: not linted: not a policy document (no Version, Statement or Id)\n",
                   safe_text(files[i].path));
      continue;
    }
    results.push_back(std::move(*linted[i]));
    if (results.back().input_error) errors.push_back(*results.back().input_error);
  }
  const lint::IgnoreOutcome ignores = lint::apply_ignores(config, results, std::time(nullptr));
  for (const std::string& note : ignores.expired)
    fmt::print(stderr, "note: {}: {}\n", safe_text(config.file), safe_text(note));  // its globs are input
  if (o.format == "json") {
    fmt::print("{}", lint::format_json(results, ignores.ignored));
  } else if (o.format == "sarif") {
    fmt::print("{}", lint::format_sarif(results));
  } else {
    const bool color = o.color == "always" || (o.color == "auto" && isatty(STDOUT_FILENO));
    fmt::print("{}", lint::format_text(results, {color, true}));
  }
  bool failed = false;
  for (const lint::LintResult& r : results)
    for (const lint::Finding& f : r.findings) failed = failed || lint::at_or_above(f.severity, *threshold);
  for (const Error& e : errors)
    if (e.code != ErrorCode::kJsonSyntax || o.format != "text") fmt::print(stderr, "error: {}\n", e.format());
  if (o.format == "text" && !o.quiet)
    fmt::print(stderr, "{}\n", summary_line(results, errors.size(), ignores.ignored, not_policies));
  if (!errors.empty()) return kExitInput;
  return failed ? kExitCheckFailed : kExitOk;
}

}  // namespace

void add_lint_command(CLI::App& app, Runner& runner) {
  auto options = std::make_shared<LintCliOptions>();
  CLI::App* cmd = app.add_subcommand("lint", "Validate IAM policies offline, like IAM Access Analyzer");
  cmd->add_option("inputs", options->inputs, "Policy files, directories (searched for *.json) or - for stdin");
  cmd->add_option("--type", options->type,
                  "Policy kind; auto (the default) decides per file from its wrapper or its statements and says so")
      ->check(CLI::IsMember({"auto", "identity", "resource", "trust", "boundary", "scp", "rcp", "session"}));
  cmd->add_option("--format", options->format, "Output format: text, json or sarif (md for --list-checks)")
      ->check(CLI::IsMember({"text", "json", "sarif", "md"}));
  cmd->add_option("--fail-on", options->fail_on,
                  "Exit 1 when a finding at or above this severity exists (default security_warning)")
      ->check(CLI::IsMember({"error", "security_warning", "warning", "suggestion"}, CLI::ignore_case));
  cmd->add_option("--data-dir", options->data_dir, "Read catalog.json(.gz) from this folder instead of the built-in copy");
  cmd->add_option("--color", options->color, "Colour the text output: auto (on a terminal), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--config", options->config,
                  "iamwarden.toml with [lint] ignores (default: ./iamwarden.toml when it exists)");
  cmd->add_flag("-q,--quiet", options->quiet, "No summary line (findings and errors only)");
  cmd->add_option("--resource-type", options->resource_type,
                  "What a resource policy is attached to (AWS::S3::Bucket, AWS::SQS::Queue, ...): only that service's "
                  "actions and ARNs are valid; taken from a CloudFormation wrapper when not given");
  cmd->add_option("--threads", options->threads, "Worker threads for many files (default: one per core)");
  cmd->add_option("--explain", options->explain, "Print what a finding code means, why it matters and how to fix it");
  cmd->add_flag("--list-checks", options->list_checks, "List every finding code with its severity");
  cmd->add_flag("--aws-managed", options->aws_managed,
                "Inputs are AWS-managed policy names or ARNs from the built-in set (none given: all of them)");
  cmd->callback([options, &runner] { runner = [options] { return run(*options); }; });
}

}  // namespace iamwarden::cli
