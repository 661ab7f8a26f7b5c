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
#include "secrets/git_refs.h"
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
    walk_tree(tree);
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

  using TreePtr = std::unique_ptr<git_tree, void (*)(git_tree*)>;

  // One tree being listed: the next entry to visit, and the length of the shared path prefix inside it.
  struct Frame {
    TreePtr tree;
    size_t next = 0;
    size_t prefix_length = 0;
  };

  std::string where(const std::string& path) const {
    return fmt::format("{} (commit {})", path, commit_hex(current_).substr(0, 12));
  }

  // Depth first with an explicit stack and one path buffer, so a hostile nesting depth costs neither call stack
  // nor a path copy per level; trees deeper than kMaxTreeDepth or paths longer than kMaxGitPathBytes are
  // reported as unread.
  void walk_tree(git_tree* root) {
    std::string path;
    std::vector<Frame> stack;
    stack.push_back(Frame{TreePtr(root, git_tree_free), 0, 0});
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next == git_tree_entrycount(top.tree.get())) {
        stack.pop_back();
        continue;
      }
      const git_tree_entry* entry = git_tree_entry_byindex(top.tree.get(), top.next++);
      path.resize(top.prefix_length);
      std::string_view name = git_tree_entry_name(entry);
      if (path.size() + name.size() > kMaxGitPathBytes) {
        result_.unread.push_back(Unread{path.empty() ? "." : path, "path_too_long",
                                        fmt::format("an entry of this tree in commit {} makes a path longer than {} "
                                                    "bytes: not read", commit_hex(current_).substr(0, 12),
                                                    kMaxGitPathBytes)});
        continue;
      }
      path += name;
      ObjectId oid = from_git(git_tree_entry_id(entry));
      git_object_t type = git_tree_entry_type(entry);
      if (type == GIT_OBJECT_TREE) {
        if (!seen_trees_.insert(oid).second) continue;
        if (stack.size() >= kMaxTreeDepth) {  // reported once per distinct tree
          result_.unread.push_back(Unread{path, "too_deep",
                                          fmt::format("tree nested more than {} levels deep in commit {}: not read",
                                                      kMaxTreeDepth, commit_hex(current_).substr(0, 12))});
          continue;
        }
        git_tree* sub = nullptr;
        if (git_tree_lookup(&sub, repo_, git_tree_entry_id(entry)) != 0) {
          result_.errors.push_back(git_failure(where(path), "cannot read tree"));
          continue;
        }
        path += '/';
        stack.push_back(Frame{TreePtr(sub, git_tree_free), 0, path.size()});  // top is not used after this
      } else if (type == GIT_OBJECT_BLOB && git_tree_entry_filemode(entry) != GIT_FILEMODE_LINK) {
        if (seen_blobs_.insert(oid).second) jobs.push_back(BlobJob{oid, path, commit_index()});
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
  // Each ref on its own: one that cannot be resolved or points nowhere is reported, and the rest still walked.
  for (const RefTip& tip : list_ref_tips(repo->get(), result)) {
    git_oid id;
    git_oid_fromraw(&id, tip.oid.data());
    git_object* object = nullptr;
    if (git_object_lookup(&object, repo->get(), &id, GIT_OBJECT_ANY) != 0) {
      result.unread.push_back(Unread{tip.name, "bad_ref",
                                     fmt::format("points to object {}, which cannot be read: its history is not "
                                                 "walked", object_hex(tip.oid).substr(0, 12))});
      continue;
    }
    git_object* peeled = nullptr;
    // Tags of trees or blobs are not history (git log --all leaves them out too).
    if (git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) == 0) {
      if (git_revwalk_push(walk.get(), git_object_id(peeled)) != 0)
        result.errors.push_back(git_failure(tip.name, "cannot walk from this ref"));
      git_object_free(peeled);
    }
    git_object_free(object);
  }
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
  std::stable_sort(result.unread.begin(), result.unread.end(),
                   [](const Unread& a, const Unread& b) { return a.path < b.path; });
  return result;
}

}  // namespace iamwarden::secrets
