// Snapshot entries by lstat, and reading a snapshot file without following links or blocking.
#include "snapshot/snapshot_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include <simdjson.h>

#include "base/files.h"
#include "snapshot/json_check.h"

namespace iamwarden::snapshot {
namespace {

Error io_error(const std::string& path, std::string_view what) {
  return Error{ErrorCode::kIo, fmt::format("{}: {}", what, std::strerror(errno)), SourceLoc{path, 0, 0, ""}, ""};
}

std::string_view describe(mode_t mode) {
  if (S_ISLNK(mode)) return "is a symbolic link, which is not followed inside a snapshot";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a regular file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
  if (S_ISSOCK(mode)) return "is a socket, not a regular file";
  if (S_ISDIR(mode)) return "is a directory, not a regular file";
  if (S_ISREG(mode)) return "is a regular file, not a directory";
  return "is not a regular file";
}

}  // namespace

EntryKind entry_kind(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return errno == ENOENT || errno == ENOTDIR ? EntryKind::kMissing : EntryKind::kOther;
  if (S_ISREG(st.st_mode)) return EntryKind::kFile;
  if (S_ISDIR(st.st_mode)) return EntryKind::kDirectory;
  return EntryKind::kOther;
}

Error unreadable_entry(const std::string& path, bool want_directory) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return io_error(path, "cannot examine");
  std::string what(describe(st.st_mode));
  if (want_directory && S_ISREG(st.st_mode)) what = "is a regular file, expected a directory";
  else if (want_directory && !S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode)) what += "; expected a directory";
  return Error{ErrorCode::kIo, what, SourceLoc{path, 0, 0, ""},
               "a snapshot holds regular files and directories only; replace the entry with the file itself"};
}

namespace {

// Opens a regular file found by lstat (follow_links: by stat) without blocking and reads exactly
// the size examined into the buffer make(size) returns; a file that changes meanwhile is an error.
template <class Make>
Result<void> read_regular(const std::string& path, bool follow_links, Make&& make) {
  struct stat st {};
  if ((follow_links ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) != 0) return io_error(path, "cannot examine");
  if (!S_ISREG(st.st_mode)) return unreadable_entry(path, false);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | (follow_links ? 0 : O_NOFOLLOW));
  if (fd < 0) return io_error(path, "cannot open");
  struct stat opened {};
  if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode) || opened.st_ino != st.st_ino || opened.st_dev != st.st_dev) {
    ::close(fd);
    return Error{ErrorCode::kIo, "changed while being opened, not read", SourceLoc{path, 0, 0, ""}, ""};
  }
  if (static_cast<uint64_t>(opened.st_size) > kMaxInputBytes) {
    ::close(fd);
    return Error{ErrorCode::kIo, fmt::format("file is larger than {} bytes", kMaxInputBytes), SourceLoc{path, 0, 0, ""}, ""};
  }
  size_t size = static_cast<size_t>(opened.st_size);
  char* data = make(size);
  if (!data) {
    ::close(fd);
    return Error{ErrorCode::kIo, "not enough memory to read the file", SourceLoc{path, 0, 0, ""}, ""};
  }
  size_t done = 0;
  char extra = 0;
  for (;;) {
    ssize_t n = done < size ? ::read(fd, data + done, size - done) : ::read(fd, &extra, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Error error = io_error(path, "cannot read");
      ::close(fd);
      return error;
    }
    if (n == 0 || done == size) {
      ::close(fd);
      if (n != 0 || done != size) return Error{ErrorCode::kIo, "changed while being read", SourceLoc{path, 0, 0, ""}, "read it again"};
      return {};
    }
    done += static_cast<size_t>(n);
  }
}

}  // namespace

Result<std::string> read_snapshot_file(const std::string& path) {
  std::string data;
  Result<void> r = read_regular(path, false, [&](size_t size) {
    data.resize(size);
    return data.data();
  });
  if (!r) return r.error();
  return data;
}

Result<void> read_snapshot_file_padded(const std::string& path, bool follow_links, simdjson::padded_string& out) {
  return read_regular(path, follow_links, [&](size_t size) {
    out = simdjson::padded_string(size);
    return out.data();
  });
}

Result<std::optional<JsonDocument>> read_snapshot_json(const std::string& path) {
  EntryKind kind = entry_kind(path);
  if (kind == EntryKind::kMissing) return std::optional<JsonDocument>();
  if (kind != EntryKind::kFile) return unreadable_entry(path, false);
  Result<std::string> text = read_snapshot_file(path);
  if (!text) return text.error();
  if (Result<void> valid = check_json_document(*text, path); !valid) return valid.error();
  Result<JsonDocument> doc = parse_json(text.take(), path);
  if (!doc) return doc.error();
  return std::optional<JsonDocument>(doc.take());
}

Result<std::vector<std::string>> list_entries(const std::string& dir) {
  std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir.c_str()), ::closedir);
  if (!d) return io_error(dir, "cannot list the directory");
  std::vector<std::string> names;
  errno = 0;
  while (const dirent* e = ::readdir(d.get())) {
    std::string_view name = e->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  if (errno != 0) return io_error(dir, "cannot list the directory");
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace iamwarden::snapshot
