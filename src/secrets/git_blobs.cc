// Blob reading goes through the object database (git_odb_read) so no object cache fills up with file contents.
#include "secrets/git_blobs.h"

#include <fmt/format.h>
#include <git2.h>

#include <memory>
#include <optional>

#include "secrets/buffer_scanner.h"
#include "base/parallel.h"

namespace iamwarden::secrets {
namespace {

using OdbPtr = std::unique_ptr<git_odb, void (*)(git_odb*)>;

// Largest blob over --max-file-size that is still inflated to scan its two ends (memory per worker).
constexpr uint64_t kMaxEndsBlobBytes = uint64_t{256} << 20;
using ObjectPtr = std::unique_ptr<git_odb_object, void (*)(git_odb_object*)>;

git_oid to_git(const ObjectId& oid) {
  git_oid out;
  git_oid_fromraw(&out, oid.data());
  return out;
}

// One worker: its own repository and object database handles, as libgit2 asks for concurrent use.
struct BlobWorker {
  Repository repo;
  OdbPtr odb{nullptr, git_odb_free};
  std::optional<BufferScanner> scanner;
  ScanResult result;
};

void scan_job(const BlobJob& job, const std::vector<CommitInfo>& commits, const ScanOptions& options, BlobWorker& w) {
  git_oid oid = to_git(job.oid);
  std::string where = fmt::format("{} (blob {})", job.path, object_hex(job.oid).substr(0, 12));
  size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_read_header(&size, &type, w.odb.get(), &oid) != 0) {
    w.result.errors.push_back(git_failure(where, "cannot read object"));
    return;
  }
  // An oversized blob must still be inflated whole to reach its ends; past kMaxEndsBlobBytes not even that.
  if (size > options.max_file_size && size > kMaxEndsBlobBytes) {
    w.result.unread.push_back(Unread{job.path, "too_large",
                                     fmt::format("blob {} is {} bytes, over --max-file-size ({} bytes) and too large "
                                                 "to inflate: not scanned", object_hex(job.oid).substr(0, 12), size,
                                                 options.max_file_size)});
    return;
  }
  git_odb_object* raw = nullptr;
  if (git_odb_read(&raw, w.odb.get(), &oid) != 0) {
    w.result.errors.push_back(git_failure(where, "cannot read object"));
    return;
  }
  ObjectPtr object(raw, git_odb_object_free);
  std::string_view data(static_cast<const char*>(git_odb_object_data(raw)), git_odb_object_size(raw));
  size_t before = w.result.findings.size();
  if (data.size() > options.max_file_size && data.size() > 2 * kEndBytes)
    w.scanner->scan_ends(data.substr(0, kEndBytes), data.substr(data.size() - kEndBytes), data.size(), job.path,
                         w.result);
  else
    w.scanner->scan(data, job.path, w.result);
  if (job.commit >= commits.size()) return;
  const CommitInfo& commit = commits[job.commit];
  for (size_t i = before; i < w.result.findings.size(); ++i)
    w.result.findings[i].origin = GitOrigin{commit.id, commit.author, commit.time, {}};
}

// libgit2 wants one git_libgit2_init before any use; a function-local static makes that thread-safe.
// Re-hashing every object read (SHA-1 with collision detection) cost a third of a history scan; checking
// integrity is git fsck's job, and damaged objects still fail to inflate and are reported.
void ensure_libgit2() {
  static const bool initialised = [] {
    git_libgit2_init();
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    return true;
  }();
  (void)initialised;
}

}  // namespace

void RepositoryDeleter::operator()(git_repository* repo) const { git_repository_free(repo); }

Result<Repository> open_repository(const std::string& path) {
  ensure_libgit2();
  git_repository* repo = nullptr;
  if (git_repository_open_ext(&repo, path.c_str(), 0, nullptr) != 0)
    return git_failure(path, "not a readable git repository");
  return Repository(repo);
}


Error git_failure(const std::string& where, const std::string& what) {
  const git_error* e = git_error_last();
  std::string detail = e && e->message ? e->message : "unknown libgit2 error";
  return Error{ErrorCode::kIo, fmt::format("{}: {}", what, detail), SourceLoc{where, 0, 0, ""}, ""};
}

std::string object_hex(const ObjectId& oid) {
  git_oid g = to_git(oid);
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &g);
  return hex;
}

void scan_blobs(const std::string& repo_path, const std::vector<BlobJob>& jobs, const std::vector<CommitInfo>& commits,
                const Matcher& matcher, const ScanOptions& options, ScanResult& result) {
  unsigned count = worker_count(options.threads, jobs.size());
  std::vector<BlobWorker> workers(count);
  for (BlobWorker& w : workers) {
    Result<Repository> repo = open_repository(repo_path);
    if (!repo) {
      result.errors.push_back(repo.error());
      return;
    }
    w.repo = repo.take();
    git_odb* odb = nullptr;
    if (git_repository_odb(&odb, w.repo.get()) != 0) {
      result.errors.push_back(git_failure(repo_path, "cannot open object database"));
      return;
    }
    w.odb.reset(odb);
    Result<BufferScanner> scanner = BufferScanner::create(matcher, options);
    if (!scanner) {
      result.errors.push_back(scanner.error());
      return;
    }
    w.scanner.emplace(scanner.take());
  }
  parallel_for(jobs.size(), count, [&](unsigned w, size_t i) { scan_job(jobs[i], commits, options, workers[w]); });
  for (BlobWorker& w : workers) result.merge(std::move(w.result));
}

}  // namespace iamwarden::secrets
