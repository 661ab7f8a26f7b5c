// `secrets --git`: walk every commit reachable from any ref, parents first; queue each distinct blob once
// with the commit that first had it, scan the blobs, then keep one finding per secret and path.
#include <fmt/format.h>
#include <git2.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <unordered_set>

#include "secrets/git_blobs.h"
#include "secrets/scan.h"

namespace iamwarden::secrets {
namespace {

struct ObjectIdHash {
  size_t operator()(const ObjectId& oid) const {
    size_t h;
    std::memcpy(&h, oid.data(), sizeof h);  // object ids are uniformly distributed already
    return h;
  }
};

ObjectId from_git(const git_oid* oid) {
  ObjectId out;
  std::memcpy(out.data(), oid->id, out.size());
  return out;
}

// Collects the blobs each commit adds to what earlier commits had; a tree already seen is skipped whole.
class HistoryWalker {
 public:
  HistoryWalker(git_repository* repo, ScanResult& result) : repo_(repo), result_(result) {}

  void add_commit(git_commit* commit) {
    current_ = commit;
    current_index_ = static_cast<size_t>(-1);
    git_tree* tree = nullptr;
    if (git_commit_tree(&tree, commit) != 0) {
      result_.errors.push_back(git_failure(commit_hex(commit), "cannot read the commit's tree"));
      return;
    }
    std::string prefix;
    walk_tree(tree, prefix);
    git_tree_free(tree);
  }

  std::vector<BlobJob> jobs;
  std::vector<CommitInfo> commits;

 private:
  static std::string commit_hex(git_commit* commit) { return object_hex(from_git(git_commit_id(commit))); }

  size_t commit_index() {
    if (current_index_ == static_cast<size_t>(-1)) {
      const git_signature* author = git_commit_author(current_);
      std::string who = author ? fmt::format("{} <{}>", author->name, author->email) : "unknown";
      commits.push_back(CommitInfo{commit_hex(current_), std::move(who), author ? author->when.time : 0});
      current_index_ = commits.size() - 1;
    }
    return current_index_;
  }

  void walk_tree(git_tree* tree, std::string& prefix) {
    size_t count = git_tree_entrycount(tree);
    for (size_t i = 0; i < count; ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
      ObjectId oid = from_git(git_tree_entry_id(entry));
      git_object_t type = git_tree_entry_type(entry);
      std::string path = prefix + git_tree_entry_name(entry);
      if (type == GIT_OBJECT_TREE) {
        if (!seen_trees_.insert(oid).second) continue;
        git_tree* sub = nullptr;
        if (git_tree_lookup(&sub, repo_, git_tree_entry_id(entry)) != 0) {
          result_.errors.push_back(git_failure(fmt::format("{} (commit {})", path, commit_hex(current_).substr(0, 12)),
                                               "cannot read tree"));
          continue;
        }
        std::string sub_prefix = path + "/";
        walk_tree(sub, sub_prefix);
        git_tree_free(sub);
      } else if (type == GIT_OBJECT_BLOB && git_tree_entry_filemode(entry) != GIT_FILEMODE_LINK) {
        if (seen_blobs_.insert(oid).second) jobs.push_back(BlobJob{oid, std::move(path), commit_index()});
      }
    }
  }

  git_repository* repo_;
  ScanResult& result_;
  git_commit* current_ = nullptr;
  size_t current_index_ = 0;
  std::unordered_set<ObjectId, ObjectIdHash> seen_trees_;
  std::unordered_set<ObjectId, ObjectIdHash> seen_blobs_;
};

// One finding per fingerprint: the earliest commit (parents come first in the walk) wins, later ones are listed.
void keep_first_introductions(std::vector<Finding>& findings, const std::vector<CommitInfo>& commits) {
  std::map<std::string, size_t> order;
  for (size_t i = 0; i < commits.size(); ++i) order.emplace(commits[i].id, i);
  auto rank = [&](const Finding& f) { return f.origin ? order[f.origin->commit] : 0; };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) { return rank(a) < rank(b); });
  std::map<std::string, size_t> first;
  std::vector<Finding> kept;
  for (Finding& f : findings) {
    auto [it, inserted] = first.emplace(f.fingerprint(), kept.size());
    if (inserted) {
      kept.push_back(std::move(f));
      continue;
    }
    Finding& earlier = kept[it->second];
    if (f.origin && earlier.origin && f.origin->commit != earlier.origin->commit) {
      std::vector<std::string>& others = earlier.origin->other_commits;
      if (std::find(others.begin(), others.end(), f.origin->commit) == others.end()) others.push_back(f.origin->commit);
    }
  }
  findings = std::move(kept);
}

}  // namespace

Result<ScanResult> scan_git_history(const std::string& repo_path, const ScanOptions& options) {
  Result<Repository> repo = open_repository(repo_path);
  if (!repo) return repo.error();
  Result<std::shared_ptr<const Matcher>> matcher = Matcher::create();
  if (!matcher) return matcher.error();

  ScanResult result;
  git_revwalk* raw_walk = nullptr;
  if (git_revwalk_new(&raw_walk, repo->get()) != 0) return git_failure(repo_path, "cannot walk the history");
  std::unique_ptr<git_revwalk, void (*)(git_revwalk*)> walk(raw_walk, git_revwalk_free);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
  if (git_revwalk_push_glob(walk.get(), "*") != 0) result.errors.push_back(git_failure(repo_path, "cannot read refs"));
  git_revwalk_push_head(walk.get());  // a detached HEAD; an unborn one is not an error

  HistoryWalker walker(repo->get(), result);
  git_oid oid;
  int rc;
  while ((rc = git_revwalk_next(&oid, walk.get())) == 0) {
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, repo->get(), &oid) != 0) {
      result.errors.push_back(git_failure(object_hex(from_git(&oid)), "cannot read commit"));
      continue;
    }
    ++result.stats.commits;
    walker.add_commit(commit);
    git_commit_free(commit);
  }
  if (rc != GIT_ITEROVER) result.errors.push_back(git_failure(repo_path, "history walk stopped early"));

  scan_blobs(git_repository_path(repo->get()), walker.jobs, walker.commits, **matcher, options, result);
  keep_first_introductions(result.findings, walker.commits);
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
  return result;
}

}  // namespace iamwarden::secrets
