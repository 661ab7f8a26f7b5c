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

/// Reads a whole file named by the user; "-" reads standard input. A symlink or a pipe named
/// explicitly is followed/read (the user chose it); a directory or device is refused.
Result<std::string> read_file(const std::string& path);

/// Reads a whole file found by walking a tree: a symlink is refused (O_NOFOLLOW), and so is
/// anything but a regular file (FIFOs are never opened blocking).
Result<std::string> read_tree_file(const std::string& path);

/// Writes data to path through a unique temporary file created with O_EXCL in the same
/// directory (never a predictable name a planted symlink could redirect), fsync, then rename.
Result<void> write_file_atomic(const std::string& path, std::string_view data);

/// Regular files under dir (recursively) whose name ends with suffix, sorted. Symlinks are never
/// followed, neither to files nor to directories; when skipped is given, the symlinks and other
/// non-regular entries whose name ends with suffix are listed there so callers can report them.
Result<std::vector<std::string>> list_files(const std::string& dir, std::string_view suffix,
                                            std::vector<std::string>* skipped = nullptr);

}  // namespace iamwarden
