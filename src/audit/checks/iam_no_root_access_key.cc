// Flags a root user with an active access key (credential report), or, without the report's root
// row, an account summary with AccountAccessKeysPresent.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_no_root_access_key",
    .title = "Root user has no access keys",
    .severity = Severity::kCritical,
    .service = "iam",
    .resource_type = "AwsAccount",
    .description = "Reads access_key_1_active and access_key_2_active of the <root_account> row of the credential "
                   "report; an inactive key is mentioned but does not fail (CIS's audit), unless "
                   "countInactiveRootKeys is true (AWS Config iam-root-access-key-check, Security Hub IAM.4: a root "
                   "key that exists fails). Without the report's root row, AccountAccessKeysPresent of the account "
                   "summary decides (it counts inactive keys too).",
    .risk = "A root access key gives programmatic, unrestricted access to the whole account that no IAM policy "
            "or permissions boundary can limit; once leaked (code, CI logs, laptops) the account is lost.",
    .remediation = "Sign in as the root user and delete its access keys under Security credentials; use IAM "
                   "roles for programmatic access. In an organization with centralized root access, the "
                   "management account can delete a member's root access keys through a root session.",
    .remediation_cli = "aws iam delete-access-key --access-key-id <root-access-key-id>  # with root credentials, "
                       "or from a root session: aws sts assume-root --target-principal <account-id> "
                       "--task-policy-arn arn=arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials",
    .remediation_terraform = kCentralRootAccessTerraform,  // the root user itself is not a Terraform resource
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_add-key.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html",
                   "https://docs.aws.amazon.com/config/latest/developerguide/iam-root-access-key-check.html"},
    .inputs = {"credential-report.csv", "account-summary.json"},
    .parameters = {"countInactiveRootKeys"},
};

void from_report(const CheckContext& context, FindingSink& out, const snapshot::CredentialReportRow& root) {
  std::vector<std::string> active, inactive;
  for (size_t i = 0; i < root.access_keys.size(); ++i) {
    const snapshot::CredentialKey& key = root.access_keys[i];
    if (key.active) active.push_back(describe_access_key(context, root, i));
    else if (key.last_rotated.unix_seconds) inactive.push_back(describe_access_key(context, root, i) + " is inactive");
  }
  if (context.config.root_inactive_keys_count && active.empty() && !inactive.empty()) {
    Finding& f = out.fail(account_root_arn(context.account),
                          fmt::format("the root user has an access key: {} (an inactive key counts here)",
                                      fmt::join(inactive, "; ")));
    at_row(f, context.account, root);
    return;
  }
  std::string arn = account_root_arn(context.account);
  std::string inactive_note = inactive.empty() ? "" : fmt::format(" ({})", fmt::join(inactive, "; "));
  Finding& f = active.empty() ? out.pass(arn, "the root user has no active access key" + inactive_note)
                              : out.fail(arn, fmt::format("the root user has an active access key: {}{}",
                                                          fmt::join(active, "; "), inactive_note));
  if (!active.empty() && root_credentials_management_enabled(context.account))
    f.evidence.push_back("RootCredentialsManagement is enabled: the management account can delete it");
  at_row(f, context.account, root);
}

void run(const CheckContext& context, FindingSink& out) {
  const snapshot::Account& account = context.account;
  if (const snapshot::CredentialReportRow* root = root_row(account)) {
    from_report(context, out, *root);
    return;
  }
  std::string arn = account_root_arn(account);
  std::optional<int64_t> keys = summary_value(account, "AccountAccessKeysPresent");
  if (!keys) {
    at_summary(out.not_evaluated(arn, root_inputs_missing(account, "AccountAccessKeysPresent")));
    return;
  }
  at_summary(*keys == 0 ? out.pass(arn, "the root user has no access key (AccountAccessKeysPresent is 0)")
                        : out.fail(arn, fmt::format("the root user has an access key (AccountAccessKeysPresent is {})",
                                                    *keys)));
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
