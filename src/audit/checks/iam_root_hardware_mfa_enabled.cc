// Flags a root user whose MFA is a virtual (authenticator app) device, or who has none: the
// account summary says whether root has MFA, the virtual MFA list says whether it is virtual.
#include <fmt/format.h>

#include <algorithm>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_root_hardware_mfa_enabled",
    .title = "Root user has a hardware MFA device",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsAccount",
    .description = "Passes when AccountMFAEnabled is 1 in the account summary and no virtual MFA device is "
                   "assigned to the root user (a device whose User.Arn ends with :root), i.e. the root MFA is a "
                   "FIDO security key or a hardware token. A root user without a console password and without "
                   "an active access key (e.g. removed through centralized root access) passes.",
    .risk = "A virtual MFA device lives on a phone or computer that can be lost, cloned, backed up to the cloud "
            "or compromised along with the password it protects; the root user deserves a dedicated device.",
    .remediation = "Sign in as the root user, remove the virtual MFA device and assign a FIDO security key or a "
                   "hardware TOTP token. In an organization, consider removing member accounts' root "
                   "credentials with centralized root access instead.",
    .remediation_cli = "aws iam deactivate-mfa-device --serial-number <virtual-mfa-arn>  # as the root user, "
                       "then assign a hardware device in the console (Security credentials)",
    .remediation_terraform = kCentralRootAccessTerraform,  // the root user itself is not a Terraform resource
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_physical.html",
                   "https://docs.aws.amazon.com/config/latest/developerguide/root-account-hardware-mfa-enabled.html"},
    .inputs = {"account-summary.json", "virtual-mfa-devices.json", "credential-report.csv",
               "organizations-features.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  const snapshot::Account& account = context.account;
  std::string arn = account_root_arn(account);
  const snapshot::CredentialReportRow* root = root_row(account);
  std::string without = root ? root_without_credentials(account, *root) : root_without_credentials_in_summary(account);
  if (!without.empty()) {
    Finding& f = out.pass(arn, std::move(without));
    root ? at_row(f, account, *root) : at_summary(f);
    return;
  }
  std::optional<int64_t> mfa = summary_value(account, "AccountMFAEnabled");
  std::vector<std::string> missing;
  if (!mfa)
    missing.push_back(account.account_summary ? "account-summary.json has no AccountMFAEnabled"
                                              : input_missing(account, "account-summary.json"));
  if (!account.virtual_mfa_devices) missing.push_back(input_missing(account, "virtual-mfa-devices.json"));
  if (!missing.empty()) {
    at_summary(out.not_evaluated(arn, fmt::format("{}", fmt::join(missing, "; "))));
    return;
  }
  if (*mfa == 0) {
    at_summary(out.fail(arn, "the root user has no MFA device (AccountMFAEnabled is 0)"));
    return;
  }
  const std::vector<snapshot::MfaDevice>& devices = *account.virtual_mfa_devices;
  auto virtual_device =
      std::find_if(devices.begin(), devices.end(), [](const snapshot::MfaDevice& d) { return d.root(); });
  if (virtual_device != devices.end()) {
    Finding& f =
        out.fail(arn, fmt::format("the root user's MFA is a virtual device ({})", virtual_device->serial_number));
    at_summary(f).origin.file = "virtual-mfa-devices.json";
    if (virtual_device->enable_date.present()) f.evidence.push_back("enabled " + virtual_device->enable_date.text);
    return;
  }
  at_summary(out.pass(arn, "AccountMFAEnabled is 1 and no virtual MFA device is assigned to the root user: its MFA "
                           "is a hardware device"));
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
