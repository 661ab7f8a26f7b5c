// What the eight password-policy checks share.
#include "audit/lib_password.h"

#include <fmt/format.h>

#include <algorithm>

#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

constexpr std::string_view kPolicyFile = "password-policy.json";
constexpr std::string_view kMuteReason =
    "no IAM user has a console password; set password_policy_without_users = true to report";

Finding& fail_or_mute(const CheckContext& context, FindingSink& out, std::string resource, std::string message) {
  Finding& f = out.fail(std::move(resource), std::move(message));
  if (!context.config.password_policy_without_users && no_console_password_users(context.account)) {
    f.status = Status::kMuted;
    f.mute_reason = std::string(kMuteReason);
  }
  return f;
}

}  // namespace

CheckMeta password_check_meta(std::string_view id, std::string_view title, Severity severity,
                              std::string_view parameter, std::string_view description, std::string_view risk, std::string_view remediation,
                              std::vector<std::string_view> references) {
  CheckMeta meta;
  meta.id = id;
  meta.title = title;
  meta.severity = severity;
  meta.description = description;
  meta.risk = risk;
  meta.remediation = remediation;
  meta.references = std::move(references);
  meta.service = "iam";
  meta.resource_type = "AwsAccount";
  meta.remediation_cli =
      "aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --require-numbers "
      "--require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password "
      "--max-password-age 90 --password-reuse-prevention 24"
      "  # replaces the whole policy: pass every setting to keep";
  meta.remediation_terraform =
      "resource \"aws_iam_account_password_policy\" \"this\" {\n"
      "  minimum_password_length        = 14\n"
      "  require_symbols                = true\n"
      "  require_numbers                = true\n"
      "  require_uppercase_characters   = true\n"
      "  require_lowercase_characters   = true\n"
      "  allow_users_to_change_password = true\n"
      "  max_password_age               = 90\n"
      "  password_reuse_prevention      = 24\n"
      "}";
  meta.references.insert(meta.references.begin(),
                         {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
                          "https://docs.aws.amazon.com/cli/latest/reference/iam/update-account-password-policy.html"});
  meta.inputs = {kPolicyFile, "credential-report.csv", "authorization-details.json"};
  if (!parameter.empty()) meta.parameters.push_back(parameter);
  meta.parameters.emplace_back("password_policy_without_users");
  return meta;
}

PasswordItem password_flag(std::optional<bool> value, bool required, std::string_view field,
                           std::string_view config_key) {
  PasswordItem item;
  item.requirement = fmt::format("{} = true", field);
  if (!required) {
    item.off = true;
    item.message = fmt::format("{} = false: {} is not required", config_key, field);
  } else if (value.value_or(false)) {
    item.ok = true;
    item.message = fmt::format("{} is true", field);
  } else {
    item.message = fmt::format("{} is {} (required by {})", field, value ? "false" : "not set", config_key);
  }
  return item;
}

PasswordItem password_minimum(std::optional<int64_t> value, int64_t target, std::string_view field,
                              std::string_view config_key, bool zero_is_off) {
  PasswordItem item;
  item.requirement = fmt::format("{} >= {}", field, target);
  if (zero_is_off && target == 0) {
    item.off = true;
    item.message = fmt::format("{} = 0: {} is not required", config_key, field);
    return item;
  }
  item.ok = value && *value >= target;
  const std::string shown = value ? std::to_string(*value) : std::string("not set");
  item.message = fmt::format("{} is {} (target: {} or more)", field, shown, target);
  return item;
}

void report_password_item(const CheckContext& context, FindingSink& out, PasswordItem item) {
  const snapshot::Account& account = context.account;
  std::string resource = account_root_arn(account);
  Finding* f = nullptr;
  if (item.off) {
    f = &out.pass(std::move(resource), std::move(item.message));
  } else {
    switch (account.password_policy.state) {
      case snapshot::PasswordPolicyState::kNotCollected:
        f = &out.not_evaluated(std::move(resource), input_missing(account, kPolicyFile));
        break;
      case snapshot::PasswordPolicyState::kNone:
        f = &fail_or_mute(context, out, std::move(resource),
                          fmt::format("no password policy set: the IAM default applies (required: {})",
                                      item.requirement));
        break;
      case snapshot::PasswordPolicyState::kPresent:
        f = item.ok ? &out.pass(std::move(resource), std::move(item.message))
                    : &fail_or_mute(context, out, std::move(resource), std::move(item.message));
        break;
    }
  }
  f->resource_name = "password policy";
  f->origin.file = std::string(kPolicyFile);
}

bool no_console_password_users(const snapshot::Account& account) {
  if (account.credential_report) {
    const std::vector<snapshot::CredentialReportRow>& rows = account.credential_report->rows;
    return std::none_of(rows.begin(), rows.end(), [&](const snapshot::CredentialReportRow& row) {
      return !row.is_root() && has_console_password(account, row);
    });
  }
  return account.iam_present && account.iam.users.empty();
}

}  // namespace iamwarden::audit
