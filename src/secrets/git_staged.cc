// `secrets --staged`: the blobs the index holds for files that differ from HEAD (what the next commit adds).
#include <git2.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "secrets/git_blobs.h"
#include "secrets/scan.h"

namespace iamwarden::secrets {

Result<ScanResult> scan_staged(const std::string& repo_path, const ScanOptions& options) {
  Result<Repository> repo = open_repository(repo_path);
  if (!repo) return repo.error();
  Result<std::shared_ptr<const Matcher>> matcher = Matcher::create();
  if (!matcher) return matcher.error();

  git_tree* raw_head = nullptr;  // stays null before the first commit: everything staged is new
  git_object* head_object = nullptr;
  if (git_revparse_single(&head_object, repo->get(), "HEAD^{tree}") == 0) raw_head = reinterpret_cast<git_tree*>(head_object);
  std::unique_ptr<git_tree, void (*)(git_tree*)> head(raw_head, git_tree_free);
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, repo->get()) != 0) return git_failure(repo_path, "cannot read the index");
  std::unique_ptr<git_index, void (*)(git_index*)> index(raw_index, git_index_free);
  git_diff* raw_diff = nullptr;
  if (git_diff_tree_to_index(&raw_diff, repo->get(), head.get(), index.get(), nullptr) != 0)
    return git_failure(repo_path, "cannot compare the index with HEAD");
  std::unique_ptr<git_diff, void (*)(git_diff*)> diff(raw_diff, git_diff_free);

  std::vector<BlobJob> jobs;
  for (size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    if (delta->status == GIT_DELTA_DELETED || delta->new_file.mode == GIT_FILEMODE_LINK ||
        delta->new_file.mode == GIT_FILEMODE_COMMIT)
      continue;
    BlobJob job;
    std::memcpy(job.oid.data(), delta->new_file.id.id, job.oid.size());
    job.path = delta->new_file.path;
    jobs.push_back(std::move(job));
  }
  ScanResult result;
  scan_blobs(git_repository_path(repo->get()), jobs, {}, **matcher, options, result);
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
  return result;
}

}  // namespace iamwarden::secrets
