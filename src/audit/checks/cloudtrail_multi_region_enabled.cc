// Checks that a multi-region trail is logging, so API activity of every region is recorded.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/check.h"
#include "audit/lib_roles.h"
#include "audit/lib_trails.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "cloudtrail_multi_region_enabled",
    .title = "A multi-region CloudTrail trail is logging",
    .severity = Severity::kHigh,
    .service = "cloudtrail",
    .resource_type = "AwsAccount",
    .description =
        "One account-level finding: PASS when some trail has IsMultiRegionTrail true and get-trail-status says "
        "IsLogging true (organization trails count); NOT_EVALUATED when no such trail is known to log but a "
        "multi-region trail's status was not collected; FAIL otherwise, saying whether there is no trail, no "
        "multi-region trail, or no multi-region trail that is logging. NOT_EVALUATED without cloudtrail/ data.",
    .risk = "Regions without a trail record no API activity: an intruder working there (e.g. launching instances in "
            "a region you do not use) leaves no trace.",
    .remediation = "Create a trail that applies to all regions (or an organization trail from the management "
                   "account) and start logging.",
    .remediation_cli = "aws cloudtrail create-trail --name <trail> --s3-bucket-name <bucket> --is-multi-region-trail "
                       "&& aws cloudtrail start-logging --name <trail>",
    .remediation_terraform =
        "resource \"aws_cloudtrail\" \"main\" {\n"
        "  name                  = \"<trail>\"\n"
        "  s3_bucket_name        = \"<bucket>\"\n"
        "  is_multi_region_trail = true\n"
        "  enable_logging        = true\n"
        "}",
    .references = {"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html",
                   "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-and-update-a-trail.html",
                   "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html"},
    .inputs = {"cloudtrail/<region>/trails.json", "cloudtrail/<region>/trail-status.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  if (!require_trails(context, out)) return;
  const std::vector<snapshot::Trail>& trails = *context.account.trails;
  std::vector<std::string> logging, unknown, stopped, single;
  for (const snapshot::Trail& t : trails) {
    if (!t.multi_region) single.push_back(fmt::format("{} ({})", t.name, t.home_region));
    else if (!t.status_known)
      unknown.push_back(fmt::format("{} (no status in {})", t.name, trail_file(t, "trail-status.json")));
    else if (t.is_logging) logging.push_back(t.arn);
    else stopped.push_back(t.name);
  }
  if (!logging.empty()) {
    Finding& f = account_finding(context, out, Status::kPass,
                                 fmt::format("{} multi-region trail(s) logging", logging.size()), "cloudtrail/");
    f.evidence = std::move(logging);
    return;
  }
  if (!unknown.empty()) {
    account_finding(context, out, Status::kNotEvaluated,
                    fmt::format("no multi-region trail is known to log: the status of {} was not collected",
                                fmt::join(unknown, ", ")),
                    "cloudtrail/");
    return;
  }
  std::string why;
  if (trails.empty()) why = "no trail in any collected region";
  else if (!stopped.empty())
    why = fmt::format("multi-region trail(s) {} are not logging (IsLogging false)", fmt::join(stopped, ", "));
  else why = fmt::format("no multi-region trail; single-region trail(s): {}", fmt::join(single, ", "));
  account_finding(context, out, Status::kFail, std::move(why), "cloudtrail/");
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
