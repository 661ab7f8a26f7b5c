// Flags an account whose root user can sign in (a console password or an active access key) without
// an MFA device. Reads the credential report's root row, or the account summary without it.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_root_mfa_enabled",
    .title = "Root user has MFA enabled",
    .severity = Severity::kCritical,
    .service = "iam",
    .resource_type = "AwsAccount",
    .description = "Reads mfa_active of the <root_account> row of the credential report (AccountMFAEnabled of the "
                   "account summary when the report has no root row). A root user without a console password "
                   "and without an active access key passes, e.g. when its credentials were removed through "
                   "centralized root access (RootCredentialsManagement). A password reported as not_supported "
                   "counts as present unless AccountPasswordPresent says otherwise.",
    .risk = "The root user has unrestricted access to the account and cannot be limited by IAM policies; "
            "without MFA, a leaked or guessed root password is enough to take the account over.",
    .remediation = "Sign in as the root user and assign an MFA device (a FIDO security key or a hardware "
                   "token preferably) under Security credentials. In an organization, consider removing member "
                   "accounts' root credentials with centralized root access instead.",
    .remediation_cli = "aws iam enable-organizations-root-credentials-management  # in the management account; "
                       "a standalone account's root MFA is assigned in the console (Security credentials)",
    .remediation_terraform = kCentralRootAccessTerraform,  // the root user itself is not a Terraform resource
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html",
                   "https://docs.aws.amazon.com/config/latest/developerguide/root-account-mfa-enabled.html"},
    .inputs = {"credential-report.csv", "account-summary.json", "organizations-features.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  const snapshot::Account& account = context.account;
  std::string arn = account_root_arn(account);
  if (const snapshot::CredentialReportRow* root = root_row(account)) {
    std::string without = root_without_credentials(account, *root);
    Finding& f = !without.empty()  ? out.pass(arn, without)
                 : root->mfa_active ? out.pass(arn, "the root user has MFA active")
                                    : out.fail(arn, fmt::format("the root user has no MFA device and has {}",
                                                                describe_root_credentials(account, *root)));
    at_row(f, account, *root);
    return;
  }
  std::optional<int64_t> mfa = summary_value(account, "AccountMFAEnabled");
  if (!mfa) {
    at_summary(out.not_evaluated(arn, root_inputs_missing(account, "AccountMFAEnabled")));
    return;
  }
  std::string without = root_without_credentials_in_summary(account);
  at_summary(!without.empty() ? out.pass(arn, without)
             : *mfa != 0      ? out.pass(arn, "the root user has MFA active (AccountMFAEnabled is 1)")
                              : out.fail(arn, "the root user has no MFA device (AccountMFAEnabled is 0)"));
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
