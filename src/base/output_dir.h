// An output directory that nothing escapes: files are created and removed only inside it, by
// descriptor, and no symbolic link below it is ever followed.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace iamwarden {

/// A directory held open by descriptor; paths given to it are relative to it ("a/b/c.json").
/// Every directory below it is opened with O_NOFOLLOW | O_DIRECTORY, so a symbolic link planted
/// inside it (in place of a subdirectory) is refused with an error naming it, never followed.
/// The directory itself is opened once by the path the user gave, which may be a symbolic link:
/// the user chose it. Descriptors are close-on-exec. Thread-safe (no mutable state).
class OutputDir {
 public:
  /// Creates the directory (and missing parents) and opens it.
  static Result<OutputDir> open(const std::string& path);

  OutputDir(OutputDir&& other) noexcept;
  OutputDir& operator=(OutputDir&& other) noexcept;
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;
  ~OutputDir();

  /// Writes data to rel, creating missing directories: a new temporary file with a random name
  /// (O_CREAT | O_EXCL | O_NOFOLLOW) beside it, fsync, then renameat over rel. A symbolic link at
  /// rel itself is replaced by the file, not written through.
  Result<void> write(std::string_view rel, std::string_view data) const;

  /// Removes the file rel if it is there (a symbolic link there is removed, never its target);
  /// a missing file or directory is not an error.
  Result<void> remove(std::string_view rel) const;

  /// The directory as the user named it (for messages).
  const std::string& path() const { return path_; }

 private:
  OutputDir(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}

  int fd_ = -1;
  std::string path_;
};

}  // namespace iamwarden
