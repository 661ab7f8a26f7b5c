// The fail-closed rules of the snapshot loader: entries that are not regular files, the manifest's
// failures, whole-document validation, and dates after the snapshot.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "snapshot/completeness.h"
#include "snapshot/snapshot.h"
#include "scratch_dir.h"

namespace iamwarden::snapshot {
namespace {

namespace fs = std::filesystem;

constexpr const char* kGaad =
    R"({"UserDetailList": [{"UserName": "alice", "Arn": "arn:aws:iam::111122223333:user/alice",
 "CreateDate": "2020-01-01T00:00:00Z"}], "RoleDetailList": [], "GroupDetailList": [], "Policies": []})";

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

std::string load_error(const ScratchDir& dir) {
  Result<Account> a = load_snapshot(dir.path.string());
  return a ? "loaded" : a.error().format();
}

std::string rel_error(const ScratchDir& dir, const std::string& text) {
  // Error texts name the path; the scratch directory's name varies by run.
  std::string out = text;
  std::string prefix = dir.path.string() + "/";
  for (size_t at; (at = out.find(prefix)) != std::string::npos;) out.erase(at, prefix.size());
  return out;
}

TEST(SnapshotGate, FifoIsUnreadableNotMissingAndNeverBlocks) {
  ScratchDir dir;
  ASSERT_EQ(::mkfifo((dir.path / "authorization-details.json").c_str(), 0600), 0);
  EXPECT_EQ(rel_error(dir, load_error(dir)),
            "authorization-details.json: is a FIFO (named pipe), not a regular file\n"
            "  hint: a snapshot holds regular files and directories only; replace the entry with the file itself");
}

TEST(SnapshotGate, SymlinksAreNotFollowed) {
  ScratchDir dir;
  dir.write("elsewhere/real.json", kGaad);
  fs::create_symlink(dir.path / "elsewhere/real.json", dir.path / "authorization-details.json");
  EXPECT_PRED2(starts_with, rel_error(dir, load_error(dir)), "authorization-details.json: is a symbolic link, which is not followed inside a snapshot\n  hint");
}

TEST(SnapshotGate, SymlinkLoopAndDirectoryAreUnreadable) {
  ScratchDir dir;
  fs::create_symlink("password-policy.json", dir.path / "password-policy.json");  // points at itself
  dir.write("authorization-details.json", kGaad);
  EXPECT_PRED2(starts_with, rel_error(dir, load_error(dir)), "password-policy.json: is a symbolic link, which is not followed inside a snapshot\n  hint");
  ScratchDir dir2("-2");
  fs::create_directories(dir2.path / "authorization-details.json");
  EXPECT_PRED2(starts_with, rel_error(dir2, load_error(dir2)), "authorization-details.json: is a directory, not a regular file");
}

TEST(SnapshotGate, LinksInsideSnapshotFoldersAreUnreadable) {
  ScratchDir dir;
  dir.write("authorization-details/page-1.json", kGaad);
  fs::create_symlink("/dev/null", dir.path / "authorization-details/page-2.json");
  EXPECT_PRED2(starts_with, rel_error(dir, load_error(dir)), "authorization-details/page-2.json: is a symbolic link, which is not followed inside a snapshot\n  hint");
  ScratchDir dir2("-2");
  dir2.write("authorization-details.json", kGaad);
  dir2.write("real/trails.json", "{\"trailList\": []}");
  fs::create_symlink(dir2.path / "real", dir2.path / "cloudtrail");
  EXPECT_PRED2(starts_with, rel_error(dir2, load_error(dir2)), "cloudtrail: is a symbolic link, which is not followed inside a snapshot");
}

TEST(SnapshotGate, EmptyDirectoryHasTheAuthorizationDetailsGap) {
  ScratchDir dir;
  Result<Account> a = load_snapshot(dir.path.string());
  ASSERT_TRUE(a.ok());
  std::vector<SnapshotGap> gaps = snapshot_gaps(*a);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gap_line(gaps[0]), "authorization-details.json: no authorization details (users, groups, roles, policies)");
}

TEST(SnapshotGate, ManifestFailuresAndLostFilesAreGaps) {
  ScratchDir dir;
  dir.write("authorization-details.json", kGaad);
  dir.write("manifest.json", R"({"accountId": "111122223333", "collectedAt": "2026-11-28T12:00:00Z", "files": {
    "authorization-details.json": {"status": "ok"},
    "credential-report.csv": {"status": "ok"},
    "organizations/organization.json": {"status": "failed", "error": "AccessDeniedException: no\u001b[31m"},
    "password-policy.json": {"status": "not_found", "error": "NoSuchEntity"}}})");
  Result<Account> a = load_snapshot(dir.path.string());
  ASSERT_TRUE(a.ok()) << a.error().format();
  std::vector<std::string> lines;
  for (const SnapshotGap& g : snapshot_gaps(*a)) lines.push_back(gap_line(g));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "credential-report.csv: missing (the manifest lists it as collected, but it is not in the snapshot)");
  EXPECT_EQ(lines[1], "organizations/organization.json: collection failed (AccessDeniedException: no\\x1b[31m)");
  EXPECT_EQ(gaps_headline({"a: collection failed"}),
            "WARNING: incomplete snapshot: a: collection failed; results that need them are NOT_EVALUATED");
}

TEST(SnapshotGate, GaadJunkAndDuplicateListsAreRefused) {
  ScratchDir dir;
  dir.write("authorization-details.json", "{\"UserDetailList\": [],\n \"Junk\": {\"a\": tru}}");
  EXPECT_EQ(rel_error(dir, load_error(dir)),
            "authorization-details.json:2:16: not valid JSON: invalid literal (expected true, false or null) (at /Junk/a)");
  dir.write("authorization-details.json", std::string(kGaad).substr(0, std::string(kGaad).size() - 1) +
                                              ",\n\"UserDetailList\": [{\"UserName\": \"bob\", \"Arn\": \"arn:aws:iam::111122223333:user/bob\"}]}");
  EXPECT_EQ(rel_error(dir, load_error(dir)),
            "authorization-details.json:3:1: member \"UserDetailList\" appears more than once in this object (first at "
            "1:2) (at /UserDetailList)");
}

TEST(SnapshotGate, SmallFilesAreValidatedWhole) {
  ScratchDir dir;
  dir.write("authorization-details.json", kGaad);
  dir.write("account-summary.json", "{\"SummaryMap\": {\"Users\": 1, \"Users\": 2}}");
  EXPECT_EQ(rel_error(dir, load_error(dir)),
            "account-summary.json:1:29: member \"Users\" appears more than once in this object (first at 1:17) "
            "(at /SummaryMap/Users)");
  dir.write("account-summary.json", "{\"SummaryMap\": {}, \"Unused\": [1 2]}");
  EXPECT_EQ(rel_error(dir, load_error(dir)),
            "account-summary.json:1:33: not valid JSON: expected ',' or ']' after an array element (at /Unused/0)");
}

TEST(SnapshotGate, DatesAfterTheSnapshotAreInvalid) {
  ScratchDir dir;
  dir.write("authorization-details.json",
            R"({"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r",
 "RoleLastUsed": {"LastUsedDate": "2099-01-01T00:00:00Z"}}]})");
  dir.write("manifest.json", R"({"collectedAt": "2026-11-28T12:00:00Z"})");
  EXPECT_EQ(rel_error(dir, load_error(dir)),
            "authorization-details.json:1:21: RoleLastUsed.LastUsedDate is 2099-01-01T00:00:00Z, after the snapshot was "
            "taken (2026-11-28T12:00:00Z, manifest collectedAt): a date in the future is invalid data (at "
            "/RoleDetailList/0/RoleLastUsed/LastUsedDate)\n"
            "  hint: collect the snapshot again; with --now, give a time after the snapshot was taken");
  // Within the clock-skew tolerance: accepted.
  dir.write("authorization-details.json",
            R"({"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r",
 "RoleLastUsed": {"LastUsedDate": "2026-11-28T12:10:00Z"}}]})");
  EXPECT_EQ(load_error(dir), "loaded");
}

TEST(SnapshotGate, CredentialReportDatesAfterItsGenerationAreInvalid) {
  ScratchDir dir;
  dir.write("authorization-details.json", kGaad);
  std::string header =
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
      "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
      "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
      "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
      "cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n";
  std::string row = "alice,arn:aws:iam::111122223333:user/alice,2020-01-01T00:00:00+00:00,true,{USED},"
                    "2020-01-01T00:00:00+00:00,2099-01-01T00:00:00+00:00,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,"
                    "N/A,false,N/A,false,N/A\n";
  auto with = [&](const std::string& used) {
    std::string r = row;
    r.replace(r.find("{USED}"), 6, used);
    return header + r;
  };
  dir.write("manifest.json", R"({"collectedAt": "2026-11-28T12:00:00Z"})");
  dir.write("credential-report.csv", with("2099-05-01T00:00:00+00:00"));
  EXPECT_EQ(rel_error(dir, load_error(dir)),
            "credential-report.csv:2:1: the row of \"alice\": password_last_used is 2099-05-01T00:00:00+00:00, after the "
            "snapshot was taken (2026-11-28T12:00:00Z, manifest collectedAt): a date in the future is invalid data\n"
            "  hint: collect the snapshot again; with --now, give a time after the snapshot was taken");
  // password_next_rotation (2099 above) is due in the future by nature: not refused.
  dir.write("credential-report.csv", with("2026-11-27T00:00:00+00:00"));
  EXPECT_EQ(load_error(dir), "loaded");
  // Without a manifest or GeneratedTime: judged against LoadOptions::now.
  fs::remove(dir.path / "manifest.json");
  LoadOptions options;
  options.now = 1'700'000'000;  // 2023-11-14
  Result<Account> a = load_snapshot(dir.path.string(), options);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.error().message.find("(2023-11-14T22:13:20Z, --now)"), std::string::npos) << a.error().message;
}

}  // namespace
}  // namespace iamwarden::snapshot
