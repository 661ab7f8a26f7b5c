// Checks, per collected region, that an IAM Access Analyzer for external access (type ACCOUNT or
// ORGANIZATION) is ACTIVE.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

constexpr std::string_view kDir = "access-analyzers/";

const CheckMeta kMeta{
    .id = "accessanalyzer_enabled",
    .title = "IAM Access Analyzer for external access is active in every collected region",
    .severity = Severity::kMedium,
    .service = "accessanalyzer",
    .resource_type = "AwsAccount",
    .description =
        "For each region with an access-analyzers/<region>.json file: PASS when an analyzer of type ACCOUNT or "
        "ORGANIZATION has status ACTIVE, FAIL otherwise (no analyzer, only unused- or internal-access analyzers, or "
        "analyzers that are CREATING, DISABLED or FAILED). The resource is the region. NOT_EVALUATED for regions "
        "whose file could not be collected, for regions manifest.json lists without a file (a region is never "
        "passed by default), or once when access-analyzers/ is absent.",
    .risk = "Without an external-access analyzer, resources shared with other accounts or made public (buckets, "
            "keys, roles, queues, ...) go unnoticed.",
    .remediation = "Create an analyzer for external access in each region you use (type ORGANIZATION from the "
                   "delegated administrator account, or ACCOUNT).",
    .remediation_cli = "aws accessanalyzer create-analyzer --analyzer-name <name> --type ACCOUNT --region <region>",
    .remediation_terraform =
        "resource \"aws_accessanalyzer_analyzer\" \"external\" {\n"
        "  analyzer_name = \"external-access\"\n"
        "  type          = \"ACCOUNT\"\n"
        "}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html",
                   "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html"},
    .inputs = {"access-analyzers/<region>.json"},
};

Finding& region_finding(FindingSink& out, Status status, const std::string& region, std::string message) {
  Finding& f = report(out, status, region, std::move(message));
  f.resource_name = region;
  f.origin.file = fmt::format("{}{}.json", kDir, region);
  return f;
}

void run(const CheckContext& context, FindingSink& out) {
  const snapshot::Account& account = context.account;
  // Regions whose file the collector could not write.
  std::set<std::string> failed;
  for (const snapshot::FileRecord& r : account.files) {
    if (r.path.rfind(kDir, 0) != 0 || r.path.size() <= kDir.size() + 5 || r.status == snapshot::FileStatus::kLoaded ||
        r.status == snapshot::FileStatus::kMissing)
      continue;
    std::string region = r.path.substr(kDir.size(), r.path.size() - kDir.size() - 5);
    if (region.find('/') == std::string::npos) failed.insert(region);
  }
  if (!account.analyzers && failed.empty()) {
    account_finding(context, out, Status::kNotEvaluated,
                    missing_input(account, kDir) + ": the analyzers of every region are unknown", kDir);
    return;
  }
  for (const std::string& region : failed)
    region_finding(out, Status::kNotEvaluated, region,
                   missing_input(account, fmt::format("{}{}.json", kDir, region)));
  // Regions the collector says it covered but whose analyzers are not in the snapshot.
  for (const std::string& region : account.manifest.regions) {
    if (failed.count(region) ||
        std::find(account.analyzer_regions.begin(), account.analyzer_regions.end(), region) !=
            account.analyzer_regions.end())
      continue;
    region_finding(out, Status::kNotEvaluated, region,
                   fmt::format("manifest.json lists the region but {}{}.json is not in the snapshot", kDir, region));
  }
  // A member account is also covered by an ORGANIZATION analyzer of the delegated administrator, which
  // this account's snapshot cannot show.
  const snapshot::Organization& org = account.organization;
  const std::string member_note =
      org.present && org.management_account_id != account.account_id
          ? fmt::format(" (an ORGANIZATION analyzer in the delegated administrator account of {} would also cover "
                        "this account; it is not visible from this snapshot)",
                        org.id)
          : "";
  for (const std::string& region : account.analyzer_regions) {
    std::vector<std::string> others;
    const snapshot::Analyzer* active = nullptr;
    for (const snapshot::Analyzer& a : *account.analyzers) {
      if (a.region != region) continue;
      const bool external = a.type == "ACCOUNT" || a.type == "ORGANIZATION";
      if (external && a.status == "ACTIVE" && !active) active = &a;
      else others.push_back(fmt::format("{} ({}, {})", a.name, a.type, a.status));
    }
    if (active) {
      Finding& f = region_finding(out, Status::kPass, region,
                                  fmt::format("analyzer {} ({}) is ACTIVE", active->name, active->type));
      f.evidence.push_back(active->arn);
    } else if (others.empty()) {
      region_finding(out, Status::kFail, region, "no analyzer" + member_note);
    } else {
      region_finding(out, Status::kFail, region,
                     fmt::format("no ACTIVE analyzer of type ACCOUNT or ORGANIZATION; analyzers: {}{}",
                                 fmt::join(others, ", "), member_note));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
