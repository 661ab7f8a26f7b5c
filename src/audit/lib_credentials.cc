// Helpers shared by the root-user and IAM-user checks.
#include "audit/lib_credentials.h"

#include <fmt/format.h>

#include <algorithm>

namespace iamwarden::audit {
namespace {

constexpr std::string_view kReportFile = "credential-report.csv";
constexpr std::string_view kGaadFile = "authorization-details.json";
constexpr std::string_view kSummaryFile = "account-summary.json";
constexpr std::string_view kRootUser = "<root_account>";

Finding& add(FindingSink& out, UserVerdict& verdict, std::string resource) {
  switch (verdict.status) {
    case Status::kFail: return out.fail(std::move(resource), std::move(verdict.message));
    case Status::kNotEvaluated: return out.not_evaluated(std::move(resource), std::move(verdict.message));
    case Status::kMuted: {
      Finding& f = out.fail(std::move(resource), std::move(verdict.message));
      f.status = Status::kMuted;
      return f;
    }
    case Status::kPass: break;
  }
  return out.pass(std::move(resource), std::move(verdict.message));
}

// One account-level finding (resource: the account's root ARN, short name: the account id).
Finding& account_level(const snapshot::Account& account, Finding& f) {
  f.resource_name = account.account_id;
  return f;
}

// Judges every credential-report row but the root user's (see for_each_report_user).
template <class Judge>
void each_report_user(const CheckContext& context, FindingSink& out, Judge&& judge) {
  const snapshot::Account& account = context.account;
  if (!account.credential_report) {
    account_level(account, out.not_evaluated(account_root_arn(account), input_missing(account, kReportFile)));
    return;
  }
  size_t users = 0;
  for (const snapshot::CredentialReportRow& row : account.credential_report->rows) {
    if (row.is_root()) continue;
    ++users;
    UserVerdict verdict = judge(row);
    Finding& f = add(out, verdict, row.arn);
    f.evidence = std::move(verdict.evidence);
    at_row(f, account, row);
  }
  if (!users)
    account_level(account, out.pass(account_root_arn(account),
                                    fmt::format("{} lists no IAM user (only the root user)", kReportFile)));
}

}  // namespace

std::string account_root_arn(const snapshot::Account& account) {
  if (account.account_id.empty()) {
    if (const snapshot::CredentialReportRow* root = root_row(account); root && !root->arn.empty()) return root->arn;
  }
  return fmt::format("arn:{}:iam::{}:root", account.partition, account.account_id);
}

const snapshot::FileRecord* file_record(const snapshot::Account& account, std::string_view file) {
  auto it = std::find_if(account.files.begin(), account.files.end(),
                         [&](const snapshot::FileRecord& r) { return r.path == file; });
  return it == account.files.end() ? nullptr : &*it;
}

std::string input_missing(const snapshot::Account& account, std::string_view file) {
  if (const snapshot::FileRecord* record = file_record(account, file)) {
    const std::string detail = record->detail.empty() ? "" : ": " + record->detail;
    if (record->status == snapshot::FileStatus::kFailed) return fmt::format("{} could not be collected{}", file, detail);
    if (record->status == snapshot::FileStatus::kNotFound)
      return fmt::format("{} was not collected (AWS answered that it does not exist{})", file, detail);
  }
  return fmt::format("{} was not collected", file);
}

std::optional<int64_t> age_days(const CheckContext& context, const snapshot::Timestamp& when) {
  if (!when.unix_seconds) return std::nullopt;
  return context.days_since(*when.unix_seconds);
}

std::string days_ago(int64_t days) {
  if (days == 0) return "today";
  if (days == 1) return "1 day ago";
  if (days > 1) return fmt::format("{} days ago", days);
  return fmt::format("in {} days (a date in the future)", -days);
}

std::optional<int64_t> summary_value(const snapshot::Account& account, std::string_view key) {
  if (!account.account_summary) return std::nullopt;
  auto it = account.account_summary->find(std::string(key));
  if (it == account.account_summary->end()) return std::nullopt;
  return it->second;
}

bool has_console_password(const snapshot::Account& account, const snapshot::CredentialReportRow& row) {
  if (row.password_enabled) return *row.password_enabled;
  if (row.is_root()) {
    if (std::optional<int64_t> present = summary_value(account, "AccountPasswordPresent")) return *present != 0;
  }
  return true;
}

bool has_active_access_key(const snapshot::CredentialReportRow& row) {
  return row.access_keys[0].active || row.access_keys[1].active;
}

bool root_credentials_management_enabled(const snapshot::Account& account) {
  if (!account.organizations_features) return false;
  const std::vector<std::string>& features = *account.organizations_features;
  return std::find(features.begin(), features.end(), "RootCredentialsManagement") != features.end();
}

const snapshot::CredentialReportRow* root_row(const snapshot::Account& account) {
  return account.credential_report ? account.credential_report->root() : nullptr;
}

std::string root_without_credentials(const snapshot::Account& account, const snapshot::CredentialReportRow& root) {
  if (has_console_password(account, root) || has_active_access_key(root)) return "";
  if (root_credentials_management_enabled(account))
    return "root credentials are centrally managed and removed (RootCredentialsManagement is enabled; the root "
           "user has no console password and no active access key)";
  return "the root user has no console password and no active access key";
}

std::string root_without_credentials_in_summary(const snapshot::Account& account) {
  if (summary_value(account, "AccountPasswordPresent").value_or(1) != 0 ||
      summary_value(account, "AccountAccessKeysPresent").value_or(1) != 0)
    return "";
  if (root_credentials_management_enabled(account))
    return "root credentials are centrally managed and removed (RootCredentialsManagement is enabled; "
           "AccountPasswordPresent and AccountAccessKeysPresent are 0)";
  return "the root user has no console password and no access key (AccountPasswordPresent and "
         "AccountAccessKeysPresent are 0)";
}

std::string describe_root_credentials(const snapshot::Account& account, const snapshot::CredentialReportRow& root) {
  std::vector<std::string> parts;
  if (root.password_enabled.value_or(false)) {
    parts.emplace_back("a console password");
  } else if (!root.password_enabled && has_console_password(account, root)) {
    parts.emplace_back(summary_value(account, "AccountPasswordPresent")
                           ? "a console password (AccountPasswordPresent is 1)"
                           : "a console password (password_enabled is not_supported: assumed present)");
  }
  for (size_t i = 0; i < root.access_keys.size(); ++i)
    if (root.access_keys[i].active) parts.push_back(fmt::format("active access key {}", i + 1));
  return parts.empty() ? std::string("no credentials") : fmt::format("{}", fmt::join(parts, " and "));
}

std::string root_inputs_missing(const snapshot::Account& account, std::string_view summary_key) {
  std::string report = account.credential_report
                           ? fmt::format("{} has no {} row", kReportFile, kRootUser)
                           : input_missing(account, kReportFile);
  std::string summary = account.account_summary ? fmt::format("{} has no {}", kSummaryFile, summary_key)
                                                : input_missing(account, kSummaryFile);
  return report + "; " + summary;
}

std::string describe_access_key(const CheckContext& context, const snapshot::CredentialReportRow& row, size_t index) {
  const snapshot::CredentialKey& key = row.access_keys[index];
  std::optional<int64_t> rotated = age_days(context, key.last_rotated);
  std::optional<int64_t> used = age_days(context, key.last_used_date);
  return fmt::format("access key {} (last rotated {}, {})", index + 1,
                     rotated ? days_ago(*rotated) : key.last_rotated.text,
                     used ? "last used " + days_ago(*used) : std::string("never used"));
}

std::string describe_password(const CheckContext& context, const snapshot::CredentialReportRow& row) {
  std::optional<int64_t> used = age_days(context, row.password_last_used);
  return fmt::format("console password ({}{})", used ? "last used " + days_ago(*used) : std::string("never used"),
                     row.password_enabled ? "" : "; password_enabled is not_supported: assumed present");
}

UserVerdict judge_active_keys(const CheckContext& context, const snapshot::CredentialReportRow& row,
                              AccessKeyJudge judge) {
  std::vector<std::string> failing, unknown, passing;
  for (size_t i = 0; i < row.access_keys.size(); ++i) {
    if (!row.access_keys[i].active) {
      if (row.access_keys[i].last_rotated.unix_seconds)
        passing.push_back(fmt::format("access key {} is inactive (not checked)", i + 1));
      continue;
    }
    KeyResult result = judge(context, row, i);
    (result.kind == KeyResult::Kind::kFail      ? failing
     : result.kind == KeyResult::Kind::kUnknown ? unknown
                                                : passing)
        .push_back(std::move(result.text));
  }
  UserVerdict verdict;
  if (!failing.empty()) {
    verdict.status = Status::kFail;
    verdict.message = fmt::format("{}", fmt::join(failing, "; "));
    verdict.evidence = std::move(passing);
  } else if (!unknown.empty()) {
    verdict.status = Status::kNotEvaluated;
    verdict.message = fmt::format("{} ({})", fmt::join(unknown, "; "), kReportFile);
  } else {
    bool any_active = has_active_access_key(row);
    verdict.message = any_active ? fmt::format("{}", fmt::join(passing, "; "))
                      : passing.empty() ? std::string("no active access key")
                                        : fmt::format("no active access key; {}", fmt::join(passing, "; "));
  }
  return verdict;
}

Finding& at_summary(Finding& finding) {
  finding.resource_name = std::string(kRootUser);
  finding.origin.file = std::string(kSummaryFile);
  return finding;
}

Finding& at_row(Finding& finding, const snapshot::Account& account, const snapshot::CredentialReportRow& row) {
  finding.resource_name = row.user;
  const std::string& file = account.credential_report ? account.credential_report->file : std::string();
  finding.origin.file = file.empty() ? std::string(kReportFile) : file;
  finding.origin.line = row.line;
  return finding;
}

void for_each_report_user(const CheckContext& context, FindingSink& out, ReportRowJudge judge) {
  each_report_user(context, out, [&](const snapshot::CredentialReportRow& row) { return judge(context, row); });
}

void for_each_report_user_key(const CheckContext& context, FindingSink& out, AccessKeyJudge judge) {
  each_report_user(context, out, [&](const snapshot::CredentialReportRow& row) {
    return judge_active_keys(context, row, judge);
  });
}

void for_each_gaad_user(const CheckContext& context, FindingSink& out, GaadUserJudge judge) {
  const snapshot::Account& account = context.account;
  if (!account.iam_present) {
    account_level(account, out.not_evaluated(account_root_arn(account), input_missing(account, kGaadFile)));
    return;
  }
  for (const snapshot::User& user : account.iam.users) {
    UserVerdict verdict = judge(context, user);
    Finding& f = add(out, verdict, user.arn);
    f.resource_name = user.name;
    f.evidence = std::move(verdict.evidence);
    f.origin = user.origin;
  }
  if (account.iam.users.empty())
    account_level(account, out.pass(account_root_arn(account), fmt::format("{} lists no IAM user", kGaadFile)));
}

}  // namespace iamwarden::audit
