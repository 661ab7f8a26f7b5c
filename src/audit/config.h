// Audit configuration: thresholds, password-policy target, frameworks, severity overrides and
// suppressions, read from iamwarden.toml.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "config/exemption.h"

namespace iamwarden::audit {

enum class Severity : uint8_t { kInfo, kLow, kMedium, kHigh, kCritical };

/// "info", "low", "medium", "high", "critical".
std::string_view severity_name(Severity severity);
/// Parses a severity name, ignoring case; nullopt when unknown.
std::optional<Severity> parse_severity(std::string_view name);

/// The password policy the account should have (defaults: common best practice).
struct PasswordTarget {
  int64_t minimum_length = 14;
  bool require_symbols = true;
  bool require_numbers = true;
  bool require_uppercase = true;
  bool require_lowercase = true;
  bool allow_users_to_change = true;
  int64_t max_age_days = 90;       ///< 0: expiry not required
  int64_t reuse_prevention = 5;    ///< 0: not required
};

/// Age limits, in days.
struct Thresholds {
  int64_t access_key_rotation_days = 90;  ///< active keys older than this fail (AWS Config maxAccessKeyAge)
  int64_t access_key_unused_days = 45;    ///< active keys unused (or never used and older) for longer fail
  int64_t password_unused_days = 45;      ///< console passwords unused for longer fail
  int64_t root_usage_days = 30;           ///< root used within this window fails
  int64_t role_unused_days = 90;          ///< roles unused for longer fail
};

/// A suppression: results of `check` for resources matching `resource` become MUTED.
struct Suppression {
  std::string check;      ///< check id, or "*"
  std::string resource;   ///< glob over the resource ARN/id ('*' and '?'); "*" for all
  std::string reason;     ///< required
  std::optional<int64_t> expires;  ///< seconds since the epoch; past it the suppression no longer applies
  std::string expires_text;        ///< as written ("2026-12-31")
};

/// The whole configuration. Defaults make sense without a file.
struct AuditConfig {
  std::string profile = "default";  ///< "default" or "cis" (CIS values: reuse 24, ...)
  std::string file;                 ///< the file it was read from ("" for defaults)
  Thresholds thresholds;
  PasswordTarget password;
  std::vector<std::string> frameworks;  ///< frameworks to report; empty = all
  std::map<std::string, Severity, std::less<>> severity_overrides;  ///< check id -> severity
  std::vector<Suppression> suppressions;
  std::vector<std::string> sensitive_services = {"iam", "kms", "cloudtrail", "organizations", "sts",
                                                 "secretsmanager"};
  std::vector<std::string> enabled_regions;  ///< regions the SCP region guardrail must leave open; empty = any
  bool password_policy_without_users = false;  ///< report password-policy FAILs when there are no IAM users

  // Settings that only framework parameters change (audit/parameters.h); iamwarden's own checks
  // run with these defaults.
  bool exclude_permission_boundary_policies = false;  ///< excludePermissionBoundaryPolicy
  std::vector<std::string> blocked_policy_arns = {"arn:aws:iam::aws:policy/AdministratorAccess"};  ///< policyArns
  std::string support_policy_usage_type = "IAM_ROLE";  ///< policyUsageType: ANY, IAM_USER, IAM_GROUP, IAM_ROLE
  std::string trail_read_write_type;                  ///< readWriteType: "", ALL, ReadOnly, WriteOnly ("": any)
  std::optional<bool> trail_include_management_events;  ///< includeManagementEvents (nullopt: not asked)
  bool root_inactive_keys_count = false;  ///< countInactiveRootKeys: an inactive root key fails too (AWS Config)
};

/// The configuration of a profile ("default" or "cis") without a file.
Result<AuditConfig> default_config(std::string_view profile);

/// Reads an iamwarden.toml. Unknown tables and keys are errors (a typo must not silently change
/// nothing); errors name the file and line:column.
Result<AuditConfig> load_config(const std::string& path);

/// Parses configuration text (`file` is used in messages).
Result<AuditConfig> parse_config(std::string_view text, const std::string& file);

/// Exemption globs ('*' any run, '?' one character), shared with lint's ignores.
using iamwarden::glob_match;

}  // namespace iamwarden::audit
