// A temporary directory for one test, removed at the end, with helpers to write files and run commands.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace iamwarden::secrets::testing {

/// Creates a fresh directory under the system temp directory; deletes it when destroyed.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "iamwarden-secrets-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data()) ? pattern : "";
    EXPECT_FALSE(path_.empty());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

  /// Writes text to path/rel, creating directories; returns the full path.
  std::string write(const std::string& rel, const std::string& text) const {
    std::filesystem::path full = std::filesystem::path(path_) / rel;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream(full, std::ios::binary) << text;
    return full.string();
  }

  /// Runs a shell command inside the directory; returns its exit status.
  int run(const std::string& command) const {
    return std::system(fmt::format("cd '{}' && {{ {}; }} >/dev/null 2>&1", path_, command).c_str());
  }

 private:
  std::string path_;
};

}  // namespace iamwarden::secrets::testing
