// Output inside one directory by descriptor: openat/mkdirat with O_NOFOLLOW, O_EXCL temporaries, renameat.
#include "base/output_dir.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

namespace iamwarden {
namespace {

/// A descriptor closed on destruction.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    reset(std::exchange(other.fd_, -1));
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

Error io_error(std::string path, std::string_view what, int err) {
  return Error{ErrorCode::kIo, fmt::format("{}: {}", what, std::strerror(err)), SourceLoc{std::move(path), 0, 0, ""},
               ""};
}

Error link_refused(std::string path) {
  return Error{ErrorCode::kIo, "is a symbolic link inside the output directory; links there are never followed",
               SourceLoc{std::move(path), 0, 0, ""}, "remove the link, or write into another directory"};
}

/// base/rel for messages, without doubling a trailing slash.
std::string join(const std::string& base, std::string_view rel) {
  std::string out = base;
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  if (!out.empty() && out.back() != '/') out += '/';
  out += rel;
  return out;
}

/// rel split on '/'; absolute paths, empty, "." and ".." components are refused (nothing may leave the directory).
Result<std::vector<std::string>> components(std::string_view rel, const std::string& base) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t slash = rel.find('/', start);
    std::string_view part = rel.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (part.empty() || part == "." || part == ".." || part.find('\0') != std::string_view::npos) {
      return Error{ErrorCode::kInternal, "not a plain relative path inside the output directory",
                   SourceLoc{join(base, rel), 0, 0, ""}, ""};
    }
    parts.emplace_back(part);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

/// The directory that holds the last component, walked from root one component at a time without
/// following links. When create is false, a missing directory gives an Fd of -1 (nothing there).
Result<Fd> open_parent(int root, const std::string& base, const std::vector<std::string>& parts, bool create) {
  Fd current(::fcntl(root, F_DUPFD_CLOEXEC, 0));
  if (current.get() < 0) return io_error(base, "cannot use the output directory", errno);
  std::string walked = base;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    const std::string& name = parts[i];
    walked = join(walked, name);
    if (create && ::mkdirat(current.get(), name.c_str(), 0777) != 0 && errno != EEXIST) {
      return io_error(walked, "cannot create the directory", errno);
    }
    int fd = ::openat(current.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
      int err = errno;
      struct stat st {};
      if (::fstatat(current.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
        return link_refused(walked);
      }
      if (err == ENOENT && !create) return Fd();
      return io_error(walked, "cannot open the directory", err);
    }
    current = Fd(fd);
  }
  return current;
}

/// 64 unpredictable bits for a temporary name (the kernel's generator; a counter if it is unavailable).
uint64_t random_bits() {
  uint64_t value = 0;
  if (::getrandom(&value, sizeof value, GRND_NONBLOCK) == static_cast<ssize_t>(sizeof value)) return value;
  static std::atomic<uint64_t> counter{0};
  return (static_cast<uint64_t>(::getpid()) << 32) ^ counter.fetch_add(1) ^
         static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
}

bool write_all(int fd, std::string_view data) {
  for (size_t done = 0; done < data.size();) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

Result<OutputDir> OutputDir::open(const std::string& path) {
  if (path.empty()) return Error{ErrorCode::kUsage, "the output directory is an empty path", {}, ""};
  // The path the user gave is theirs, links included; everything below it is ours.
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (ec) {
      return Error{ErrorCode::kIo, fmt::format("cannot create the output directory: {}", ec.message()),
                   SourceLoc{path, 0, 0, ""}, ""};
    }
    return io_error(path, "cannot open the output directory", err);
  }
  return OutputDir(fd, path);
}

OutputDir::OutputDir(OutputDir&& other) noexcept : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

OutputDir& OutputDir::operator=(OutputDir&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
  }
  return *this;
}

OutputDir::~OutputDir() {
  if (fd_ >= 0) ::close(fd_);
}

Result<void> OutputDir::write(std::string_view rel, std::string_view data) const {
  Result<std::vector<std::string>> parts = components(rel, path_);
  if (!parts) return parts.error();
  Result<Fd> dir = open_parent(fd_, path_, *parts, true);
  if (!dir) return dir.error();
  const std::string& leaf = parts->back();
  const std::string target = join(path_, rel);

  // A fresh random name created exclusively: a planted file or link of any name is never opened.
  std::string temp;
  Fd file;
  for (int attempt = 0; attempt < 8 && file.get() < 0; ++attempt) {
    temp = fmt::format("{}.tmp.{:016x}", leaf, random_bits());
    file.reset(::openat(dir->get(), temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (file.get() < 0 && errno != EEXIST) return io_error(target, "cannot create a temporary file beside", errno);
  }
  if (file.get() < 0) return io_error(target, "cannot create a temporary file beside", EEXIST);
  errno = 0;
  bool ok = write_all(file.get(), data) && ::fsync(file.get()) == 0;
  int err = errno;
  // Closed here rather than by the destructor: close() can report a late write error.
  if (::close(file.release()) != 0 && ok) {
    ok = false;
    err = errno;
  }
  // renameat replaces whatever is at leaf (a link included) without following it.
  if (ok && ::renameat(dir->get(), temp.c_str(), dir->get(), leaf.c_str()) == 0) return {};
  if (ok) err = errno;
  if (err == 0) err = EIO;
  ::unlinkat(dir->get(), temp.c_str(), 0);
  return io_error(target, "cannot write", err);
}

Result<void> OutputDir::remove(std::string_view rel) const {
  Result<std::vector<std::string>> parts = components(rel, path_);
  if (!parts) return parts.error();
  Result<Fd> dir = open_parent(fd_, path_, *parts, false);
  if (!dir) return dir.error();
  if (dir->get() < 0) return {};
  if (::unlinkat(dir->get(), parts->back().c_str(), 0) != 0 && errno != ENOENT) {
    return io_error(join(path_, rel), "cannot remove", errno);
  }
  return {};
}

}  // namespace iamwarden
