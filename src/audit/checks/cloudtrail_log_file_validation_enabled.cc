// Flags trails without log file integrity validation (digest files).
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_trails.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "cloudtrail_log_file_validation_enabled",
    .title = "CloudTrail trails have log file integrity validation enabled",
    .severity = Severity::kMedium,
    .service = "cloudtrail",
    .resource_type = "AwsCloudTrailTrail",
    .description =
        "For each trail of describe-trails (de-duplicated across regions): PASS when LogFileValidationEnabled is "
        "true, FAIL otherwise. Trails of another account (organization trails) are reported with their owner. One "
        "account-level FAIL when no region has a trail; NOT_EVALUATED without cloudtrail/ data.",
    .risk = "Without digest files nobody can prove that delivered log files were not modified or deleted, e.g. by "
            "an intruder covering their tracks.",
    .remediation = "Enable log file validation on the trail.",
    .remediation_cli = "aws cloudtrail update-trail --name <trail> --enable-log-file-validation",
    .remediation_terraform =
        "resource \"aws_cloudtrail\" \"main\" {\n"
        "  # ...\n"
        "  enable_log_file_validation = true\n"
        "}",
    .references = {"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html",
                   "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-enabling.html",
                   "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html"},
    .inputs = {"cloudtrail/<region>/trails.json"},
};

std::pair<Status, std::string> judge(const snapshot::Trail& trail) {
  if (trail.log_file_validation) return {Status::kPass, "log file validation is enabled"};
  return {Status::kFail, "LogFileValidationEnabled is false: no digest files are delivered"};
}

void run(const CheckContext& context, FindingSink& out) {
  check_each_trail(context, out, judge, "log file validation");
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
