// Flags trails that do not deliver their events to a CloudWatch Logs log group.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_trails.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "cloudtrail_cloudwatch_logs_enabled",
    .title = "CloudTrail trails deliver events to CloudWatch Logs",
    .severity = Severity::kLow,
    .service = "cloudtrail",
    .resource_type = "AwsCloudTrailTrail",
    .description =
        "For each trail of describe-trails (de-duplicated across regions): PASS when CloudWatchLogsLogGroupArn is "
        "set, FAIL otherwise. The delivery status (LatestCloudWatchLogsDeliveryTime) is not read. Trails of another "
        "account (organization trails) are reported with their owner. One account-level FAIL when no region has a "
        "trail; NOT_EVALUATED without cloudtrail/ data.",
    .risk = "Without CloudWatch Logs delivery, no metric filter or alarm can react to API activity (root use, policy "
            "changes, console sign-in failures) as it happens.",
    .remediation = "Create a log group and a role CloudTrail can assume to write to it, then configure both on the "
                   "trail.",
    .remediation_cli = "aws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn <log-group-arn> "
                       "--cloud-watch-logs-role-arn <role-arn>",
    .remediation_terraform =
        "resource \"aws_cloudtrail\" \"main\" {\n"
        "  # ...\n"
        "  cloud_watch_logs_group_arn = \"${aws_cloudwatch_log_group.trail.arn}:*\"\n"
        "  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn\n"
        "}",
    .references = {"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
                   "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/monitor-cloudtrail-log-files-with-cloudwatch-logs.html",
                   "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html"},
    .inputs = {"cloudtrail/<region>/trails.json"},
};

std::pair<Status, std::string> judge(const snapshot::Trail& trail) {
  if (!trail.cloudwatch_logs_group_arn.empty())
    return {Status::kPass, fmt::format("events are delivered to log group {}", trail.cloudwatch_logs_group_arn)};
  return {Status::kFail, "no CloudWatchLogsLogGroupArn: events are not delivered to CloudWatch Logs"};
}

void run(const CheckContext& context, FindingSink& out) {
  check_each_trail(context, out, judge, "CloudWatch Logs delivery");
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
