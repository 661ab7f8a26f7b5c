// The parameter table: framework parameter names and the configuration settings they change.
#include "audit/parameters.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>

namespace iamwarden::audit {
namespace {

std::optional<int64_t> integer(std::string_view text, int64_t min, int64_t max) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < min || v > max) return std::nullopt;
  return v;
}

// AWS Config takes booleans as the lowercase words; the data files must use exactly those.
std::optional<bool> boolean(std::string_view text) {
  if (text == "true") return true;
  if (text == "false") return false;
  return std::nullopt;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "a, b,c" -> {"a", "b", "c"}; empty items are an error (nullopt).
std::optional<std::vector<std::string>> comma_list(std::string_view text) {
  std::vector<std::string> out;
  while (true) {
    size_t comma = text.find(',');
    std::string_view item = trim(text.substr(0, comma));
    if (item.empty()) return std::nullopt;
    out.emplace_back(item);
    if (comma == std::string_view::npos) return out;
    text.remove_prefix(comma + 1);
  }
}

std::string text_of(bool b) { return b ? "true" : "false"; }

template <int64_t Min, int64_t Max, int64_t PasswordTarget::*Field>
bool set_password_int(AuditConfig& c, std::string_view v) {
  std::optional<int64_t> n = integer(v, Min, Max);
  if (n) c.password.*Field = *n;
  return n.has_value();
}
template <int64_t PasswordTarget::*Field>
std::string read_password_int(const AuditConfig& c) { return std::to_string(c.password.*Field); }

template <bool PasswordTarget::*Field>
bool set_password_flag(AuditConfig& c, std::string_view v) {
  std::optional<bool> b = boolean(v);
  if (b) c.password.*Field = *b;
  return b.has_value();
}
template <bool PasswordTarget::*Field>
std::string read_password_flag(const AuditConfig& c) { return text_of(c.password.*Field); }

bool set_key_age(AuditConfig& c, std::string_view v) {
  std::optional<int64_t> n = integer(v, 1, 3650);
  if (n) c.thresholds.access_key_rotation_days = *n;
  return n.has_value();
}
std::string read_key_age(const AuditConfig& c) { return std::to_string(c.thresholds.access_key_rotation_days); }

// maxCredentialUsageAge covers passwords and access keys alike.
bool set_usage_age(AuditConfig& c, std::string_view v) {
  std::optional<int64_t> n = integer(v, 1, 3650);
  if (n) c.thresholds.access_key_unused_days = c.thresholds.password_unused_days = *n;
  return n.has_value();
}
std::string read_usage_age(const AuditConfig& c) {
  return fmt::format("{}/{}", c.thresholds.access_key_unused_days, c.thresholds.password_unused_days);
}

bool set_exclude_boundaries(AuditConfig& c, std::string_view v) {
  std::optional<bool> b = boolean(v);
  if (b) c.exclude_permission_boundary_policies = *b;
  return b.has_value();
}
std::string read_exclude_boundaries(const AuditConfig& c) { return text_of(c.exclude_permission_boundary_policies); }

bool set_policy_arns(AuditConfig& c, std::string_view v) {
  std::optional<std::vector<std::string>> list = comma_list(v);
  if (list) c.blocked_policy_arns = std::move(*list);
  return list.has_value();
}
std::string read_policy_arns(const AuditConfig& c) { return fmt::format("{}", fmt::join(c.blocked_policy_arns, ",")); }

// iam_support_role_created is about AWSSupportAccess only: the parameter must name it.
bool check_support_policy(AuditConfig&, std::string_view v) {
  constexpr std::string_view kSuffix = ":iam::aws:policy/AWSSupportAccess";
  return v.starts_with("arn:") && v.ends_with(kSuffix);
}
std::string read_support_policy(const AuditConfig&) { return "AWSSupportAccess"; }

bool set_usage_type(AuditConfig& c, std::string_view v) {
  for (std::string_view t : {"ANY", "IAM_USER", "IAM_GROUP", "IAM_ROLE"}) {
    if (v != t) continue;
    c.support_policy_usage_type = std::string(v);
    return true;
  }
  return false;
}
std::string read_usage_type(const AuditConfig& c) { return c.support_policy_usage_type; }

bool set_read_write_type(AuditConfig& c, std::string_view v) {
  for (std::string_view t : {"ALL", "ReadOnly", "WriteOnly"}) {
    if (v != t) continue;
    c.trail_read_write_type = std::string(v);
    return true;
  }
  return false;
}
std::string read_read_write_type(const AuditConfig& c) { return c.trail_read_write_type; }

bool set_include_management(AuditConfig& c, std::string_view v) {
  std::optional<bool> b = boolean(v);
  if (b) c.trail_include_management_events = *b;
  return b.has_value();
}
std::string read_include_management(const AuditConfig& c) {
  return c.trail_include_management_events ? text_of(*c.trail_include_management_events) : "";
}

bool set_inactive_root_keys(AuditConfig& c, std::string_view v) {
  std::optional<bool> b = boolean(v);
  if (b) c.root_inactive_keys_count = *b;
  return b.has_value();
}
std::string read_inactive_root_keys(const AuditConfig& c) { return text_of(c.root_inactive_keys_count); }

bool set_without_users(AuditConfig& c, std::string_view v) {
  std::optional<bool> b = boolean(v);
  if (b) c.password_policy_without_users = *b;
  return b.has_value();
}
std::string read_without_users(const AuditConfig& c) { return text_of(c.password_policy_without_users); }

constexpr std::string_view kBool = "true or false";

// Sorted by name (find_parameter searches it in order).
const ParameterDef kParameters[] = {
    {"MaxPasswordAge", "password_policy.max_age_days", "an integer from 0 to 1095",
     set_password_int<0, 1095, &PasswordTarget::max_age_days>, read_password_int<&PasswordTarget::max_age_days>},
    {"MinimumPasswordLength", "password_policy.minimum_length", "an integer from 6 to 128",
     set_password_int<6, 128, &PasswordTarget::minimum_length>, read_password_int<&PasswordTarget::minimum_length>},
    {"PasswordReusePrevention", "password_policy.reuse_prevention", "an integer from 0 to 24",
     set_password_int<0, 24, &PasswordTarget::reuse_prevention>,
     read_password_int<&PasswordTarget::reuse_prevention>},
    {"RequireLowercaseCharacters", "password_policy.require_lowercase", kBool,
     set_password_flag<&PasswordTarget::require_lowercase>, read_password_flag<&PasswordTarget::require_lowercase>},
    {"RequireNumbers", "password_policy.require_numbers", kBool, set_password_flag<&PasswordTarget::require_numbers>,
     read_password_flag<&PasswordTarget::require_numbers>},
    {"RequireSymbols", "password_policy.require_symbols", kBool, set_password_flag<&PasswordTarget::require_symbols>,
     read_password_flag<&PasswordTarget::require_symbols>},
    {"RequireUppercaseCharacters", "password_policy.require_uppercase", kBool,
     set_password_flag<&PasswordTarget::require_uppercase>, read_password_flag<&PasswordTarget::require_uppercase>},
    {"countInactiveRootKeys", "iam_no_root_access_key: an inactive root access key fails too", kBool,
     set_inactive_root_keys, read_inactive_root_keys},
    {"excludePermissionBoundaryPolicy", "policies used only as permissions boundaries are skipped", kBool,
     set_exclude_boundaries, read_exclude_boundaries},
    {"includeManagementEvents", "the trail must (true) or must not (false) include management events", kBool,
     set_include_management, read_include_management},
    {"maxAccessKeyAge", "thresholds.access_key_rotation_days", "an integer from 1 to 3650", set_key_age,
     read_key_age},
    {"maxCredentialUsageAge", "thresholds.access_key_unused_days and thresholds.password_unused_days",
     "an integer from 1 to 3650", set_usage_age, read_usage_age},
    {"password_policy_without_users", "password_policy_without_users", kBool, set_without_users, read_without_users},
    {"policyARN", "the policy iam_support_role_created looks for", "the ARN of AWSSupportAccess",
     check_support_policy, read_support_policy},
    {"policyArns", "the managed policies iam_listed_policies_not_attached looks for",
     "a comma-separated list of policy ARNs", set_policy_arns, read_policy_arns},
    {"policyUsageType", "who must have the policy attached", "ANY, IAM_USER, IAM_GROUP or IAM_ROLE", set_usage_type,
     read_usage_type},
    {"readWriteType", "which management events the trail must record", "ALL, ReadOnly or WriteOnly",
     set_read_write_type, read_read_write_type},
};

}  // namespace

std::span<const ParameterDef> all_parameters() { return kParameters; }

const ParameterDef* find_parameter(std::string_view name) {
  for (const ParameterDef& p : kParameters)
    if (p.name == name) return &p;
  return nullptr;
}

AuditConfig parameterized_config(const AuditConfig& base,
                                 std::span<const std::pair<std::string, std::string>> parameters) {
  AuditConfig config = base;
  // A framework's password requirement is not met by an account without console users.
  config.password_policy_without_users = true;
  for (const auto& [name, value] : parameters)
    if (const ParameterDef* p = find_parameter(name)) p->apply(config, value);
  return config;
}

std::string parameter_key(std::span<const std::string_view> honoured, const AuditConfig& config) {
  std::string key;
  for (std::string_view name : honoured) {
    const ParameterDef* p = find_parameter(name);
    key += fmt::format("{}={};", name, p ? p->read(config) : "?");
  }
  return key;
}

}  // namespace iamwarden::audit
