// A scratch snapshot directory for tests, named after the running test and removed at its end.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace iamwarden::snapshot {

struct ScratchDir {
  std::filesystem::path path;
  /// suffix tells apart several directories of one test.
  explicit ScratchDir(const std::string& suffix = "")
      : path(std::filesystem::temp_directory_path() /
             std::filesystem::path("iamwarden-snapshot-" +
                                   std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name() + suffix)) {
    std::filesystem::create_directories(path);
  }
  ~ScratchDir() { std::filesystem::remove_all(path); }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  void write(const std::string& rel, const std::string& text) const {
    std::filesystem::create_directories((path / rel).parent_path());
    std::FILE* f = std::fopen((path / rel).string().c_str(), "wb");
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
};

}  // namespace iamwarden::snapshot
