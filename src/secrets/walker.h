// Lists the files to scan under the given paths: .gitignore honoured, .git and symlinks skipped; iterative, so
// the depth of a tree cannot exhaust the stack.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/result.h"
#include "secrets/scan.h"

namespace iamwarden::secrets {

/// What the walk left out.
struct WalkResult {
  std::vector<Error> errors;   ///< missing paths, unreadable directories, entries whose type cannot be read
  std::vector<Unread> unread;  ///< entries skipped as neither file nor directory (sockets, fifos, devices)
  uint64_t ignored = 0;        ///< files and directories excluded by .gitignore
  uint64_t symlinks = 0;       ///< symbolic links inside directories (never followed)
};

/// Called with each file to scan, in a stable order.
using FileSink = std::function<void(std::string)>;

/// Walks paths (files or directories), passing each file to sink. Paths named explicitly are taken even when ignored or symlinks;
/// inside directories, symlinks are not followed, .git is skipped, and with honour_ignore the .gitignore
/// files of the directory, its ancestors up to the repository top and .git/info/exclude apply.
WalkResult walk_paths(const std::vector<std::string>& paths, bool honour_ignore, const FileSink& sink);

}  // namespace iamwarden::secrets
