// UTF-8 validation with the position of the first bad byte (simdjson only says "invalid").
#pragma once

#include <cstddef>
#include <string_view>

namespace iamwarden {

/// Offset of the first byte that is not part of valid UTF-8, or npos when all is valid.
size_t first_invalid_utf8(std::string_view text);

}  // namespace iamwarden
