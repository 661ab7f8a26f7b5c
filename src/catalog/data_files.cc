// Reading data files from the embedded copies or from a directory, decompressing .gz.
#include "catalog/data_files.h"

#include <filesystem>

#include "base/files.h"
#include "catalog/embedded.h"
#include "catalog/gunzip.h"

namespace iamwarden::catalog {

Result<std::string> read_data_file(std::string_view name, const std::string& data_dir) {
  const std::string gz = std::string(name) + ".gz";
  if (data_dir.empty()) {
    std::string_view bytes = embedded_file(gz);
    if (!bytes.empty()) return gunzip(bytes, "embedded " + gz);
    // Small hand-written files (caller-restrictions.json) are embedded as they are.
    bytes = embedded_file(name);
    if (!bytes.empty()) return std::string(bytes);
    return Error{ErrorCode::kInternal, "no embedded " + gz + " in this build", {}, "use --data-dir DIR"};
  }
  const std::filesystem::path dir(data_dir);
  std::error_code ec;
  if (std::filesystem::exists(dir / gz, ec)) {
    Result<std::string> bytes = read_file((dir / gz).string());
    if (!bytes) return bytes.error();
    return gunzip(*bytes, (dir / gz).string());
  }
  if (std::filesystem::exists(dir / std::string(name), ec)) return read_file((dir / std::string(name)).string());
  return Error{ErrorCode::kIo, "no " + gz + " or " + std::string(name) + " in " + data_dir, {},
               "--data-dir must name a folder holding the files scripts/update-data writes"};
}

std::string data_file_label(std::string_view name, const std::string& data_dir) {
  const std::string gz = std::string(name) + ".gz";
  if (data_dir.empty()) return "embedded " + (embedded_file(gz).empty() && !embedded_file(name).empty() ? std::string(name) : gz);
  const std::filesystem::path dir(data_dir);
  std::error_code ec;
  return (std::filesystem::exists(dir / gz, ec) ? dir / gz : dir / std::string(name)).string();
}

Error malformed_data(std::string_view data_name, std::string_view file, std::string pointer, std::string_view what) {
  return Error{ErrorCode::kInvalidInput, std::string("the ") + std::string(data_name) + " is malformed: " + std::string(what),
               SourceLoc{std::string(file), 0, 0, std::move(pointer)},
               "fix the file by hand (its layout is in data/README.md)"};
}

}  // namespace iamwarden::catalog
