// Access levels of AWS actions, as the Service Authorization Reference classifies them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace iamwarden::catalog {

/// What an action can do: List, Read, Write, Permissions management or Tagging.
enum class AccessLevel : uint8_t { kList, kRead, kWrite, kPermissionsManagement, kTagging };

/// AWS's label for a level ("Permissions management").
std::string_view access_level_name(AccessLevel level);

/// Parses a level name ignoring case; '-' and '_' may stand for the space ("permissions-management").
std::optional<AccessLevel> parse_access_level(std::string_view text);

/// Parses the one-letter code used in data/catalog.json (L, R, W, P, T).
std::optional<AccessLevel> access_level_from_code(char code);

}  // namespace iamwarden::catalog
