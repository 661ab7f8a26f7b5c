// Reading iamwarden.toml with toml++; every key is checked, unknown ones are errors.
#include "audit/config.h"

#include <fmt/format.h>

#include <algorithm>
#include <toml++/toml.h>

#include "base/files.h"
#include "config/toml_table.h"
#include "eval/context.h"

namespace iamwarden::audit {
namespace {

Error config_error(const std::string& file, const toml::source_region& where, std::string message,
                   std::string hint = {}) {
  return toml_error(file, where, std::move(message), std::move(hint));
}

// Every audit table's unknown keys point at docs/audit.md.
class TableReader : public TomlTableReader {
 public:
  TableReader(const toml::table& table, std::string name, const std::string& file)
      : TomlTableReader(table, std::move(name), file, "docs/audit.md") {}
};

std::optional<Error> read_suppressions(const toml::node& node, const std::string& file, AuditConfig& config) {
  const toml::array* array = node.as_array();
  if (!array)
    return config_error(file, node.source(), "suppress must be an array of tables ([[suppress]])");
  for (const toml::node& item : *array) {
    const toml::table* table = item.as_table();
    if (!table) return config_error(file, item.source(), "each [[suppress]] entry must be a table");
    Suppression s;
    s.resource = "*";
    TableReader reader(*table, "suppress", file);
    reader.string("check", s.check);
    reader.string("resource", s.resource);
    if (s.check.empty())
      return config_error(file, item.source(), "a suppression needs \"check\" (a check id, or \"*\")");
    Result<ExemptionTerms> terms = read_exemption_terms(*table, reader, "suppress", "a suppression", file);
    if (!terms) return terms.error();
    s.reason = std::move(terms->reason);
    s.expires = terms->expires;
    s.expires_text = std::move(terms->expires_text);
    config.suppressions.push_back(std::move(s));
  }
  return std::nullopt;
}

}  // namespace

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::kInfo: return "info";
    case Severity::kLow: return "low";
    case Severity::kMedium: return "medium";
    case Severity::kHigh: return "high";
    case Severity::kCritical: return "critical";
  }
  return "?";
}

std::optional<Severity> parse_severity(std::string_view name) {
  std::string lower = eval::fold_case(name);
  for (Severity s : {Severity::kInfo, Severity::kLow, Severity::kMedium, Severity::kHigh, Severity::kCritical})
    if (severity_name(s) == lower) return s;
  return std::nullopt;
}

Result<AuditConfig> default_config(std::string_view profile) {
  AuditConfig config;
  if (profile == "default") return config;
  if (profile == "cis") {
    // CIS AWS Foundations v7.0: 2.8 length 14, 2.9 reuse 24, 2.11 unused 45 days, 2.12 rotation 90 days.
    config.profile = "cis";
    config.password.reuse_prevention = 24;
    config.password.max_age_days = 0;  // CIS no longer asks for expiry
    return config;
  }
  return Error{ErrorCode::kUsage, fmt::format("unknown profile \"{}\"", profile), {}, "profiles: default, cis"};
}

Result<AuditConfig> parse_config(std::string_view text, const std::string& file) {
  // Debian's toml++ is built with exceptions: parse errors arrive as toml::parse_error.
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& err) {
    return config_error(file, err.source(), std::string(err.description()));
  }
  std::string profile = "default";
  if (const toml::node* p = root.get("profile")) {
    if (!p->is_string()) return config_error(file, p->source(), "profile must be \"default\" or \"cis\"");
    profile = *p->value<std::string>();
  }
  Result<AuditConfig> base = default_config(profile);
  if (!base) {
    Error e = base.error();
    e.loc.file = file;
    e.loc.line = root.get("profile")->source().begin.line;
    e.loc.column = root.get("profile")->source().begin.column;
    return e;
  }
  AuditConfig config = base.take();
  config.file = file;

  TableReader top(root, "", file);
  top.known("profile");
  top.strings("frameworks", config.frameworks);
  top.strings("sensitive_services", config.sensitive_services);
  top.strings("enabled_regions", config.enabled_regions);
  top.boolean("password_policy_without_users", config.password_policy_without_users);
  // [lint] belongs to lint (lint/config.h), which reads the same file.
  for (std::string_view table : {"thresholds", "password_policy", "severity", "suppress", "lint"}) top.known(table);
  if (std::optional<Error> e = top.finish()) return *e;

  if (const toml::node* node = root.get("thresholds")) {
    const toml::table* t = node->as_table();
    if (!t) return config_error(file, node->source(), "thresholds must be a table");
    TableReader r(*t, "thresholds", file);
    r.integer("access_key_rotation_days", config.thresholds.access_key_rotation_days, 1, 3650);
    r.integer("access_key_unused_days", config.thresholds.access_key_unused_days, 1, 3650);
    r.integer("password_unused_days", config.thresholds.password_unused_days, 1, 3650);
    r.integer("root_usage_days", config.thresholds.root_usage_days, 1, 3650);
    r.integer("role_unused_days", config.thresholds.role_unused_days, 1, 3650);
    if (std::optional<Error> e = r.finish()) return *e;
  }
  if (const toml::node* node = root.get("password_policy")) {
    const toml::table* t = node->as_table();
    if (!t) return config_error(file, node->source(), "password_policy must be a table");
    TableReader r(*t, "password_policy", file);
    r.integer("minimum_length", config.password.minimum_length, 6, 128);
    r.boolean("require_symbols", config.password.require_symbols);
    r.boolean("require_numbers", config.password.require_numbers);
    r.boolean("require_uppercase", config.password.require_uppercase);
    r.boolean("require_lowercase", config.password.require_lowercase);
    r.boolean("allow_users_to_change", config.password.allow_users_to_change);
    r.integer("max_age_days", config.password.max_age_days, 0, 1095);
    r.integer("reuse_prevention", config.password.reuse_prevention, 0, 24);
    if (std::optional<Error> e = r.finish()) return *e;
  }
  if (const toml::node* node = root.get("severity")) {
    const toml::table* t = node->as_table();
    if (!t) return config_error(file, node->source(), "severity must be a table of check id = \"level\"");
    for (const auto& [key, value] : *t) {
      std::optional<std::string> name = value.value<std::string>();
      std::optional<Severity> s = name ? parse_severity(*name) : std::nullopt;
      if (!value.is_string() || !s)
        return config_error(file, value.source(), fmt::format("severity.{} must be one of info, low, medium, high, critical", key.str()));
      config.severity_overrides[std::string(key.str())] = *s;
    }
  }
  if (const toml::node* node = root.get("suppress")) {
    if (std::optional<Error> e = read_suppressions(*node, file, config)) return *e;
  }
  return config;
}

Result<AuditConfig> load_config(const std::string& path) {
  Result<std::string> text = read_file(path);
  if (!text) return text.error();
  return parse_config(*text, path);
}

}  // namespace iamwarden::audit
