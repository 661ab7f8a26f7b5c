// Flags IAM users with both access keys active (credential report).
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_user_two_active_access_keys",
    .title = "IAM users have at most one active access key",
    .severity = Severity::kMedium,
    .service = "iam",
    .resource_type = "AwsIamUser",
    .description = "For each IAM user of the credential report (not the root user), access_key_1_active and "
                   "access_key_2_active must not both be true. Two active keys are normal only during a rotation.",
    .risk = "Two active keys double the secrets to protect and usually mean a rotation was never finished: the "
            "old key is still valid wherever it was copied.",
    .remediation = "Finish the rotation: move every consumer to the newer key, deactivate the older one, then "
                   "delete it.",
    .remediation_cli = "aws iam update-access-key --user-name <user> --access-key-id <older-key-id> --status "
                       "Inactive && aws iam delete-access-key --user-name <user> --access-key-id <older-key-id>",
    .remediation_terraform = "# Keep a single aws_iam_access_key resource per user:\n"
                             "resource \"aws_iam_access_key\" \"this\" {\n"
                             "  user = aws_iam_user.this.name\n"
                             "}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"},
    .inputs = {"credential-report.csv"},
};

UserVerdict judge(const CheckContext& context, const snapshot::CredentialReportRow& row) {
  if (!row.access_keys[0].active || !row.access_keys[1].active)
    return {Status::kPass, has_active_access_key(row) ? "one active access key" : "no active access key", {}};
  return {Status::kFail,
          fmt::format("two active access keys: {}; {}", describe_access_key(context, row, 0),
                      describe_access_key(context, row, 1)),
          {}};
}

void run(const CheckContext& context, FindingSink& out) { for_each_report_user(context, out, judge); }

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
