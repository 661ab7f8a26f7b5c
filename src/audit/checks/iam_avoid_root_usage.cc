// Flags a root user that signed in or used an access key within the last thresholds.root_usage_days
// days (credential report).
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_avoid_root_usage",
    .title = "Root user has not been used recently",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsAccount",
    .description = "Takes the latest of password_last_used and access_key_1/2_last_used_date of the "
                   "<root_account> row of the credential report; fails when it lies within "
                   "thresholds.root_usage_days days (default 30). A root user with no recorded use passes.",
    .risk = "The root user cannot be restricted by IAM; using it for daily work exposes its credentials more "
            "often and leaves actions that no IAM policy could have prevented or scoped.",
    .remediation = "Use IAM roles (through IAM Identity Center or federation) for administration and keep the "
                   "root user for the few tasks that require it; review CloudTrail for what the root user did.",
    .remediation_cli = "aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root "
                       "--max-results 50",
    .remediation_terraform = "# Administer through roles instead of the root user, e.g. an Identity Center "
                             "permission set:\n"
                             "resource \"aws_ssoadmin_permission_set\" \"admin\" {\n"
                             "  name         = \"Administrator\"\n"
                             "  instance_arn = <identity-center-instance-arn>\n"
                             "}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html"},
    .inputs = {"credential-report.csv"},
};

void run(const CheckContext& context, FindingSink& out) {
  const snapshot::Account& account = context.account;
  std::string arn = account_root_arn(account);
  const snapshot::CredentialReportRow* root = root_row(account);
  if (!root) {
    Finding& f = out.not_evaluated(arn, account.credential_report
                                            ? "credential-report.csv has no <root_account> row"
                                            : input_missing(account, "credential-report.csv"));
    f.resource_name = "<root_account>";
    return;
  }
  // Every recorded use, and the most recent one.
  std::vector<std::string> uses;
  std::optional<int64_t> latest;
  std::string latest_what;
  auto consider = [&](const snapshot::Timestamp& when, std::string what) {
    std::optional<int64_t> days = age_days(context, when);
    if (!days) return;
    uses.push_back(fmt::format("{} {} ({})", what, when.text, days_ago(*days)));
    if (!latest || *days < *latest) {
      latest = days;
      latest_what = fmt::format("{} on {}", what, when.text);
    }
  };
  consider(root->password_last_used, "password sign-in");
  for (size_t i = 0; i < root->access_keys.size(); ++i)
    consider(root->access_keys[i].last_used_date, fmt::format("access key {} used", i + 1));
  const int64_t window = context.config.thresholds.root_usage_days;
  Finding* f = nullptr;
  if (!latest) {
    f = &out.pass(arn, fmt::format("no recorded use of the root user (password_last_used: {})",
                                   root->password_last_used.text));
  } else if (*latest < window) {
    f = &out.fail(arn, fmt::format("the root user was used {} ({}), within the {}-day window", days_ago(*latest),
                                   latest_what, window));
  } else {
    f = &out.pass(arn, fmt::format("the root user was last used {} ({}); window: {} days", days_ago(*latest),
                                   latest_what, window));
  }
  f->evidence = std::move(uses);
  at_row(*f, account, *root);
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
