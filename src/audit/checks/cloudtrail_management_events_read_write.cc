// Checks that a logging multi-region trail records every read and write management event.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/check.h"
#include "audit/lib_roles.h"
#include "audit/lib_trails.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "cloudtrail_management_events_read_write",
    .title = "A logging multi-region trail records all read and write management events",
    .severity = Severity::kMedium,
    .service = "cloudtrail",
    .resource_type = "AwsAccount",
    .description =
        "One account-level finding over the multi-region trails that are logging: PASS when one records read and "
        "write management events of every source. A trail without custom event selectors records them all; classic "
        "selectors count with IncludeManagementEvents true by ReadWriteType (All, or ReadOnly plus WriteOnly) and no "
        "ExcludeManagementEventSources; advanced selectors count with eventCategory Equals Management, by their "
        "readOnly field (absent: both), and no other field. NOT_EVALUATED when a candidate's selectors or a "
        "multi-region trail's status were not collected; FAIL otherwise, naming each trail's gap.",
    .risk = "Management events record who changed IAM, networks, keys and logging itself; without read events, "
            "reconnaissance (List*, Describe*, Get*) goes unseen, and without write events, changes do.",
    .remediation = "Configure the multi-region trail to log all management events (read and write), with no "
                   "excluded event sources.",
    .remediation_cli = "aws cloudtrail put-event-selectors --trail-name <trail> --event-selectors "
                       "'[{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true}]'",
    .remediation_terraform =
        "resource \"aws_cloudtrail\" \"main\" {\n"
        "  # ...\n"
        "  is_multi_region_trail = true\n"
        "  event_selector {\n"
        "    read_write_type           = \"All\"\n"
        "    include_management_events = true\n"
        "  }\n"
        "}",
    .references = {"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html",
                   "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/filtering-data-events.html",
                   "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedFieldSelector.html"},
    .inputs = {"cloudtrail/<region>/trails.json", "cloudtrail/<region>/trail-status.json",
               "cloudtrail/<region>/event-selectors.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  if (!require_trails(context, out)) return;
  std::vector<std::string> gaps, unknown;
  for (const snapshot::Trail& t : *context.account.trails) {
    if (!t.multi_region) continue;
    if (!t.status_known) {
      unknown.push_back(fmt::format("{}: no status in {}", t.name, trail_file(t, "trail-status.json")));
      continue;
    }
    if (!t.is_logging) continue;
    ManagementEvents ev = management_events(t);
    if (ev.known && ev.reads && ev.writes) {
      Finding& f = account_finding(context, out, Status::kPass,
                                   fmt::format("trail {} records all read and write management events", t.name),
                                   trail_file(t, "event-selectors.json"));
      f.evidence.push_back(fmt::format("{}: {}", t.arn, ev.how));
      return;
    }
    if (!ev.known) unknown.push_back(fmt::format("{}: {}", t.name, ev.how));
    else gaps.push_back(fmt::format("{} records {}: {}", t.name,
                                    ev.reads ? "only read events" : ev.writes ? "only write events" : "no complete set",
                                    ev.how));
  }
  if (!unknown.empty()) {
    Finding& f = account_finding(context, out, Status::kNotEvaluated,
                                 "no logging multi-region trail is known to record all management events, and some "
                                 "trails' data was not collected",
                                 "cloudtrail/");
    f.evidence = std::move(unknown);
    f.evidence.insert(f.evidence.end(), gaps.begin(), gaps.end());
    return;
  }
  if (gaps.empty()) {
    account_finding(context, out, Status::kFail, "no multi-region trail is logging", "cloudtrail/");
    return;
  }
  account_finding(context, out, Status::kFail,
                  fmt::format("no logging multi-region trail records all read and write management events: {}",
                              fmt::join(gaps, "; ")),
                  "cloudtrail/");
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
