// File input and atomic output.
#include "base/files.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

namespace iamwarden {
namespace {

Error io_error(const std::string& path, std::string_view what) {
  return Error{ErrorCode::kIo, fmt::format("{}: {}", what, std::strerror(errno)), SourceLoc{path, 0, 0, ""}, ""};
}

// Reads everything from an open descriptor, bounded by kMaxInputBytes; closes it.
Result<std::string> read_all(int fd, const std::string& path) {
  std::string data;
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Error error = io_error(path, "cannot read");
      ::close(fd);
      return error;
    }
    if (n == 0) break;
    if (data.size() + static_cast<size_t>(n) > kMaxInputBytes) {
      ::close(fd);
      return Error{ErrorCode::kIo, fmt::format("file is larger than {} bytes", kMaxInputBytes),
                   SourceLoc{path, 0, 0, ""}, ""};
    }
    data.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return data;
}

Error not_a_file(const std::string& path, const struct stat& st) {
  std::string_view what = S_ISDIR(st.st_mode)    ? "is a directory, expected a file"
                          : S_ISFIFO(st.st_mode) ? "is a pipe (FIFO), expected a regular file"
                          : S_ISLNK(st.st_mode)  ? "is a symbolic link, which is not followed here"
                                                 : "is a device or socket, expected a regular file";
  return Error{ErrorCode::kIo, std::string(what), SourceLoc{path, 0, 0, ""}, ""};
}

}  // namespace

Result<std::string> read_file(const std::string& path) {
  if (path == "-") return read_all(::dup(STDIN_FILENO), "<stdin>");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return io_error(path, "cannot open");
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    Error error = io_error(path, "cannot stat");
    ::close(fd);
    return error;
  }
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
    ::close(fd);
    return not_a_file(path, st);
  }
  // A pipe named explicitly (e.g. <(...)) is read to its end: back to blocking reads.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return read_all(fd, path);
}

Result<std::string> read_tree_file(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return io_error(path, "cannot stat");
  if (!S_ISREG(st.st_mode)) return not_a_file(path, st);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return io_error(path, "cannot open");
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {  // replaced between lstat and open
    ::close(fd);
    return Error{ErrorCode::kIo, "changed while being opened, not read", SourceLoc{path, 0, 0, ""}, ""};
  }
  return read_all(fd, path);
}

Result<void> write_file_atomic(const std::string& path, std::string_view data) {
  std::string temp = path + ".tmp.XXXXXX";
  int fd = ::mkostemp(temp.data(), O_CLOEXEC);  // O_EXCL with a random name: never follows a link
  if (fd < 0) return io_error(path, "cannot create a temporary file beside");
  bool ok = ::fchmod(fd, 0644) == 0;
  for (size_t done = 0; ok && done < data.size();) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ok = false;
    else done += static_cast<size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  ok = (::close(fd) == 0) && ok;
  if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
    Error error = io_error(path, "cannot write");
    ::unlink(temp.c_str());
    return error;
  }
  return {};
}

Result<std::vector<std::string>> list_files(const std::string& dir, std::string_view suffix,
                                            std::vector<std::string>* skipped) {
  std::vector<std::string> files;
  auto ends_with_suffix = [&](const std::string& name) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  std::error_code ec;
  // The default options never descend into a symlinked directory; files are judged by lstat.
  std::filesystem::recursive_directory_iterator it(dir, ec), end;
  if (ec) return Error{ErrorCode::kIo, fmt::format("cannot list: {}", ec.message()), SourceLoc{dir, 0, 0, ""}, ""};
  for (; it != end; it.increment(ec)) {
    if (ec) return Error{ErrorCode::kIo, fmt::format("cannot list: {}", ec.message()), SourceLoc{dir, 0, 0, ""}, ""};
    std::filesystem::file_status status = it->symlink_status(ec);
    if (ec) return Error{ErrorCode::kIo, fmt::format("cannot stat: {}", ec.message()),
                         SourceLoc{it->path().string(), 0, 0, ""}, ""};
    if (std::filesystem::is_directory(status)) continue;
    std::string name = it->path().string();
    if (!ends_with_suffix(name)) continue;
    if (std::filesystem::is_regular_file(status)) files.push_back(std::move(name));
    else if (skipped) skipped->push_back(std::move(name));
  }
  std::sort(files.begin(), files.end());
  if (skipped) std::sort(skipped->begin(), skipped->end());
  return files;
}

}  // namespace iamwarden
