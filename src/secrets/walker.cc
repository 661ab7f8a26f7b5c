// Directory walking with readdir (d_type avoids a stat per file) and a stack of .gitignore patterns.
#include "secrets/walker.h"

#include <dirent.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include "base/files.h"
#include "secrets/gitignore.h"

namespace iamwarden::secrets {
namespace {

namespace fs = std::filesystem;

Error walk_error(const std::string& path, std::string message) {
  return Error{ErrorCode::kIo, std::move(message), SourceLoc{path, 0, 0, ""}, ""};
}

class Walker {
 public:
  Walker(WalkResult& out, bool honour_ignore, const FileSink& sink) : out_(out), honour_(honour_ignore), sink_(sink) {}

  // Walks a directory named on the command line; rel is its path relative to the repository top.
  void walk_root(const std::string& dir) {
    ignore_ = IgnoreStack();
    std::string rel;
    if (honour_) rel = load_ancestor_ignores(dir);
    walk(dir, rel);
  }

 private:
  // Loads .git/info/exclude and the .gitignore files above dir, up to the repository top; returns dir's
  // path relative to that top ("" or "a/b/").
  std::string load_ancestor_ignores(const std::string& dir) {
    std::error_code ec;
    fs::path abs = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    if (ec) return "";
    fs::path top = abs;
    while (!fs::exists(top / ".git", ec)) {
      if (!top.has_parent_path() || top.parent_path() == top) return "";  // not in a repository
      top = top.parent_path();
    }
    add_ignore_file((top / ".git" / "info" / "exclude").string(), "");
    std::string rel;
    for (const fs::path& part : fs::relative(abs, top, ec)) {
      if (part == ".") break;
      add_ignore_file((top / rel / ".gitignore").string(), rel);
      rel += part.string() + "/";
    }
    return rel;
  }

  void add_ignore_file(const std::string& path, const std::string& base) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
    Result<std::string> text = read_file(path);
    if (!text) {
      out_.errors.push_back(text.error());
      return;
    }
    ignore_.push(*text, base);
  }

  static std::string join(const std::string& dir, const std::string& name) {
    if (dir == "." || dir == "./") return name;
    return dir.back() == '/' ? dir + name : dir + "/" + name;
  }

  // One directory being listed: its sorted entries, the next one to visit, and the ignore patterns to drop
  // when leaving it.
  struct Frame {
    std::string dir;
    std::string rel;
    std::vector<std::pair<std::string, unsigned char>> entries;
    size_t next = 0;
    size_t ignore_mark = 0;
  };

  // Reads dir's entries and .gitignore into a new frame on the stack; false when it cannot be opened.
  bool enter(const std::string& dir, const std::string& rel, std::vector<Frame>& stack) {
    std::unique_ptr<DIR, int (*)(DIR*)> handle(::opendir(dir.c_str()), ::closedir);
    if (!handle) {
      out_.errors.push_back(walk_error(dir, fmt::format("cannot open directory: {}", std::strerror(errno))));
      return false;
    }
    Frame frame{dir, rel, {}, 0, ignore_.size()};
    while (dirent* e = ::readdir(handle.get())) {
      std::string name = e->d_name;
      if (name == "." || name == ".." || name == ".git") continue;
      frame.entries.emplace_back(std::move(name), e->d_type);
    }
    handle.reset();
    std::sort(frame.entries.begin(), frame.entries.end());
    auto gitignore = std::lower_bound(frame.entries.begin(), frame.entries.end(),
                                      std::make_pair(std::string(".gitignore"), '\0'),
                                      [](const auto& a, const auto& b) { return a.first < b.first; });
    if (honour_ && gitignore != frame.entries.end() && gitignore->first == ".gitignore")
      add_ignore_file(join(dir, ".gitignore"), rel);
    stack.push_back(std::move(frame));
    return true;
  }

  // Depth first with an explicit stack (pre-order, entries sorted), so nesting depth costs heap, not stack.
  void walk(const std::string& root, const std::string& root_rel) {
    std::vector<Frame> stack;
    enter(root, root_rel, stack);
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next == top.entries.size()) {
        ignore_.truncate(top.ignore_mark);
        stack.pop_back();
        continue;
      }
      auto& [name, type] = top.entries[top.next++];
      std::string path = join(top.dir, name);
      if (type == DT_UNKNOWN) {
        struct stat st;
        if (::lstat(path.c_str(), &st) != 0) {
          out_.errors.push_back(walk_error(path, fmt::format("cannot stat: {}", std::strerror(errno))));
          continue;
        }
        type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
      }
      if (type == DT_LNK) {
        ++out_.symlinks;
        continue;
      }
      if (type != DT_DIR && type != DT_REG) {  // sockets, fifos, devices: never opened (a fifo would block)
        out_.unread.push_back(Unread{path, "not_regular_file", "not a regular file or directory: not read"});
        continue;
      }
      bool is_dir = type == DT_DIR;
      std::string rel = top.rel + name;
      if (honour_ && ignore_.ignored(rel, is_dir)) {
        ++out_.ignored;
        continue;
      }
      if (is_dir) enter(path, rel + "/", stack);  // may reallocate the stack: top is not used after this
      else sink_(std::move(path));
    }
  }

  WalkResult& out_;
  bool honour_;
  const FileSink& sink_;
  IgnoreStack ignore_;
};

}  // namespace

WalkResult walk_paths(const std::vector<std::string>& paths, bool honour_ignore, const FileSink& sink) {
  WalkResult out;
  Walker walker(out, honour_ignore, sink);
  for (const std::string& path : paths) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      out.errors.push_back(walk_error(path, fmt::format("cannot read: {}", std::strerror(errno))));
    } else if (S_ISDIR(st.st_mode)) {
      walker.walk_root(path);
    } else if (S_ISREG(st.st_mode)) {
      sink(path);
    } else {
      out.errors.push_back(walk_error(path, "not a regular file or directory"));
    }
  }
  return out;
}

}  // namespace iamwarden::secrets
