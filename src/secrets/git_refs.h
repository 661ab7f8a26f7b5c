// The refs whose history `secrets --git` walks, listed one by one so that one broken ref does not hide the rest.
#pragma once

#include <string>
#include <vector>

#include "secrets/git_blobs.h"
#include "secrets/scan.h"

namespace iamwarden::secrets {

/// A ref and the object id it resolves to.
struct RefTip {
  std::string name;  ///< "refs/heads/main" (untrusted: a file name)
  ObjectId oid{};
};

/// Every ref of repo: loose ref files under refs/ (walked without following symlinks) and the lines of
/// packed-refs (a loose ref overrides a packed one). A ref that cannot be resolved (garbage in its file, a
/// malformed packed-refs line, a symlink) is listed in result.unread as bad_ref; the others are returned, sorted
/// by name. Whether each object exists is the caller's check.
std::vector<RefTip> list_ref_tips(git_repository* repo, ScanResult& result);

}  // namespace iamwarden::secrets
