// What every exemption in iamwarden.toml has (audit [[suppress]], [lint] ignore): a reason, an
// optional expiry, and globs over ids and names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iamwarden {

/// An exemption's required reason and optional expiry.
struct ExemptionTerms {
  std::string reason;
  std::optional<int64_t> expires;  ///< seconds since the epoch; past it the exemption no longer applies
  std::string expires_text;        ///< as written ("2026-12-31")

  bool expired_at(int64_t now) const { return expires && now >= *expires; }
};

/// True when a glob ('*' any run, '/' included; '?' one character) matches the whole text.
bool glob_match(std::string_view glob, std::string_view text);

}  // namespace iamwarden
