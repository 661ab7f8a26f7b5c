// File input and atomic output.
#include "base/files.h"

#include <fmt/format.h>
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

}  // namespace

Result<std::string> read_file(const std::string& path) {
  if (path == "-") {
    std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return data;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Error{ErrorCode::kIo, "is a directory, expected a file", SourceLoc{path, 0, 0, ""}, ""};
  FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return io_error(path, "cannot open");
  std::string data;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    if (data.size() + n > kMaxInputBytes) {
      std::fclose(file);
      return Error{ErrorCode::kIo, fmt::format("file is larger than {} bytes", kMaxInputBytes),
                   SourceLoc{path, 0, 0, ""}, ""};
    }
    data.append(buffer, n);
  }
  bool failed = std::ferror(file);
  std::fclose(file);
  if (failed) return io_error(path, "cannot read");
  return data;
}

Result<void> write_file_atomic(const std::string& path, std::string_view data) {
  std::string temp = fmt::format("{}.tmp.{}", path, ::getpid());
  FILE* file = std::fopen(temp.c_str(), "wb");
  if (!file) return io_error(temp, "cannot create");
  bool ok = std::fwrite(data.data(), 1, data.size(), file) == data.size();
  ok = (std::fflush(file) == 0) && ok;
  ok = (::fsync(::fileno(file)) == 0) && ok;
  ok = (std::fclose(file) == 0) && ok;
  if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
    Error error = io_error(path, "cannot write");
    std::remove(temp.c_str());
    return error;
  }
  return {};
}

Result<std::vector<std::string>> list_files(const std::string& dir, std::string_view suffix) {
  std::vector<std::string> files;
  std::error_code ec;
  std::filesystem::recursive_directory_iterator it(dir, ec), end;
  if (ec) return Error{ErrorCode::kIo, fmt::format("cannot list: {}", ec.message()), SourceLoc{dir, 0, 0, ""}, ""};
  for (; it != end; it.increment(ec)) {
    if (ec) return Error{ErrorCode::kIo, fmt::format("cannot list: {}", ec.message()), SourceLoc{dir, 0, 0, ""}, ""};
    if (!it->is_regular_file(ec)) continue;
    std::string name = it->path().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      files.push_back(std::move(name));
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace iamwarden
