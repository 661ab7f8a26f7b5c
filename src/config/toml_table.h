// Reading tables of iamwarden.toml with toml++: typed keys, unknown keys as located errors, and the
// reason/expiry rules every exemption (audit suppressions, lint ignores) follows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

#include "base/result.h"
#include "config/exemption.h"

namespace iamwarden {

/// A configuration error at a TOML source position.
Error toml_error(const std::string& file, const toml::source_region& where, std::string message, std::string hint = {});

/// Reads the keys of one table into fields; collects the first error; finish() refuses unknown keys.
class TomlTableReader {
 public:
  TomlTableReader(const toml::table& table, std::string name, const std::string& file, std::string_view docs)
      : table_(table), name_(std::move(name)), file_(file), docs_(docs) {}

  void integer(std::string_view key, int64_t& out, int64_t min, int64_t max);
  void boolean(std::string_view key, bool& out);
  void string(std::string_view key, std::string& out);
  void strings(std::string_view key, std::vector<std::string>& out);
  /// Marks a key as known without reading it (handled by the caller).
  void known(std::string_view key) { seen_.emplace_back(key); }
  /// The first error, or an error for the first key no reader asked for.
  std::optional<Error> finish();

 private:
  const toml::table& table_;
  std::string name_;
  const std::string& file_;
  std::string_view docs_;
  std::vector<std::string> seen_;
  std::optional<Error> error_;
};

/// Reads "reason" (required) and "expires" of an exemption table (`what` is its key path in messages,
/// "suppress" or "lint.ignore", `noun` its name, "a suppression"); the reader must already have been given the table's other keys.
Result<ExemptionTerms> read_exemption_terms(const toml::table& table, TomlTableReader& reader, std::string_view what,
                                            std::string_view noun, const std::string& file);

}  // namespace iamwarden
