// collect(): caller identity, regions, then every step of the snapshot, and the manifest last.
#include "collect/collect.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "base/json.h"
#include "base/output_dir.h"
#include "base/safe_text.h"
#include "base/version.h"
#include "collect/cloudtrail.h"
#include "collect/inventory.h"
#include "collect/regions.h"
#include "collect/session.h"

namespace iamwarden::collect {
namespace {


bool is_account_id(std::string_view id) {
  return id.size() == 12 && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// "aws", "aws-cn", "aws-us-gov", "aws-iso-b"...: it names files and default regions, so nothing else is taken.
bool is_partition_name(std::string_view name) {
  if (name.size() > 32 || name.substr(0, 3) != "aws") return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

Error missing_aws(const std::string& executable) {
  return Error{ErrorCode::kInvalidInput,
               fmt::format("the AWS CLI (`{}`) was not found on PATH", executable),
               {},
               "install AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html), "
               "configure it (`aws configure` or `aws configure sso`), check that `aws sts get-caller-identity` "
               "works, then run iamwarden collect again"};
}

/// Account id and partition from `aws sts get-caller-identity`.
Result<void> identify(Session& session, Manifest& manifest) {
  const std::vector<std::string> args{"sts", "get-caller-identity"};
  session.progress(fmt::format("  {:<10} {}", "...", AwsCli::describe(args)));
  AwsResult who = session.aws().run(args);
  if (who.missing_executable) return missing_aws(session.options().aws);
  std::string hint = session.options().profile.empty()
                         ? "check that `aws sts get-caller-identity` works (credentials, `aws sso login`)"
                         : fmt::format("check that `aws sts get-caller-identity --profile {}` works (credentials, "
                                       "`aws sso login`)", session.options().profile);
  if (!who.ok && who.error.find("--no-cli-pager") != std::string::npos) {
    return Error{ErrorCode::kInvalidInput, "aws sts get-caller-identity failed: " + who.error, {},
                 "this looks like AWS CLI v1; iamwarden collect needs AWS CLI v2 "
                 "(https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html)"};
  }
  if (!who.ok) return Error{ErrorCode::kInvalidInput, "aws sts get-caller-identity failed: " + who.error, {}, hint};
  Result<JsonDocument> doc = parse_json(std::move(who.output), "sts get-caller-identity");
  if (!doc) return Error{ErrorCode::kInvalidInput, "aws sts get-caller-identity: " + doc.error().message, {}, hint};
  const JsonNode* account = doc->root.find("Account");
  const JsonNode* arn = doc->root.find("Arn");
  if (!account || !account->is_string() || !arn || !arn->is_string()) {
    return Error{ErrorCode::kInvalidInput, "aws sts get-caller-identity: no Account and Arn in the answer", {}, hint};
  }
  if (!is_account_id(account->text)) {
    return Error{ErrorCode::kInvalidInput,
                 fmt::format("aws sts get-caller-identity: the Account \"{}\" is not a 12-digit account id",
                             safe_excerpt(account->text, 40)),
                 {}, hint};
  }
  manifest.account_id = account->text;
  // arn:<partition>:sts::<account>:...
  size_t start = arn->text.find(':');
  size_t end = start == std::string::npos ? start : arn->text.find(':', start + 1);
  manifest.partition = end == std::string::npos ? "aws" : arn->text.substr(start + 1, end - start - 1);
  if (!is_partition_name(manifest.partition)) {
    return Error{ErrorCode::kInvalidInput,
                 fmt::format("aws sts get-caller-identity: the Arn \"{}\" names no AWS partition",
                             safe_excerpt(arn->text, 80)),
                 {}, hint};
  }
  return {};
}

/// The account's enabled regions, or the partition's defaults when they cannot be listed.
std::vector<std::string> list_regions(Session& session, const std::string& partition) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"ec2", "describe-regions"},
                                               std::vector<std::string>{"account", "list-regions"}}) {
    AwsResult answer = session.aws().run(args);
    if (!answer.ok) {
      session.progress(fmt::format("  {:<10} {}: {}", "failed", AwsCli::describe(args), answer.error));
      continue;
    }
    Result<std::vector<std::string>> regions = regions_from_json(std::move(answer.output));
    if (regions) return regions.take();
  }
  std::vector<std::string> defaults = default_regions(partition);
  fmt::print(stderr, "iamwarden collect: warning: cannot list the account's regions; using {} default regions\n",
             defaults.size());
  return defaults;
}

}  // namespace

const std::vector<std::string_view>& required_files() {
  static const std::vector<std::string_view> kRequired = {
      "account-summary.json", "authorization-details.json", "credential-report.csv", "credential-report.json",
      "password-policy.json"};
  return kRequired;
}

bool is_required_file(std::string_view file) {
  const std::vector<std::string_view>& required = required_files();
  return std::find(required.begin(), required.end(), file) != required.end();
}

Result<CollectSummary> collect(const CollectOptions& options) {
  // Opened once; every file below is created and removed relative to it, never through a link.
  Result<OutputDir> out = OutputDir::open(options.out_dir);
  if (!out) return out.error();
  ProcessLimits limits{options.call_timeout, options.kill_grace, options.max_answer_bytes, kMaxProcessError};
  Session session(options, AwsCli(options.aws, options.profile, limits), out.take());
  Manifest& manifest = session.manifest();
  manifest.collected_at = utc_now_iso8601();
  manifest.tool = "iamwarden collect " + std::string(tool_version());
  if (Result<void> who = identify(session, manifest); !who) return who.error();
  manifest.regions = options.all_regions ? list_regions(session, manifest.partition) : options.regions;
  session.progress(fmt::format("  {:<10} account {} ({}), {} regions", "...", manifest.account_id, manifest.partition,
                               manifest.regions.size()));

  Tasks tasks;
  TrailLists trails;
  // The slow ones first, so that they overlap with the many short calls.
  tasks.push_back([&session] { collect_credential_report(session); });
  add_iam_tasks(session, tasks);
  tasks.push_back([&session, &manifest] { collect_organizations(session, manifest.account_id); });
  add_trail_list_tasks(session, manifest.regions, trails, tasks);
  add_access_analyzer_tasks(session, manifest.regions, tasks);
  InventoryResults inventory;
  if (options.inventory) add_inventory_tasks(session, manifest.regions, inventory, tasks);
  run_tasks(session, tasks);
  collect_trail_details(session, trails);
  if (options.inventory) write_inventory(session, inventory);

  if (Result<void> written = session.out().write("manifest.json", manifest.to_json()); !written) {
    return written.error();
  }
  CollectSummary summary{manifest.account_id, manifest.regions, manifest.count(FileStatus::kOk),
                         manifest.count(FileStatus::kNotFound), manifest.count(FileStatus::kFailed), {}, {},
                         session.output_error()};
  for (std::string_view file : required_files()) {
    auto it = manifest.files.find(std::string(file));
    if (it == manifest.files.end()) summary.required_failed.push_back({std::string(file), "not attempted"});
    else if (it->second.status == FileStatus::kFailed) summary.required_failed.push_back({it->first, it->second.error});
  }
  for (const auto& [file, record] : manifest.files) {
    if (record.status != FileStatus::kFailed || is_required_file(file)) continue;
    summary.optional_failed.push_back({file, record.error});
  }
  return summary;
}

}  // namespace iamwarden::collect
