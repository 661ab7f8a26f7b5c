// Helpers shared by the root-user and IAM-user checks: the account's resource ARN, messages for
// missing inputs, ages of credential-report dates, the root user's credentials, and loops over the
// users of the credential report and of the authorization details.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/check.h"
#include "snapshot/account.h"

namespace iamwarden::audit {

/// Remediation shared by the root checks: centralized root access, in Terraform.
inline constexpr std::string_view kCentralRootAccessTerraform =
    "# the root user is not a Terraform resource; in the management account, centralize root access:\n"
    "resource \"aws_iam_organizations_features\" \"this\" {\n"
    "  enabled_features = [\"RootCredentialsManagement\", \"RootSessions\"]\n"
    "}";

/// Remediation shared by the user MFA checks: create and enable a virtual device (CLI, Terraform).
inline constexpr std::string_view kUserMfaCli =
    "aws iam create-virtual-mfa-device --virtual-mfa-device-name <user> --outfile <qr.png> --bootstrap-method "
    "QRCodePNG && aws iam enable-mfa-device --user-name <user> --serial-number <mfa-arn> --authentication-code1 "
    "<code1> --authentication-code2 <code2>";
inline constexpr std::string_view kUserMfaTerraform =
    "resource \"aws_iam_virtual_mfa_device\" \"user\" {\n"
    "  virtual_mfa_device_name = \"<user>\"\n"
    "}\n"
    "# then enable it for the user (aws iam enable-mfa-device) with two codes";

/// "arn:<partition>:iam::<account id>:root": the resource of account-level results.
std::string account_root_arn(const snapshot::Account& account);

/// The snapshot's record of one file (its status and the collector's error), or nullptr.
const snapshot::FileRecord* file_record(const snapshot::Account& account, std::string_view file);

/// Why a snapshot input is absent, naming the file: "credential-report.csv was not collected",
/// or "... could not be collected: <collector's error>" when the manifest recorded a failure.
std::string input_missing(const snapshot::Account& account, std::string_view file);

/// Whole days since a credential-report date; nullopt for words ("N/A", "no_information", ...).
std::optional<int64_t> age_days(const CheckContext& context, const snapshot::Timestamp& when);

/// "203 days ago" / "today" / "in 3 days".
std::string days_ago(int64_t days);

/// A value of the account summary (account-summary.json); nullopt when the file or the key is absent.
std::optional<int64_t> summary_value(const snapshot::Account& account, std::string_view key);

/// Whether a user has a console password. The report writes "not_supported" for the root user:
/// then AccountPasswordPresent from the account summary decides, and without it a password is
/// assumed (never a silent pass).
bool has_console_password(const snapshot::Account& account, const snapshot::CredentialReportRow& row);

/// True when either access key of the row is active.
bool has_active_access_key(const snapshot::CredentialReportRow& row);

/// organizations-features.json lists RootCredentialsManagement.
bool root_credentials_management_enabled(const snapshot::Account& account);

/// The root user's row of the credential report, or nullptr (no report, or no <root_account> row).
const snapshot::CredentialReportRow* root_row(const snapshot::Account& account);

/// Why the root user needs no MFA, or "" when it does: it has no console password and no active
/// access key ("root credentials are centrally managed and removed" when RootCredentialsManagement
/// is enabled). Read from the credential report's root row.
std::string root_without_credentials(const snapshot::Account& account, const snapshot::CredentialReportRow& root);

/// The same from the account summary, when the credential report has no root row:
/// AccountPasswordPresent and AccountAccessKeysPresent both 0 (an absent key counts as present).
std::string root_without_credentials_in_summary(const snapshot::Account& account);

/// The root user's credentials for a FAIL message: "a console password (password_enabled is
/// not_supported: assumed present) and active access key 1".
std::string describe_root_credentials(const snapshot::Account& account, const snapshot::CredentialReportRow& root);

/// NOT_EVALUATED message of a root check that reads the credential report's root row or, without
/// it, `summary_key` of the account summary; names both files.
std::string root_inputs_missing(const snapshot::Account& account, std::string_view summary_key);

/// "access key 2 (last rotated 203 days ago, last used 3 days ago)"; index is 0 or 1.
std::string describe_access_key(const CheckContext& context, const snapshot::CredentialReportRow& row, size_t index);

/// "console password (last used 3 days ago)", "console password (never used)"; notes a
/// not_supported password_enabled.
std::string describe_password(const CheckContext& context, const snapshot::CredentialReportRow& row);

/// Sets the finding's short name and origin to a credential-report row.
Finding& at_row(Finding& finding, const snapshot::Account& account, const snapshot::CredentialReportRow& row);

/// Sets the finding's short name to "<root_account>" and its origin to account-summary.json.
Finding& at_summary(Finding& finding);

/// The result of a per-user check for one user.
struct UserVerdict {
  Status status = Status::kPass;
  std::string message;
  std::vector<std::string> evidence;
};

/// The outcome of one active access key in a per-key check.
struct KeyResult {
  enum class Kind : uint8_t { kOk, kFail, kUnknown };
  Kind kind = Kind::kOk;
  std::string text;  ///< "access key 1 last rotated 203 days ago (limit 90)"
};

using AccessKeyJudge = KeyResult (*)(const CheckContext& context, const snapshot::CredentialReportRow& row,
                                     size_t index);

/// Judges each active key of the row: FAIL listing the failing keys; else NOT_EVALUATED when a key's
/// dates are unreadable; else PASS listing the keys (or "no active access key"). Inactive keys are
/// never judged, only mentioned.
UserVerdict judge_active_keys(const CheckContext& context, const snapshot::CredentialReportRow& row,
                              AccessKeyJudge judge);

using ReportRowJudge = UserVerdict (*)(const CheckContext& context, const snapshot::CredentialReportRow& row);
using GaadUserJudge = UserVerdict (*)(const CheckContext& context, const snapshot::User& user);

/// Judges every credential-report row except <root_account>, one finding per user (resource: the
/// user's ARN). No report: one NOT_EVALUATED naming credential-report.csv. A report without IAM
/// users: one account-level PASS saying so.
void for_each_report_user(const CheckContext& context, FindingSink& out, ReportRowJudge judge);

/// for_each_report_user with judge_active_keys: one finding per user from its active keys.
void for_each_report_user_key(const CheckContext& context, FindingSink& out, AccessKeyJudge judge);

/// Judges every user of the authorization details, one finding per user. Not collected: one
/// NOT_EVALUATED naming authorization-details.json. No users: one account-level PASS saying so.
void for_each_gaad_user(const CheckContext& context, FindingSink& out, GaadUserJudge judge);

}  // namespace iamwarden::audit
