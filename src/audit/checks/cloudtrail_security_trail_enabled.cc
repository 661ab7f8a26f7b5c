// The AWS Config rule cloudtrail-security-trail-enabled: ONE trail meets every criterion (other
// trails do not matter), not each criterion on some trail.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/check.h"
#include "audit/lib_roles.h"
#include "audit/lib_trails.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "cloudtrail_security_trail_enabled",
    .title = "One CloudTrail trail follows every security best practice",
    .severity = Severity::kMedium,
    .service = "cloudtrail",
    .resource_type = "AwsAccount",
    .description =
        "The AWS Config rule cloudtrail-security-trail-enabled, one account-level finding: PASS when a single trail "
        "records global service events (IncludeGlobalServiceEvents), is multi-region, has log file validation, is "
        "encrypted with a KMS key and records read and write management events with no excluded source; other "
        "trails may lack any of these. The rule does not ask whether the trail is logging. NOT_EVALUATED when no "
        "trail qualifies and the event selectors of a trail meeting the other criteria were not collected; FAIL "
        "otherwise, naming what each trail lacks.",
    .risk = "Without one trail that has all of these settings, some events (global services, some regions, some "
            "sources) go unrecorded, or the recorded logs can be altered or read without a second control.",
    .remediation = "Configure one multi-region trail with global service events, log file validation, a KMS key and "
                   "all management events.",
    .remediation_cli = "aws cloudtrail update-trail --name <trail> --is-multi-region-trail --include-global-service-events "
                       "--enable-log-file-validation --kms-key-id <key-arn> && aws cloudtrail put-event-selectors "
                       "--trail-name <trail> --event-selectors '[{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true}]'",
    .remediation_terraform = "resource \"aws_cloudtrail\" \"main\" {\n"
                             "  # ...\n"
                             "  is_multi_region_trail         = true\n"
                             "  include_global_service_events = true\n"
                             "  enable_log_file_validation    = true\n"
                             "  kms_key_id                    = aws_kms_key.cloudtrail.arn\n"
                             "}",
    .references = {"https://docs.aws.amazon.com/config/latest/developerguide/cloudtrail-security-trail-enabled.html"},
    .inputs = {"cloudtrail/<region>/trails.json", "cloudtrail/<region>/event-selectors.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  if (!require_trails(context, out)) return;
  std::vector<std::string> gaps, unknown;
  for (const snapshot::Trail& t : *context.account.trails) {
    std::vector<std::string> lacks;
    if (!t.include_global_service_events) lacks.emplace_back("no global service events");
    if (!t.multi_region) lacks.emplace_back("single-region");
    if (!t.log_file_validation) lacks.emplace_back("no log file validation");
    if (t.kms_key_id.empty()) lacks.emplace_back("no KMS key");
    ManagementEvents ev = management_events(t);
    if (ev.known && !(ev.reads && ev.writes)) lacks.push_back("not all read and write management events: " + ev.how);
    if (!lacks.empty()) {
      gaps.push_back(fmt::format("{}: {}", t.name, fmt::join(lacks, "; ")));
    } else if (!ev.known) {
      unknown.push_back(fmt::format("{}: {}", t.name, ev.how));
    } else {
      Finding& f = account_finding(context, out, Status::kPass,
                                   fmt::format("trail {} meets every criterion{}", t.name,
                                               trail_owner_note(context.account, t)),
                                   trail_file(t));
      f.evidence.push_back(t.arn);
      return;
    }
  }
  Status status = unknown.empty() ? Status::kFail : Status::kNotEvaluated;
  std::string message = context.account.trails->empty() ? "no trail in any collected region"
                        : unknown.empty() ? "no single trail meets every criterion"
                                          : "no trail is known to meet every criterion, and some trails' event "
                                            "selectors were not collected";
  Finding& f = account_finding(context, out, status, std::move(message), "cloudtrail/");
  f.evidence = std::move(unknown);
  f.evidence.insert(f.evidence.end(), gaps.begin(), gaps.end());
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
