// Flags every IAM user without an MFA device, whatever its credentials (AWS Config
// iam-user-mfa-enabled, Security Hub IAM.19).
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_user_mfa_enabled",
    .title = "Every IAM user has MFA enabled",
    .severity = Severity::kMedium,
    .service = "iam",
    .resource_type = "AwsIamUser",
    .description = "For each IAM user of the credential report (not the root user), mfa_active must be true, "
                   "whether or not the user has a console password (AWS Config iam-user-mfa-enabled). The "
                   "message says which credentials the user has.",
    .risk = "A user without MFA can be impersonated with a single secret; policies that require "
            "aws:MultiFactorAuthPresent cannot protect a user who has no device, and a password can be added "
            "to such a user later.",
    .remediation = "Assign an MFA device to the user, or delete users that are no longer needed.",
    .remediation_cli = kUserMfaCli,
    .remediation_terraform = kUserMfaTerraform,
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html",
                   "https://docs.aws.amazon.com/config/latest/developerguide/iam-user-mfa-enabled.html"},
    .inputs = {"credential-report.csv"},
};

UserVerdict judge(const CheckContext& context, const snapshot::CredentialReportRow& row) {
  if (row.mfa_active) return {Status::kPass, "MFA active", {}};
  const int keys = static_cast<int>(row.access_keys[0].active) + static_cast<int>(row.access_keys[1].active);
  std::string password = has_console_password(context.account, row) ? describe_password(context, row)
                                                                     : std::string("no console password");
  return {Status::kFail, fmt::format("no MFA device ({}, {} active access key{})", password, keys, keys == 1 ? "" : "s"),
          {}};
}

void run(const CheckContext& context, FindingSink& out) { for_each_report_user(context, out, judge); }

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
