// Flags trails whose log files are not encrypted with a KMS key (SSE-KMS).
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_trails.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "cloudtrail_kms_encryption_enabled",
    .title = "CloudTrail trails encrypt their log files with a KMS key",
    .severity = Severity::kMedium,
    .service = "cloudtrail",
    .resource_type = "AwsCloudTrailTrail",
    .description =
        "For each trail of describe-trails (de-duplicated across regions): PASS when KmsKeyId is set, FAIL "
        "otherwise (log files then use S3 server-side encryption only). Trails of another account (organization "
        "trails) are reported with their owner. One account-level FAIL when no region has a trail; NOT_EVALUATED "
        "without cloudtrail/ data.",
    .risk = "With SSE-S3 only, anyone who can read the bucket can read the logs; a KMS key adds a second, audited "
            "permission (kms:Decrypt) that can be limited to the people who investigate.",
    .remediation = "Create a KMS key whose key policy lets CloudTrail encrypt and your auditors decrypt, and set it "
                   "on the trail.",
    .remediation_cli = "aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn>",
    .remediation_terraform =
        "resource \"aws_cloudtrail\" \"main\" {\n"
        "  # ...\n"
        "  kms_key_id = aws_kms_key.cloudtrail.arn\n"
        "}",
    .references = {"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html",
                   "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html",
                   "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html"},
    .inputs = {"cloudtrail/<region>/trails.json"},
};

std::pair<Status, std::string> judge(const snapshot::Trail& trail) {
  if (!trail.kms_key_id.empty())
    return {Status::kPass, fmt::format("log files are encrypted with KMS key {}", trail.kms_key_id)};
  return {Status::kFail, "no KmsKeyId: log files are encrypted with S3-managed keys only"};
}

void run(const CheckContext& context, FindingSink& out) {
  check_each_trail(context, out, judge, "KMS encryption");
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
