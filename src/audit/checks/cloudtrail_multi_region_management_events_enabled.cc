// The AWS Config rule multi-region-cloudtrail-enabled (Security Hub CloudTrail.1 with readWriteType
// ALL): one logging multi-region trail that records management events and excludes none.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/check.h"
#include "audit/lib_roles.h"
#include "audit/lib_trails.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "cloudtrail_multi_region_management_events_enabled",
    .title = "A logging multi-region trail records management events and excludes none",
    .severity = Severity::kHigh,
    .service = "cloudtrail",
    .resource_type = "AwsAccount",
    .description =
        "The AWS Config rule multi-region-cloudtrail-enabled, one account-level finding: PASS when one trail is "
        "multi-region, logging, records management events with no excluded event source "
        "(ExcludeManagementEventSources empty; advanced selectors filtering management events by another field "
        "count as excluding) and matches the parameters: readWriteType ALL needs read and write events, ReadOnly "
        "read events, WriteOnly write events (unset: either); includeManagementEvents false asks for a trail "
        "recording no management events. NOT_EVALUATED when no trail matches and a candidate's status or "
        "selectors were not collected; FAIL otherwise, naming each trail's gap.",
    .risk = "A trail that is not multi-region, is stopped, or leaves out management events (for example KMS or RDS "
            "Data API events) misses API activity that investigations rely on.",
    .remediation = "Log all management events, with no excluded event source, on a multi-region trail that is "
                   "logging.",
    .remediation_cli = "aws cloudtrail put-event-selectors --trail-name <trail> --event-selectors "
                       "'[{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true}]' && aws cloudtrail "
                       "start-logging --name <trail>",
    .remediation_terraform = "resource \"aws_cloudtrail\" \"main\" {\n"
                             "  # ...\n"
                             "  is_multi_region_trail = true\n"
                             "  event_selector {\n"
                             "    read_write_type           = \"All\"\n"
                             "    include_management_events = true\n"
                             "  }\n"
                             "}",
    .references = {"https://docs.aws.amazon.com/config/latest/developerguide/multi-region-cloudtrail-enabled.html",
                   "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1"},
    .inputs = {"cloudtrail/<region>/trails.json", "cloudtrail/<region>/trail-status.json",
               "cloudtrail/<region>/event-selectors.json"},
    .parameters = {"readWriteType", "includeManagementEvents"},
};

// Why the trail's management events do not match the parameters, or "".
std::string mismatch(const ManagementEvents& ev, const AuditConfig& config) {
  const bool any = ev.reads || ev.writes;
  if (config.trail_include_management_events == false)
    return any ? "it records management events (includeManagementEvents is false)" : "";
  if (!any) return "it records no management event from every source: " + ev.how;
  const std::string& type = config.trail_read_write_type;
  if ((type == "ALL" || type == "ReadOnly") && !ev.reads) return "it records no read events (readWriteType " + type + ")";
  if ((type == "ALL" || type == "WriteOnly") && !ev.writes)
    return "it records no write events (readWriteType " + type + ")";
  return "";
}

void run(const CheckContext& context, FindingSink& out) {
  if (!require_trails(context, out)) return;
  std::vector<std::string> gaps, unknown;
  for (const snapshot::Trail& t : *context.account.trails) {
    if (!t.multi_region) {
      gaps.push_back(fmt::format("{}: single-region", t.name));
      continue;
    }
    if (!t.status_known) {
      unknown.push_back(fmt::format("{}: no status in {}", t.name, trail_file(t, "trail-status.json")));
      continue;
    }
    if (!t.is_logging) {
      gaps.push_back(fmt::format("{}: not logging", t.name));
      continue;
    }
    ManagementEvents ev = management_events(t);
    if (!ev.known) {
      unknown.push_back(fmt::format("{}: {}", t.name, ev.how));
      continue;
    }
    if (std::string why = mismatch(ev, context.config); !why.empty()) {
      gaps.push_back(fmt::format("{}: {}", t.name, why));
      continue;
    }
    Finding& f = account_finding(context, out, Status::kPass,
                                 fmt::format("multi-region trail {} is logging and records {}", t.name,
                                             context.config.trail_include_management_events == false
                                                 ? "no management events"
                                                 : "management events from every source"),
                                 trail_file(t, "event-selectors.json"));
    f.evidence.push_back(fmt::format("{}: {}", t.arn, ev.how));
    return;
  }
  Status status = unknown.empty() ? Status::kFail : Status::kNotEvaluated;
  std::string message = context.account.trails->empty() ? "no trail in any collected region"
                        : unknown.empty() ? "no logging multi-region trail records management events as required"
                                          : "no trail is known to match, and some trails' data was not collected";
  Finding& f = account_finding(context, out, status, std::move(message), "cloudtrail/");
  f.evidence = std::move(unknown);
  f.evidence.insert(f.evidence.end(), gaps.begin(), gaps.end());
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
