// Checks that some CloudTrail trail, of any kind and in any region, is logging (AWS Config
// cloudtrail-enabled, Security Hub CloudTrail.3).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/check.h"
#include "audit/lib_roles.h"
#include "audit/lib_trails.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "cloudtrail_trail_enabled",
    .title = "At least one CloudTrail trail is logging",
    .severity = Severity::kHigh,
    .service = "cloudtrail",
    .resource_type = "AwsAccount",
    .description = "One account-level finding: PASS when some trail (single- or multi-region, organization trails "
                   "included) has IsLogging true in get-trail-status; NOT_EVALUATED when none is known to log but a "
                   "trail's status was not collected; FAIL otherwise (no trail, or every trail stopped). "
                   "NOT_EVALUATED without cloudtrail/ data.",
    .risk = "Without a logging trail, API activity is kept only in the 90-day event history, which cannot be "
            "exported continuously nor protected, and data events are not recorded at all.",
    .remediation = "Create a trail (preferably multi-region) and start logging.",
    .remediation_cli = "aws cloudtrail create-trail --name <trail> --s3-bucket-name <bucket> --is-multi-region-trail "
                       "&& aws cloudtrail start-logging --name <trail>",
    .remediation_terraform = "resource \"aws_cloudtrail\" \"main\" {\n"
                             "  name                  = \"<trail>\"\n"
                             "  s3_bucket_name        = \"<bucket>\"\n"
                             "  is_multi_region_trail = true\n"
                             "  enable_logging        = true\n"
                             "}",
    .references = {"https://docs.aws.amazon.com/config/latest/developerguide/cloudtrail-enabled.html",
                   "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html"},
    .inputs = {"cloudtrail/<region>/trails.json", "cloudtrail/<region>/trail-status.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  if (!require_trails(context, out)) return;
  std::vector<std::string> logging, unknown, stopped;
  for (const snapshot::Trail& t : *context.account.trails) {
    if (!t.status_known) unknown.push_back(fmt::format("{} (no status in {})", t.name, trail_file(t, "trail-status.json")));
    else if (t.is_logging) logging.push_back(t.arn);
    else stopped.push_back(t.name);
  }
  if (!logging.empty()) {
    Finding& f = account_finding(context, out, Status::kPass, fmt::format("{} trail(s) logging", logging.size()),
                                 "cloudtrail/");
    f.evidence = std::move(logging);
  } else if (!unknown.empty()) {
    account_finding(context, out, Status::kNotEvaluated,
                    fmt::format("no trail is known to log: the status of {} was not collected", fmt::join(unknown, ", ")),
                    "cloudtrail/");
  } else if (stopped.empty()) {
    account_finding(context, out, Status::kFail, "no trail in any collected region", "cloudtrail/");
  } else {
    account_finding(context, out, Status::kFail,
                    fmt::format("no trail is logging (IsLogging false): {}", fmt::join(stopped, ", ")), "cloudtrail/");
  }
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
