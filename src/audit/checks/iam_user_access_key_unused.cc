// Flags IAM users with an active access key unused for thresholds.access_key_unused_days or more
// (CIS: "unused for 45 days or more"); a never-used key fails only once it is that old.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_user_access_key_unused",
    .title = "Active access keys of IAM users have been used within 45 days",
    .severity = Severity::kMedium,
    .service = "iam",
    .resource_type = "AwsIamUser",
    .description = "For each IAM user of the credential report (not the root user), each active access key whose "
                   "access_key_N_last_used_date is thresholds.access_key_unused_days whole days old or more (default "
                   "45; frameworks: maxCredentialUsageAge) fails. A key never used fails only when it was created "
                   "(last_rotated) that many days ago or more, so a brand-new key passes. Inactive keys are not "
                   "checked.",
    .risk = "An active key nobody uses is a credential nobody watches: if it leaks, its use stands out to no one, "
            "and it keeps every permission of its user.",
    .remediation = "Deactivate access keys that are not in use and delete them once nothing breaks.",
    .remediation_cli = "aws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive",
    .remediation_terraform = "resource \"aws_iam_access_key\" \"this\" {\n"
                             "  user   = aws_iam_user.this.name\n"
                             "  status = \"Inactive\"\n"
                             "}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html",
                   "https://docs.aws.amazon.com/config/latest/developerguide/iam-user-unused-credentials-check.html"},
    .inputs = {"credential-report.csv"},
    .parameters = {"maxCredentialUsageAge"},
};

KeyResult judge_key(const CheckContext& context, const snapshot::CredentialReportRow& row, size_t index) {
  const snapshot::CredentialKey& key = row.access_keys[index];
  const int64_t limit = context.config.thresholds.access_key_unused_days;
  if (std::optional<int64_t> used = age_days(context, key.last_used_date))
    return {*used >= limit ? KeyResult::Kind::kFail : KeyResult::Kind::kOk,
            fmt::format("access key {} last used {} (limit {})", index + 1, days_ago(*used), limit)};
  std::optional<int64_t> created = age_days(context, key.last_rotated);
  if (!created)
    return {KeyResult::Kind::kUnknown,
            fmt::format("access key {} is active, never used, and its last_rotated is \"{}\"", index + 1,
                        key.last_rotated.text)};
  return {*created >= limit ? KeyResult::Kind::kFail : KeyResult::Kind::kOk,
          fmt::format("access key {} never used, created {} (limit {})", index + 1, days_ago(*created), limit)};
}

void run(const CheckContext& context, FindingSink& out) { for_each_report_user_key(context, out, judge_key); }

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
