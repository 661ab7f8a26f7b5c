// History and staged scans on small repositories built with the git command line: the commit that introduced
// a key (later removed), all refs, one finding per secret, a corrupt object, and the index.
#include <gtest/gtest.h>

#include <filesystem>
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
