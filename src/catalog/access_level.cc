// Names and codes of access levels.
#include "catalog/access_level.h"

#include <array>
#include <cctype>

namespace iamwarden::catalog {
namespace {

constexpr std::array<std::string_view, 5> kNames{"List", "Read", "Write", "Permissions management", "Tagging"};

bool same_level_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i])));
    char y = static_cast<char>(std::tolower(static_cast<unsigned char>(b[i])));
    if (x == '-' || x == '_') x = ' ';
    if (x != y) return false;
  }
  return true;
}

}  // namespace

std::string_view access_level_name(AccessLevel level) { return kNames[static_cast<size_t>(level)]; }

std::optional<AccessLevel> parse_access_level(std::string_view text) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (same_level_text(text, kNames[i])) return static_cast<AccessLevel>(i);
  return std::nullopt;
}

std::optional<AccessLevel> access_level_from_code(char code) {
  switch (code) {
    case 'L': return AccessLevel::kList;
    case 'R': return AccessLevel::kRead;
    case 'W': return AccessLevel::kWrite;
    case 'P': return AccessLevel::kPermissionsManagement;
    case 'T': return AccessLevel::kTagging;
    default: return std::nullopt;
  }
}

}  // namespace iamwarden::catalog
