// Reading inputs and writing outputs atomically.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace iamwarden {

/// Largest input file read whole (larger files are refused with a clear error).
inline constexpr size_t kMaxInputBytes = size_t{1} << 30;

/// Reads a whole file; "-" reads standard input.
Result<std::string> read_file(const std::string& path);

/// Writes data to path through a temporary file in the same directory and a rename.
Result<void> write_file_atomic(const std::string& path, std::string_view data);

/// Regular files under dir (recursively) whose name ends with suffix, sorted.
Result<std::vector<std::string>> list_files(const std::string& dir, std::string_view suffix);

}  // namespace iamwarden
