// ASCII case folding for identifiers AWS compares case-insensitively (actions, condition keys, hosts).
#pragma once

#include <algorithm>
#include <string_view>

namespace iamwarden {

inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// a == b ignoring ASCII case.
inline bool ascii_iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

}  // namespace iamwarden
