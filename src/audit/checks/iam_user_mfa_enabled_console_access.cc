// Flags IAM users that have a console password but no MFA device (credential report).
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_user_mfa_enabled_console_access",
    .title = "IAM users with a console password have MFA enabled",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamUser",
    .description = "For each IAM user of the credential report (not the root user) whose password_enabled is true "
                   "(or not_supported, counted as a password), mfa_active must be true. Users without a console "
                   "password pass.",
    .risk = "A console password alone is one phishing page or one reused password away from an interactive "
            "session with every permission of the user.",
    .remediation = "Assign an MFA device to the user (a FIDO security key preferably), or remove the console "
                   "password when the user does not need the console. Enforce MFA with a policy that denies "
                   "actions when aws:MultiFactorAuthPresent is false.",
    .remediation_cli = kUserMfaCli,
    .remediation_terraform = kUserMfaTerraform,
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html",
                   "https://docs.aws.amazon.com/config/latest/developerguide/mfa-enabled-for-iam-console-access.html"},
    .inputs = {"credential-report.csv"},
};

UserVerdict judge(const CheckContext& context, const snapshot::CredentialReportRow& row) {
  if (!has_console_password(context.account, row)) return {Status::kPass, "no console password", {}};
  if (row.mfa_active) return {Status::kPass, fmt::format("{} with MFA active", describe_password(context, row)), {}};
  return {Status::kFail, fmt::format("{} and no MFA device", describe_password(context, row)), {}};
}

void run(const CheckContext& context, FindingSink& out) { for_each_report_user(context, out, judge); }

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
