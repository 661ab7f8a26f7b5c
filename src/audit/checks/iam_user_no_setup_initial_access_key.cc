// Flags IAM users with a console password and an active access key that was created with the user
// (same UTC day as user_creation_time) and never used: a key made "just in case" at setup.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_user_no_setup_initial_access_key",
    .title = "IAM users with a console password have no unused access key from their initial setup",
    .severity = Severity::kLow,
    .service = "iam",
    .resource_type = "AwsIamUser",
    .description = "For each IAM user of the credential report (not the root user) with a console password, an "
                   "active access key that was never used and whose last_rotated (creation) falls on the same UTC "
                   "day as user_creation_time fails: it was created during the initial setup without a need.",
    .risk = "Access keys created by default when a console user is set up are rarely needed, are never watched, "
            "and give programmatic access with every permission of the user.",
    .remediation = "Delete access keys that were created at user setup and never used; create keys only when a "
                   "program needs them, and prefer roles.",
    .remediation_cli = "aws iam delete-access-key --user-name <user> --access-key-id <key-id>",
    .remediation_terraform = "# Remove the aws_iam_access_key resource created alongside the user:\n"
                             "# resource \"aws_iam_access_key\" \"<user>\" { user = \"<user>\" }",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html"},
    .inputs = {"credential-report.csv"},
};

KeyResult judge_key(const CheckContext&, const snapshot::CredentialReportRow& row, size_t index) {
  const snapshot::CredentialKey& key = row.access_keys[index];
  if (key.last_used_date.unix_seconds)
    return {KeyResult::Kind::kOk, fmt::format("access key {} has been used", index + 1)};
  if (!key.last_rotated.unix_seconds || !row.user_creation_time.unix_seconds)
    return {KeyResult::Kind::kUnknown,
            fmt::format("access key {} is active and never used, but its last_rotated (\"{}\") or the "
                        "user_creation_time (\"{}\") is not a date",
                        index + 1, key.last_rotated.text, row.user_creation_time.text)};
  const int64_t key_day = *key.last_rotated.unix_seconds / 86400;
  const int64_t user_day = *row.user_creation_time.unix_seconds / 86400;
  if (key_day == user_day)
    return {KeyResult::Kind::kFail, fmt::format("access key {} was created with the user ({}) and never used",
                                                index + 1, key.last_rotated.text)};
  return {KeyResult::Kind::kOk, fmt::format("access key {} was created after the user's setup ({}), not yet used",
                                            index + 1, key.last_rotated.text)};
}

UserVerdict judge(const CheckContext& context, const snapshot::CredentialReportRow& row) {
  if (!has_console_password(context.account, row)) return {Status::kPass, "no console password", {}};
  return judge_active_keys(context, row, judge_key);
}

void run(const CheckContext& context, FindingSink& out) { for_each_report_user(context, out, judge); }

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
