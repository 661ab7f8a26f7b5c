// Ref listing without git_revwalk_push_glob, which gives up at the first ref it cannot resolve, and without
// libgit2's ref iterator, which silently passes over loose ref files it cannot parse.
#include "secrets/git_refs.h"

#include <dirent.h>
#include <fmt/format.h>
#include <git2.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>

#include "base/files.h"

namespace iamwarden::secrets {
namespace {

Unread bad_ref(std::string name, std::string detail) { return Unread{std::move(name), "bad_ref", std::move(detail)}; }

// Names ("refs/...") of the files under common_dir/refs, depth first with an explicit stack.
std::vector<std::string> loose_ref_names(const std::string& common_dir, ScanResult& result) {
  std::vector<std::string> names;
  std::vector<std::string> pending{"refs"};
  while (!pending.empty()) {
    std::string rel = std::move(pending.back());
    pending.pop_back();
    std::string dir = common_dir + rel;
    std::unique_ptr<DIR, int (*)(DIR*)> handle(::opendir(dir.c_str()), ::closedir);
    if (!handle) {
      if (rel != "refs" || errno != ENOENT)
        result.unread.push_back(bad_ref(rel, fmt::format("cannot list ref directory: {}", std::strerror(errno))));
      continue;
    }
    while (dirent* e = ::readdir(handle.get())) {
      std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      std::string child = rel + "/" + name;
      struct stat st;
      if (::lstat((common_dir + child).c_str(), &st) != 0) {
        result.unread.push_back(bad_ref(child, fmt::format("cannot stat ref: {}", std::strerror(errno))));
      } else if (S_ISDIR(st.st_mode)) {
        pending.push_back(std::move(child));
      } else if (S_ISREG(st.st_mode)) {
        if (!name.ends_with(".lock")) names.push_back(std::move(child));  // a concurrent git's lock file
      } else {
        result.unread.push_back(bad_ref(child, "not a regular file (a symlink is not followed): not resolved"));
      }
    }
  }
  return names;
}

// Refs of common_dir/packed-refs ("<40 hex> <name>" lines; '#' header, '^' peeled tag lines), by name.
std::map<std::string, ObjectId> packed_refs(const std::string& common_dir, ScanResult& result) {
  std::map<std::string, ObjectId> out;
  std::string file = common_dir + "packed-refs";
  struct stat st;
  if (::lstat(file.c_str(), &st) != 0) return out;  // no packed refs
  Result<std::string> text = read_file(file);
  if (!text) {
    result.unread.push_back(bad_ref("packed-refs", text.error().message));
    return out;
  }
  std::string_view rest = *text;
  for (uint32_t number = 1; !rest.empty(); ++number) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (line.empty() || line.front() == '#' || line.front() == '^') continue;
    git_oid oid;
    if (line.size() < GIT_OID_HEXSZ + 2 || line[GIT_OID_HEXSZ] != ' ' ||
        git_oid_fromstrn(&oid, line.data(), GIT_OID_HEXSZ) != 0) {
      result.unread.push_back(bad_ref(fmt::format("packed-refs:{}", number), "malformed line (not \"<id> <ref>\")"));
      continue;
    }
    ObjectId id;
    std::memcpy(id.data(), oid.id, id.size());
    out[std::string(line.substr(GIT_OID_HEXSZ + 1))] = id;
  }
  return out;
}

}  // namespace

std::vector<RefTip> list_ref_tips(git_repository* repo, ScanResult& result) {
  std::string common_dir = git_repository_commondir(repo);
  if (!common_dir.empty() && common_dir.back() != '/') common_dir += '/';
  std::map<std::string, ObjectId> tips = packed_refs(common_dir, result);
  for (const std::string& name : loose_ref_names(common_dir, result)) {
    git_oid oid;
    if (git_reference_name_to_id(&oid, repo, name.c_str()) != 0) {
      tips.erase(name);  // a broken loose file hides its packed value from git too
      const git_error* e = git_error_last();
      result.unread.push_back(bad_ref(name, fmt::format("cannot resolve ref: {}",
                                                        e && e->message ? e->message : "unknown libgit2 error")));
      continue;
    }
    std::memcpy(tips[name].data(), oid.id, GIT_OID_RAWSZ);
  }
  std::vector<RefTip> out;
  for (auto& [name, oid] : tips) out.push_back(RefTip{name, oid});
  return out;
}

}  // namespace iamwarden::secrets
