// Reading iamwarden.toml with toml++; every key is checked, unknown ones are errors.
#include "audit/config.h"

#include <fmt/format.h>

#include <algorithm>
#include <toml++/toml.h>

#include "base/files.h"
#include "eval/context.h"
#include "snapshot/timestamp.h"

namespace iamwarden::audit {
namespace {

Error config_error(const std::string& file, const toml::source_region& where, std::string message,
                   std::string hint = {}) {
  Error e{ErrorCode::kInvalidInput, std::move(message), {}, std::move(hint)};
  e.loc.file = file;
  e.loc.line = where.begin.line;
  e.loc.column = where.begin.column;
  return e;
}

// Reads the keys of one table into fields; collects the first error.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string name, const std::string& file)
      : table_(table), name_(std::move(name)), file_(file) {}

  void integer(std::string_view key, int64_t& out, int64_t min, int64_t max) {
    seen_.push_back(std::string(key));
    const toml::node* node = table_.get(key);
    if (!node || error_) return;
    std::optional<int64_t> v = node->value<int64_t>();
    if (!node->is_integer() || !v || *v < min || *v > max) {
      error_ = config_error(file_, node->source(), fmt::format("{}.{} must be an integer from {} to {}", name_, key, min, max));
      return;
    }
    out = *v;
  }
  void boolean(std::string_view key, bool& out) {
    seen_.push_back(std::string(key));
    const toml::node* node = table_.get(key);
    if (!node || error_) return;
    if (!node->is_boolean()) {
      error_ = config_error(file_, node->source(), fmt::format("{}.{} must be true or false", name_, key));
      return;
    }
    out = *node->value<bool>();
  }
  void string(std::string_view key, std::string& out) {
    seen_.push_back(std::string(key));
    const toml::node* node = table_.get(key);
    if (!node || error_) return;
    if (!node->is_string()) {
      error_ = config_error(file_, node->source(), fmt::format("{}.{} must be a string", name_, key));
      return;
    }
    out = *node->value<std::string>();
  }
  void strings(std::string_view key, std::vector<std::string>& out) {
    seen_.push_back(std::string(key));
    const toml::node* node = table_.get(key);
    if (!node || error_) return;
    const toml::array* array = node->as_array();
    if (!array) {
      error_ = config_error(file_, node->source(), fmt::format("{}.{} must be an array of strings", name_, key));
      return;
    }
    out.clear();
    for (const toml::node& item : *array) {
      if (!item.is_string()) {
        error_ = config_error(file_, item.source(), fmt::format("{}.{} must be an array of strings", name_, key));
        return;
      }
      out.push_back(*item.value<std::string>());
    }
  }
  /// Marks a key as known without reading it (handled by the caller).
  void known(std::string_view key) { seen_.push_back(std::string(key)); }

  /// The first error, or an error for the first key no reader asked for.
  std::optional<Error> finish() {
    if (error_) return error_;
    for (const auto& [key, node] : table_) {
      if (std::find(seen_.begin(), seen_.end(), key.str()) == seen_.end()) {
        std::string where = name_.empty() ? "" : " in [" + name_ + "]";
        return config_error(file_, key.source(), fmt::format("unknown key \"{}\"{}", key.str(), where),
                            "docs/audit.md lists every configuration key");
      }
    }
    return std::nullopt;
  }

 private:
  const toml::table& table_;
  std::string name_;
  const std::string& file_;
  std::vector<std::string> seen_;
  std::optional<Error> error_;
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
    reader.string("reason", s.reason);
    reader.known("expires");
    if (std::optional<Error> e = reader.finish()) return e;
    if (s.check.empty())
      return config_error(file, item.source(), "a suppression needs \"check\" (a check id, or \"*\")");
    if (s.reason.empty())
      return config_error(file, item.source(), "a suppression needs a \"reason\"",
                          "say why the finding is accepted, so the next reviewer knows");
    if (const toml::node* expires = table->get("expires")) {
      if (const toml::date* d = expires->as_date() ? &expires->as_date()->get() : nullptr) {
        s.expires_text = fmt::format("{:04}-{:02}-{:02}", d->year, d->month, d->day);
      } else if (expires->is_string()) {
        s.expires_text = *expires->value<std::string>();
      } else {
        return config_error(file, expires->source(), "suppress.expires must be a date (2026-12-31)");
      }
      std::optional<int64_t> t = snapshot::parse_timestamp(s.expires_text);
      if (!t) return config_error(file, expires->source(), "suppress.expires must be a date (2026-12-31)");
      s.expires = *t + 86400;  // valid through the whole day it names
    }
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
  for (std::string_view table : {"thresholds", "password_policy", "severity", "suppress"}) top.known(table);
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

bool glob_match(std::string_view glob, std::string_view text) {
  size_t g = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (g < glob.size() && (glob[g] == '?' || glob[g] == text[t])) {
      ++g, ++t;
    } else if (g < glob.size() && glob[g] == '*') {
      star = g++;
      mark = t;
    } else if (star != std::string_view::npos) {
      g = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

}  // namespace iamwarden::audit
