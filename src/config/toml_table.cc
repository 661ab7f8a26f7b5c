// TOML table reading shared by the configuration readers (audit/config.cc, lint/config.cc).
#include "config/toml_table.h"

#include <fmt/format.h>

#include <algorithm>

#include "snapshot/timestamp.h"

namespace iamwarden {

Error toml_error(const std::string& file, const toml::source_region& where, std::string message, std::string hint) {
  Error e{ErrorCode::kInvalidInput, std::move(message), {}, std::move(hint)};
  e.loc.file = file;
  e.loc.line = where.begin.line;
  e.loc.column = where.begin.column;
  return e;
}

void TomlTableReader::integer(std::string_view key, int64_t& out, int64_t min, int64_t max) {
  seen_.emplace_back(key);
  const toml::node* node = table_.get(key);
  if (!node || error_) return;
  std::optional<int64_t> v = node->value<int64_t>();
  if (!node->is_integer() || !v || *v < min || *v > max) {
    error_ = toml_error(file_, node->source(), fmt::format("{}.{} must be an integer from {} to {}", name_, key, min, max));
    return;
  }
  out = *v;
}

void TomlTableReader::boolean(std::string_view key, bool& out) {
  seen_.emplace_back(key);
  const toml::node* node = table_.get(key);
  if (!node || error_) return;
  if (!node->is_boolean()) {
    error_ = toml_error(file_, node->source(), fmt::format("{}.{} must be true or false", name_, key));
    return;
  }
  out = *node->value<bool>();
}

void TomlTableReader::string(std::string_view key, std::string& out) {
  seen_.emplace_back(key);
  const toml::node* node = table_.get(key);
  if (!node || error_) return;
  if (!node->is_string()) {
    error_ = toml_error(file_, node->source(), fmt::format("{}.{} must be a string", name_, key));
    return;
  }
  out = *node->value<std::string>();
}

void TomlTableReader::strings(std::string_view key, std::vector<std::string>& out) {
  seen_.emplace_back(key);
  const toml::node* node = table_.get(key);
  if (!node || error_) return;
  const toml::array* array = node->as_array();
  if (!array) {
    error_ = toml_error(file_, node->source(), fmt::format("{}.{} must be an array of strings", name_, key));
    return;
  }
  out.clear();
  for (const toml::node& item : *array) {
    if (!item.is_string()) {
      error_ = toml_error(file_, item.source(), fmt::format("{}.{} must be an array of strings", name_, key));
      return;
    }
    out.push_back(*item.value<std::string>());
  }
}

std::optional<Error> TomlTableReader::finish() {
  if (error_) return error_;
  for (const auto& [key, node] : table_) {
    if (std::find(seen_.begin(), seen_.end(), key.str()) == seen_.end()) {
      std::string where = name_.empty() ? "" : " in [" + name_ + "]";
      return toml_error(file_, key.source(), fmt::format("unknown key \"{}\"{}", key.str(), where),
                        fmt::format("{} lists every configuration key", docs_));
    }
  }
  return std::nullopt;
}

Result<ExemptionTerms> read_exemption_terms(const toml::table& table, TomlTableReader& reader, std::string_view what,
                                            std::string_view noun, const std::string& file) {
  ExemptionTerms terms;
  reader.string("reason", terms.reason);
  reader.known("expires");
  if (std::optional<Error> e = reader.finish()) return *e;
  if (terms.reason.empty())
    return toml_error(file, table.source(), fmt::format("{} needs a \"reason\"", noun),
                      "say why the finding is accepted, so the next reviewer knows");
  if (const toml::node* expires = table.get("expires")) {
    if (const toml::date* d = expires->as_date() ? &expires->as_date()->get() : nullptr) {
      terms.expires_text = fmt::format("{:04}-{:02}-{:02}", d->year, d->month, d->day);
    } else if (expires->is_string()) {
      terms.expires_text = *expires->value<std::string>();
    } else {
      return toml_error(file, expires->source(), fmt::format("{}.expires must be a date (2026-12-31)", what));
    }
    std::optional<int64_t> t = snapshot::parse_timestamp(terms.expires_text);
    if (!t) return toml_error(file, expires->source(), fmt::format("{}.expires must be a date (2026-12-31)", what));
    terms.expires = *t + 86400;  // valid through the whole day it names
  }
  return terms;
}

}  // namespace iamwarden
