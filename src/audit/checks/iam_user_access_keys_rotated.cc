// Flags IAM users with an active access key older than thresholds.access_key_rotation_days
// (credential report access_key_N_last_rotated). Inactive keys are never flagged.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_user_access_keys_rotated",
    .title = "Active access keys of IAM users are rotated within 90 days",
    .severity = Severity::kMedium,
    .service = "iam",
    .resource_type = "AwsIamUser",
    .description = "For each IAM user of the credential report (not the root user), each active access key whose "
                   "access_key_N_last_rotated is more than thresholds.access_key_rotation_days days old (default "
                   "90; frameworks: maxAccessKeyAge) fails. Inactive keys keep their date in the report and are never flagged.",
    .risk = "A long-lived access key has had more time to be copied into scripts, CI systems, laptops and logs; "
            "rotating it bounds how long a leaked key stays usable.",
    .remediation = "Create a second access key, move every consumer to it, deactivate the old key, watch for "
                   "failures, then delete it. Better: replace user access keys with roles and temporary "
                   "credentials.",
    .remediation_cli = "aws iam create-access-key --user-name <user> && aws iam update-access-key --user-name <user> "
                       "--access-key-id <old-key-id> --status Inactive && aws iam delete-access-key --user-name "
                       "<user> --access-key-id <old-key-id>",
    .remediation_terraform = "# Rotate by replacing the key resource (e.g. terraform apply -replace):\n"
                             "resource \"aws_iam_access_key\" \"this\" {\n"
                             "  user = aws_iam_user.this.name\n"
                             "}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
                   "https://docs.aws.amazon.com/config/latest/developerguide/access-keys-rotated.html"},
    .inputs = {"credential-report.csv"},
    .parameters = {"maxAccessKeyAge"},
};

KeyResult judge_key(const CheckContext& context, const snapshot::CredentialReportRow& row, size_t index) {
  const snapshot::Timestamp& rotated = row.access_keys[index].last_rotated;
  const int64_t limit = context.config.thresholds.access_key_rotation_days;
  std::optional<int64_t> age = age_days(context, rotated);
  if (!age)
    return {KeyResult::Kind::kUnknown,
            fmt::format("access key {} is active but its last_rotated is \"{}\"", index + 1, rotated.text)};
  return {*age > limit ? KeyResult::Kind::kFail : KeyResult::Kind::kOk,
          fmt::format("access key {} last rotated {} (limit {})", index + 1, days_ago(*age), limit)};
}

void run(const CheckContext& context, FindingSink& out) { for_each_report_user_key(context, out, judge_key); }

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
