// Scanning directories: .gitignore, binary and oversized files, symlinks, and bad input that is reported while
// the scan goes on (unreadable paths, invalid UTF-8, huge lines).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "secrets/scan.h"
#include "temp_dir.h"
#include "test_keys.h"

namespace iamwarden::secrets {
namespace {

using testing::fake_credential;
using testing::TempDir;

std::string pair_text(uint64_t seed) {
  testing::FakeCredential c = fake_credential(seed);
  return "aws_access_key_id = " + c.id + "\naws_secret_access_key = " + c.secret + "\n";
}

ScanResult scan_dir(const std::string& dir, ScanOptions options = {}) {
  Result<ScanResult> r = scan_paths({dir}, options);
  EXPECT_TRUE(r.ok());
  return r.ok() ? r.take() : ScanResult{};
}

TEST(FileScan, HonoursGitignoreUnlessNoIgnore) {
  TempDir dir;
  dir.write(".gitignore", "build/\n*.log\n!keep.log\n");
  dir.write("src/app.env", pair_text(1));
  dir.write("build/out.env", pair_text(2));
  dir.write("debug.log", pair_text(3));
  dir.write("keep.log", pair_text(4));
  dir.write("sub/.gitignore", "local.cfg\n");
  dir.write("sub/local.cfg", pair_text(5));
  ScanResult r = scan_dir(dir.path());
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].path, dir.path() + "/keep.log");
  EXPECT_EQ(r.findings[1].path, dir.path() + "/src/app.env");
  EXPECT_EQ(r.stats.skipped_ignored, 3u);
  ScanOptions all;
  all.no_ignore = true;
  EXPECT_EQ(scan_dir(dir.path(), all).findings.size(), 5u);
}

TEST(FileScan, BinaryFilesAreScannedAsBytes) {
  TempDir dir;
  // The attack: one NUL byte in front of a key pair used to make the file "binary" and skipped, exit 0.
  testing::FakeCredential c = fake_credential(1);
  dir.write("blob.bin", std::string("\x7f" "ELF\0\0", 6) + pair_text(1));
  ScanResult r = scan_dir(dir.path());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, Rule::kAccessKeyPair);
  EXPECT_EQ(r.findings[0].key_id, c.id);
  EXPECT_EQ(r.findings[0].line, 1u);
  EXPECT_EQ(r.findings[0].column, 27u);  // 6 bytes of header, then "aws_access_key_id = "
  EXPECT_EQ(r.stats.binary, 1u);
  EXPECT_EQ(r.stats.files, 1u);
  EXPECT_TRUE(r.warnings.empty());  // no UTF-8 or line-length noise for binary files
  EXPECT_TRUE(r.complete());
}

TEST(FileScan, OversizedFilesAreScannedAtBothEndsAndListedAsUnread) {
  TempDir dir;
  testing::FakeCredential head = fake_credential(2), tail = fake_credential(3), middle = fake_credential(4);
  // Padded past the limit: a pair in the first MiB, one in the middle (not read), one in the last MiB.
  std::string pad(kEndBytes, '#');
  pad.back() = '\n';
  std::string text = pair_text(2) + pad + pad + pair_text(4) + pad + pad + pair_text(3);
  dir.write("big.txt", text);
  dir.write("small.txt", pair_text(5));
  ScanOptions options;
  options.max_file_size = 1024;
  ScanResult r = scan_dir(dir.path(), options);
  ASSERT_EQ(r.findings.size(), 3u);
  EXPECT_EQ(r.findings[0].key_id, head.id);
  EXPECT_EQ(r.findings[0].line, 1u);
  EXPECT_EQ(r.findings[1].key_id, tail.id);  // line unknown (0), sorted by offset after the head
  EXPECT_EQ(r.findings[1].line, 0u);
  EXPECT_EQ(r.findings[1].column, 0u);
  EXPECT_EQ(r.findings[1].offset, text.size() - pair_text(3).size() + 20);
  EXPECT_EQ(r.findings[1].secret_line, 0u);
  EXPECT_EQ(r.findings[2].path, dir.path() + "/small.txt");
  EXPECT_EQ(r.stats.partial, 1u);
  EXPECT_EQ(r.stats.bytes, 2 * kEndBytes + pair_text(5).size());
  ASSERT_EQ(r.unread.size(), 1u);
  EXPECT_EQ(r.unread[0].path, dir.path() + "/big.txt");
  EXPECT_EQ(r.unread[0].reason, "too_large");
  EXPECT_NE(r.unread[0].detail.find("only the first 1048576 and the last 1048576 bytes were scanned"),
            std::string::npos) << r.unread[0].detail;
  EXPECT_FALSE(r.complete());
  (void)middle;
}

TEST(FileScan, FilesOverTheLimitButWithinBothEndsAreReadWhole) {
  TempDir dir;
  dir.write("mid.txt", std::string(4096, '#') + "\n" + pair_text(2));
  ScanOptions options;
  options.max_file_size = 1024;
  ScanResult r = scan_dir(dir.path(), options);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].line, 2u);
  EXPECT_TRUE(r.complete());
}

TEST(FileScan, SpecialFilesAreListedAsUnreadWithTheirPath) {
  TempDir dir;
  dir.write("a.env", pair_text(1));
  std::string fifo = dir.path() + "/pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  ScanResult r = scan_dir(dir.path());
  EXPECT_EQ(r.findings.size(), 1u);
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.unread.size(), 1u);
  EXPECT_EQ(r.unread[0].path, fifo);
  EXPECT_EQ(r.unread[0].reason, "not_regular_file");
  EXPECT_FALSE(r.complete());
}

// The same tree named as ".", "./" or "sub/.." gives the same fingerprints.
TEST(FileScan, FingerprintsDoNotDependOnHowTheRootIsSpelled) {
  TempDir dir;
  dir.write("src/app.env", pair_text(1));
  struct Cwd {
    std::filesystem::path before = std::filesystem::current_path();
    ~Cwd() { std::filesystem::current_path(before); }
  } restore;
  std::filesystem::current_path(dir.path());
  std::vector<std::string> prints;
  for (const char* root : {".", "./", "src/..", "./src/../"}) {
    Result<ScanResult> r = scan_paths({root}, {});
    ASSERT_TRUE(r.ok()) << root;
    ASSERT_EQ(r->findings.size(), 1u) << root;
    prints.push_back(r->findings[0].fingerprint());
  }
  EXPECT_EQ(prints[0].rfind("src/app.env:aws_access_key_pair:", 0), 0u) << prints[0];
  for (const std::string& p : prints) EXPECT_EQ(p, prints[0]);
}

TEST(FileScan, DoesNotFollowSymlinksOutOfTheTree) {
  TempDir outside, dir;
  outside.write("creds", pair_text(1));
  dir.write("inside.txt", pair_text(2));
  std::filesystem::create_symlink(outside.path() + "/creds", dir.path() + "/link");
  std::filesystem::create_directory_symlink(outside.path(), dir.path() + "/linkdir");
  ScanResult r = scan_dir(dir.path());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.stats.skipped_symlinks, 2u);
}

TEST(FileScan, SkipsDotGit) {
  TempDir dir;
  dir.write(".git/config", pair_text(1));
  dir.write(".env", pair_text(2));
  ScanResult r = scan_dir(dir.path());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].path, dir.path() + "/.env");
}

TEST(FileScan, MissingPathsAreReportedAndTheScanGoesOn) {
  TempDir dir;
  dir.write("good.env", pair_text(1));
  Result<ScanResult> r = scan_paths({dir.path() + "/missing.env", dir.path()}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->findings.size(), 1u);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].loc.file, dir.path() + "/missing.env");
}

TEST(FileScan, UnreadableFilesAreReportedAndTheScanGoesOn) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  TempDir dir;
  dir.write("good.env", pair_text(1));
  std::string locked = dir.write("locked.env", pair_text(2));
  std::filesystem::permissions(locked, std::filesystem::perms::none);
  ScanResult again = scan_dir(dir.path());
  EXPECT_EQ(again.findings.size(), 1u);
  ASSERT_EQ(again.errors.size(), 1u);
  EXPECT_NE(again.errors[0].message.find("cannot open"), std::string::npos);
}

TEST(FileScan, InvalidUtf8IsReportedAndScanned) {
  TempDir dir;
  dir.write("latin1.py", "# caf\xe9\n" + pair_text(1));
  ScanResult r = scan_dir(dir.path());
  EXPECT_EQ(r.findings.size(), 1u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].loc.line, 1u);
  EXPECT_NE(r.warnings[0].message.find("invalid UTF-8 at byte 5"), std::string::npos);
}

TEST(FileScan, HugeLinesAreReportedAndScanned) {
  TempDir dir;
  testing::FakeCredential c = fake_credential(9);
  std::string line(3u << 20, 'x');
  line.replace(2u << 20, 0, " " + c.id + " ");
  dir.write("min.js", "first\n" + line + "\n");
  ScanResult r = scan_dir(dir.path());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].line, 2u);
  EXPECT_EQ(r.findings[0].column, (2u << 20) + 2);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].loc.line, 2u);
}

TEST(FileScan, ManyFilesOnSeveralThreadsGiveTheSameSortedReport) {
  TempDir dir;
  for (int i = 0; i < 200; ++i) dir.write("d" + std::to_string(i % 7) + "/f" + std::to_string(i) + ".env", i % 10 ? "x=1\n" : pair_text(static_cast<uint64_t>(i)));
  ScanOptions one, four;
  one.threads = 1;
  four.threads = 4;
  ScanResult a = scan_dir(dir.path(), one), b = scan_dir(dir.path(), four);
  ASSERT_EQ(a.findings.size(), 20u);
  ASSERT_EQ(b.findings.size(), 20u);
  for (size_t i = 0; i < a.findings.size(); ++i) EXPECT_EQ(a.findings[i].fingerprint(), b.findings[i].fingerprint());
  EXPECT_EQ(a.stats.files, 200u);
}

TEST(FileScan, ThreadCountIsClamped) {
  EXPECT_EQ(worker_count(100000, std::numeric_limits<size_t>::max()), kMaxWorkers);
  EXPECT_EQ(worker_count(std::numeric_limits<unsigned>::max(), 3), 3u);
  TempDir dir;
  dir.write("a.env", pair_text(1));
  ScanOptions many;
  many.threads = 100000;  // unclamped: 100,000 scanners and threads
  ScanResult r = scan_dir(dir.path(), many);
  EXPECT_EQ(r.findings.size(), 1u);
  EXPECT_TRUE(r.warnings.empty());
}

}  // namespace
}  // namespace iamwarden::secrets
