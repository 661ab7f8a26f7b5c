// Flags IAM users whose console password has not been used for thresholds.password_unused_days or
// more (CIS: "unused for 45 days or more"; a never-used password: counted from when it was set).
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_user_console_password_unused",
    .title = "Console passwords of IAM users have been used within 45 days",
    .severity = Severity::kMedium,
    .service = "iam",
    .resource_type = "AwsIamUser",
    .description = "For each IAM user of the credential report (not the root user) with a console password, "
                   "password_last_used must be fewer than thresholds.password_unused_days whole days old (default 45; "
                   "frameworks: maxCredentialUsageAge). A "
                   "password never used is aged from password_last_changed, else from user_creation_time, so a "
                   "new user passes until the limit.",
    .risk = "A console password nobody uses still opens the console: it is typically old, unmonitored and "
            "belongs to someone who left or no longer needs access.",
    .remediation = "Delete the user's login profile (console password) when the user no longer signs in.",
    .remediation_cli = "aws iam delete-login-profile --user-name <user>",
    .remediation_terraform = "# Remove the user's aws_iam_user_login_profile resource:\n"
                             "# resource \"aws_iam_user_login_profile\" \"<user>\" { user = \"<user>\" }",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html",
                   "https://docs.aws.amazon.com/config/latest/developerguide/iam-user-unused-credentials-check.html"},
    .inputs = {"credential-report.csv"},
    .parameters = {"maxCredentialUsageAge"},
};

UserVerdict judge(const CheckContext& context, const snapshot::CredentialReportRow& row) {
  if (!has_console_password(context.account, row)) return {Status::kPass, "no console password", {}};
  const int64_t limit = context.config.thresholds.password_unused_days;
  if (std::optional<int64_t> used = age_days(context, row.password_last_used))
    return {*used >= limit ? Status::kFail : Status::kPass,
            fmt::format("console password last used {} (limit {})", days_ago(*used), limit), {}};
  std::optional<int64_t> changed = age_days(context, row.password_last_changed);
  std::optional<int64_t> age = changed ? changed : age_days(context, row.user_creation_time);
  if (!age)
    return {Status::kNotEvaluated,
            fmt::format("console password never used, and neither password_last_changed (\"{}\") nor "
                        "user_creation_time (\"{}\") is a date (credential-report.csv)",
                        row.password_last_changed.text, row.user_creation_time.text),
            {}};
  return {*age >= limit ? Status::kFail : Status::kPass,
          fmt::format("console password never used; {} {} (limit {})", changed ? "set" : "user created",
                      days_ago(*age), limit),
          {}};
}

void run(const CheckContext& context, FindingSink& out) { for_each_report_user(context, out, judge); }

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
