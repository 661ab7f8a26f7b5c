// History and staged scans on small repositories built with the git command line: the commit that introduced
// a key (later removed), all refs, one finding per secret, a corrupt object, and the index.
#include <git2.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <tuple>
#include <vector>
#include <fstream>
#include <sstream>
#include <string>

#include "secrets/scan.h"
#include "temp_dir.h"
#include "test_keys.h"

namespace iamwarden::secrets {
namespace {

using testing::fake_credential;
using testing::TempDir;

class GitRepo : public TempDir {
 public:
  GitRepo() {
    EXPECT_EQ(run("git init -q . && git config user.name 'Alice Dev' && git config user.email alice@example.com "
                  "&& git config commit.gpgsign false && git checkout -q -b main"),
              0);
  }
  void commit(const std::string& message) { EXPECT_EQ(run("git add -A && git commit -q -m '" + message + "'"), 0); }
  std::string rev(const std::string& what) const {
    EXPECT_EQ(run("git rev-parse " + what + " > .git/rev.txt"), 0);
    std::ifstream in(path() + "/.git/rev.txt");
    std::string out;
    in >> out;
    return out;
  }
};

std::string pair_text(const testing::FakeCredential& c) {
  return "AWS_ACCESS_KEY_ID=" + c.id + "\nAWS_SECRET_ACCESS_KEY=" + c.secret + "\n";
}

TEST(GitHistory, ReportsTheCommitThatAddedARemovedKey) {
  GitRepo repo;
  testing::FakeCredential c = fake_credential(1);
  repo.write("README.md", "hello\n");
  repo.commit("init");
  repo.write("deploy/.env", pair_text(c));
  repo.commit("add deploy settings");
  std::string added = repo.rev("HEAD");
  repo.write("deploy/.env", "# moved to the vault\n" + pair_text(c));  // same key, new blob
  repo.commit("comment");
  std::string edited = repo.rev("HEAD");
  ASSERT_EQ(repo.run("git rm -q deploy/.env && git commit -q -m 'remove secrets'"), 0);

  Result<ScanResult> r = scan_git_history(repo.path(), {});
  ASSERT_TRUE(r.ok()) << r.error().format();
  EXPECT_TRUE(r->errors.empty());
  EXPECT_EQ(r->stats.commits, 4u);
  ASSERT_EQ(r->findings.size(), 1u);  // the edit made a new blob with the same pair: still one finding
  const Finding& f = r->findings[0];
  EXPECT_EQ(f.path, "deploy/.env");
  EXPECT_EQ(f.rule, Rule::kAccessKeyPair);
  EXPECT_EQ(f.key_id, c.id);
  ASSERT_TRUE(f.origin.has_value());
  EXPECT_EQ(f.origin->commit, added);
  EXPECT_EQ(f.origin->author, "Alice Dev <alice@example.com>");
  ASSERT_EQ(f.origin->other_commits.size(), 1u);
  EXPECT_EQ(f.origin->other_commits[0], edited);
  EXPECT_EQ(f.secret, c.secret.substr(0, 2) + "..." + c.secret.substr(38));
}

TEST(GitHistory, ScansEveryRefAndEachBlobOnce) {
  GitRepo repo;
  testing::FakeCredential a = fake_credential(2), b = fake_credential(3);
  repo.write("a.env", pair_text(a));
  repo.commit("a");
  ASSERT_EQ(repo.run("git checkout -q -b feature"), 0);
  repo.write("b.env", pair_text(b));
  repo.commit("b");
  std::string on_feature = repo.rev("HEAD");
  ASSERT_EQ(repo.run("git checkout -q main"), 0);
  for (int i = 0; i < 5; ++i) {
    repo.write("notes.txt", std::to_string(i));
    repo.commit("note " + std::to_string(i));
  }
  Result<ScanResult> r = scan_git_history(repo.path(), {});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->findings.size(), 2u);
  EXPECT_EQ(r->findings[1].path, "b.env");
  ASSERT_TRUE(r->findings[1].origin.has_value());
  EXPECT_EQ(r->findings[1].origin->commit, on_feature);
  EXPECT_EQ(r->stats.files, 7u);  // a.env, b.env and five versions of notes.txt
}

TEST(GitHistory, CorruptObjectIsReportedAndTheScanGoesOn) {
  GitRepo repo;
  repo.write("a.env", pair_text(fake_credential(4)));
  repo.write("b.env", pair_text(fake_credential(5)));
  repo.commit("two keys");
  std::string blob = repo.rev("HEAD:b.env");
  std::filesystem::remove(repo.path() + "/.git/objects/" + blob.substr(0, 2) + "/" + blob.substr(2));
  Result<ScanResult> r = scan_git_history(repo.path(), {});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].path, "a.env");
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_NE(r->errors[0].loc.file.find("b.env"), std::string::npos);
}

// The attack: one ref that cannot be resolved stopped git_revwalk_push_glob, so a secret on a branch sorted after
// it was never seen. Now each bad ref is listed as unread and every other ref is walked.
TEST(GitHistory, ABadRefIsReportedAndTheOtherRefsAreStillWalked) {
  GitRepo repo;
  testing::FakeCredential on_main = fake_credential(30), on_feature = fake_credential(31);
  repo.write("main.env", pair_text(on_main));
  repo.commit("main");
  ASSERT_EQ(repo.run("git checkout -q -b zz-feature"), 0);
  repo.write("feature.env", pair_text(on_feature));
  repo.commit("feature");
  ASSERT_EQ(repo.run("git checkout -q main"), 0);
  repo.write(".git/refs/heads/aa-garbage", "this is not an object id\n");
  repo.write(".git/refs/heads/ab-missing", std::string(40, '1') + "\n");
  Result<ScanResult> r = scan_git_history(repo.path(), {});
  ASSERT_TRUE(r.ok()) << r.error().format();
  ASSERT_EQ(r->findings.size(), 2u);
  EXPECT_EQ(r->findings[0].key_id, on_feature.id);
  EXPECT_EQ(r->findings[1].key_id, on_main.id);
  EXPECT_TRUE(r->errors.empty());
  ASSERT_EQ(r->unread.size(), 2u);
  EXPECT_EQ(r->unread[0].path, "refs/heads/aa-garbage");
  EXPECT_EQ(r->unread[0].reason, "bad_ref");
  EXPECT_EQ(r->unread[1].path, "refs/heads/ab-missing");
  EXPECT_EQ(r->unread[1].reason, "bad_ref");
  EXPECT_NE(r->unread[1].detail.find("points to object 111111111111, which cannot be read"), std::string::npos)
      << r->unread[1].detail;
  EXPECT_FALSE(r->complete());
}

TEST(GitHistory, AMalformedPackedRefsLineIsReportedAndTheValidLinesAreWalked) {
  GitRepo repo;
  testing::FakeCredential on_main = fake_credential(32), on_feature = fake_credential(33);
  repo.write("main.env", pair_text(on_main));
  repo.commit("main");
  ASSERT_EQ(repo.run("git checkout -q -b feature"), 0);
  repo.write("feature.env", pair_text(on_feature));
  repo.commit("feature");
  ASSERT_EQ(repo.run("git checkout -q main && git pack-refs --all && echo 'zz not a line' >> .git/packed-refs"), 0);
  Result<ScanResult> r = scan_git_history(repo.path(), {});
  ASSERT_TRUE(r.ok()) << r.error().format();
  EXPECT_EQ(r->findings.size(), 2u);
  ASSERT_EQ(r->unread.size(), 1u);
  EXPECT_EQ(r->unread[0].reason, "bad_ref");
  EXPECT_EQ(r->unread[0].path.rfind("packed-refs:", 0), 0u) << r->unread[0].path;
}

// Writes a tree holding name -> oid (mode) into repo; returns its id.
git_oid write_tree(git_repository* repo, const std::vector<std::tuple<std::string, git_oid, git_filemode_t>>& entries) {
  git_treebuilder* builder = nullptr;
  EXPECT_EQ(git_treebuilder_new(&builder, repo, nullptr), 0);
  for (const auto& [name, oid, mode] : entries) EXPECT_EQ(git_treebuilder_insert(nullptr, builder, name.c_str(), &oid, mode), 0);
  git_oid out;
  EXPECT_EQ(git_treebuilder_write(&out, builder), 0);
  git_treebuilder_free(builder);
  return out;
}

// The attack: a tree nested 20,000 levels deep overflowed the stack of the recursive walk (SIGSEGV). Now the walk
// is iterative, stops at kMaxTreeDepth with an unread entry, and scans everything else.
TEST(GitHistory, ATreeNestedTooDeepIsCutAndTheRestIsScanned) {
  GitRepo repo;
  testing::FakeCredential shallow = fake_credential(34), deep = fake_credential(35), at_limit = fake_credential(36);
  repo.write("README.md", "hello\n");
  repo.commit("init");
  git_libgit2_init();
  git_repository* raw = nullptr;
  ASSERT_EQ(git_repository_open(&raw, repo.path().c_str()), 0);
  std::unique_ptr<git_repository, void (*)(git_repository*)> r(raw, git_repository_free);
  auto blob = [&](const std::string& text) {
    git_oid oid;
    EXPECT_EQ(git_blob_create_from_buffer(&oid, r.get(), text.data(), text.size()), 0);
    return oid;
  };
  constexpr size_t kLevels = 20000;
  git_oid tree = write_tree(r.get(), {{"leak.env", blob(pair_text(deep)), GIT_FILEMODE_BLOB}});
  for (size_t level = 1; level < kLevels; ++level) {
    std::vector<std::tuple<std::string, git_oid, git_filemode_t>> entries{{"d", tree, GIT_FILEMODE_TREE}};
    // The last directory the walk still opens (the root is level 0 of the stack) holds a key that must be found.
    if (level == kLevels - kMaxTreeDepth + 1) entries.emplace_back("edge.env", blob(pair_text(at_limit)), GIT_FILEMODE_BLOB);
    tree = write_tree(r.get(), entries);
  }
  tree = write_tree(r.get(), {{"d", tree, GIT_FILEMODE_TREE}, {"shallow.env", blob(pair_text(shallow)), GIT_FILEMODE_BLOB}});
  git_tree* root = nullptr;
  ASSERT_EQ(git_tree_lookup(&root, r.get(), &tree), 0);
  git_signature* sig = nullptr;
  ASSERT_EQ(git_signature_new(&sig, "Mallory", "m@example.org", 1700000000, 0), 0);
  git_oid head, commit;
  ASSERT_EQ(git_reference_name_to_id(&head, r.get(), "HEAD"), 0);
  git_commit* parent = nullptr;
  ASSERT_EQ(git_commit_lookup(&parent, r.get(), &head), 0);
  const git_commit* parents[] = {parent};
  ASSERT_EQ(git_commit_create(&commit, r.get(), "refs/heads/deep", sig, sig, nullptr, "deep", root, 1, parents), 0);
  git_commit_free(parent);
  git_signature_free(sig);
  git_tree_free(root);

  Result<ScanResult> scanned = scan_git_history(repo.path(), {});
  ASSERT_TRUE(scanned.ok()) << scanned.error().format();
  std::vector<std::string> ids;
  for (const Finding& f : scanned->findings) ids.push_back(f.key_id);
  EXPECT_EQ(ids, (std::vector<std::string>{at_limit.id, shallow.id}));
  ASSERT_EQ(scanned->unread.size(), 1u);
  EXPECT_EQ(scanned->unread[0].reason, "too_deep");
  std::string cut;
  for (size_t level = 0; level < kMaxTreeDepth; ++level) cut += level ? "/d" : "d";
  EXPECT_EQ(scanned->unread[0].path, cut);
  EXPECT_FALSE(scanned->complete());
}

TEST(GitHistory, NotARepositoryIsAnError) {
  TempDir dir;
  Result<ScanResult> r = scan_git_history(dir.path(), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not a readable git repository"), std::string::npos);
}

TEST(GitStaged, ScansOnlyWhatIsStaged) {
  GitRepo repo;
  repo.write("old.env", pair_text(fake_credential(6)));
  repo.commit("old key, already committed");
  repo.write("new.env", pair_text(fake_credential(7)));
  repo.write("unstaged.env", pair_text(fake_credential(8)));
  ASSERT_EQ(repo.run("git add new.env"), 0);
  Result<ScanResult> r = scan_staged(repo.path(), {});
  ASSERT_TRUE(r.ok()) << r.error().format();
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].path, "new.env");
  EXPECT_FALSE(r->findings[0].origin.has_value());
}

TEST(GitStaged, WorksBeforeTheFirstCommit) {
  GitRepo repo;
  repo.write("first.env", pair_text(fake_credential(9)));
  ASSERT_EQ(repo.run("git add first.env"), 0);
  Result<ScanResult> r = scan_staged(repo.path(), {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->findings.size(), 1u);
}

}  // namespace
}  // namespace iamwarden::secrets
