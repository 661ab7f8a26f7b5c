// manifest.json: what `iamwarden collect` wrote, found missing, or failed to get (docs/snapshot.md).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace iamwarden::collect {

/// The state of one snapshot file.
enum class FileStatus { kOk, kNotFound, kFailed };

/// "ok", "not_found" or "failed".
const char* file_status_name(FileStatus status);

/// One entry of the manifest's "files" object.
struct FileRecord {
  FileStatus status = FileStatus::kOk;
  std::string command;  ///< "aws iam get-account-authorization-details"
  std::string error;    ///< reason when not ok (already redacted)
};

/// The whole manifest; files are keyed by their path relative to the snapshot directory.
struct Manifest {
  std::string account_id;
  std::string partition;
  std::string collected_at;  ///< ISO 8601 UTC, "2026-11-28T12:00:00Z"
  std::string tool;
  std::vector<std::string> regions;
  std::map<std::string, FileRecord> files;

  /// Number of files with this status.
  size_t count(FileStatus status) const;
  /// The manifest as pretty-printed JSON (files in path order), ending with a newline.
  std::string to_json() const;
};

/// The current time as ISO 8601 UTC with a Z suffix.
std::string utc_now_iso8601();

}  // namespace iamwarden::collect
