// Scanning git blobs in parallel (one repository handle per worker) and attributing findings to commits.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "secrets/matcher.h"
#include "secrets/scan.h"

struct git_repository;

namespace iamwarden::secrets {

/// Frees a libgit2 repository handle.
struct RepositoryDeleter {
  void operator()(git_repository* repo) const;
};

/// An open repository.
using Repository = std::unique_ptr<git_repository, RepositoryDeleter>;

/// Opens the repository that contains path (searching parent directories), initialising libgit2 first.
Result<Repository> open_repository(const std::string& path);

/// A raw 20-byte git object id.
using ObjectId = std::array<unsigned char, 20>;

/// A commit that introduced at least one blob.
struct CommitInfo {
  std::string id;      ///< full hex id
  std::string author;  ///< "Name <email>"
  int64_t time = 0;    ///< author time
};

/// One blob to scan, with the path and commit (index into the commit list, or npos) that introduced it.
struct BlobJob {
  ObjectId oid{};
  std::string path;
  size_t commit = static_cast<size_t>(-1);
};

/// Scans every job's blob in the repository at repo_path; findings get the job's path and, when it has one,
/// the commit as their origin. Unreadable objects become errors and the scan goes on.
void scan_blobs(const std::string& repo_path, const std::vector<BlobJob>& jobs, const std::vector<CommitInfo>& commits,
                const Matcher& matcher, const ScanOptions& options, ScanResult& result);

/// An Error from libgit2's last error, prefixed with what was being done.
Error git_failure(const std::string& where, const std::string& what);

/// Hex form of an object id.
std::string object_hex(const ObjectId& oid);

}  // namespace iamwarden::secrets
