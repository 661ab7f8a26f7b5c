// Loading the account1 fixture directory: every file, the manifest record, and a principal's policies.
#include <gtest/gtest.h>

#include <filesystem>

#include "catalog/managed_policies.h"
#include "snapshot/principal.h"
#include "snapshot/snapshot.h"
#include "snapshot/summary.h"
#include "scratch_dir.h"

namespace iamwarden::snapshot {
namespace {

std::string fixture() { return std::string(IAMWARDEN_SOURCE_DIR) + "/tests/snapshot/data/account1"; }

const catalog::ManagedPolicies* builtin() {
  static Result<catalog::ManagedPolicies> policies = catalog::load_managed_policies();
  return policies ? &*policies : nullptr;
}

Account load_fixture() {
  LoadOptions options;
  options.managed_policies = builtin;
  Result<Account> a = load_snapshot(fixture(), options);
  EXPECT_TRUE(a.ok()) << (a ? "" : a.error().format());
  return a ? a.take() : Account{};
}

TEST(SnapshotDir, LoadsEveryFile) {
  Account a = load_fixture();
  EXPECT_EQ(a.account_id, "111122223333");
  EXPECT_EQ(a.iam.files.size(), 2u);  // two pages merged
  EXPECT_EQ(a.iam.users.size(), 1u);
  EXPECT_EQ(a.iam.roles.size(), 2u);
  ASSERT_TRUE(a.credential_report.has_value());
  EXPECT_EQ(a.credential_report->rows.size(), 2u);
  EXPECT_EQ(a.password_policy.state, PasswordPolicyState::kNone);
  ASSERT_TRUE(a.account_summary.has_value());
  EXPECT_EQ(a.account_summary->at("AccountMFAEnabled"), 1);
  ASSERT_TRUE(a.virtual_mfa_devices.has_value());
  EXPECT_TRUE((*a.virtual_mfa_devices)[0].root());
  EXPECT_FALSE((*a.virtual_mfa_devices)[1].root());
  ASSERT_TRUE(a.trails.has_value());
  ASSERT_EQ(a.trails->size(), 1u);
  EXPECT_TRUE((*a.trails)[0].is_logging);
  EXPECT_TRUE((*a.trails)[0].selectors_known);
  EXPECT_EQ((*a.trails)[0].latest_delivery_time.unix_seconds, 1454022144);
  ASSERT_TRUE(a.analyzers.has_value());
  EXPECT_EQ(a.analyzers->size(), 1u);
  ASSERT_TRUE(a.organizations_features.has_value());
  EXPECT_FALSE(a.oidc_providers.has_value());  // not collected: distinct from none
  EXPECT_EQ(a.file_status("server-certificates.json"), FileStatus::kFailed);
  EXPECT_EQ(a.file_status("open-id-connect-providers.json"), FileStatus::kMissing);
  EXPECT_EQ(a.file_status("password-policy.json"), FileStatus::kLoaded);
  ASSERT_EQ(a.organization.path.size(), 3u);
  EXPECT_EQ(a.organization.path[0].type, "ROOT");
  EXPECT_EQ(a.organization.path[2].id, "111122223333");
}

TEST(SnapshotDir, IndexesByArnNameAndId) {
  Account a = load_fixture();
  const User* by_name = a.find_user("alice");
  ASSERT_NE(by_name, nullptr);
  EXPECT_EQ(a.find_user("arn:aws:iam::111122223333:user/alice"), by_name);
  EXPECT_EQ(a.find_user("AIDAEXAMPLEALICE00001"), by_name);
  EXPECT_NE(a.find_role("deployer"), nullptr);
  EXPECT_NE(a.find_group("AGPAEXAMPLEADMINS0001"), nullptr);
  const ManagedPolicy* custom = a.find_policy("custom");
  ASSERT_NE(custom, nullptr);
  ASSERT_NE(custom->default_version(), nullptr);
  EXPECT_EQ(custom->default_version()->version_id, "v2");
  EXPECT_EQ(custom->versions.size(), 2u);
}

TEST(SnapshotDir, ResolvesAwsManagedPoliciesAndReportsTheRest) {
  Account a = load_fixture();
  if (!builtin()) GTEST_SKIP() << "no built-in managed policies";
  const ManagedPolicy* ro = a.find_policy("arn:aws:iam::aws:policy/ReadOnlyAccess");
  ASSERT_NE(ro, nullptr);
  EXPECT_EQ(ro->source, PolicySource::kBuiltinCatalog);
  ASSERT_EQ(a.unresolved_policies.size(), 1u);
  EXPECT_EQ(a.unresolved_policies[0].arn, "arn:aws:iam::aws:policy/NoSuchManagedPolicyAnywhere");
  EXPECT_EQ(a.unresolved_policies[0].referenced_by[0], "arn:aws:iam::111122223333:user/alice");
}

TEST(SnapshotDir, PrincipalPoliciesWithSources) {
  Account a = load_fixture();
  Result<PrincipalPolicies> p = principal_policies(a, "alice");
  ASSERT_TRUE(p.ok()) << p.error().format();
  std::vector<std::string> seen;
  for (const AppliedPolicy& ap : p->policies)
    seen.push_back(std::string(attachment_name(ap.attachment)) + ":" + (ap.name.empty() ? ap.arn : ap.name) +
                   (ap.via.empty() ? "" : "@" + ap.via));
  std::vector<std::string> expected = {"inline:encoded-inline", "managed:ReadOnlyAccess",
                                       "managed:NoSuchManagedPolicyAnywhere", "group-inline:group-inline@admins",
                                       "group-managed:custom@admins", "boundary:boundary",
                                       "scp:FullAWSAccess@r-ab12 (ROOT)",
                                       "scp:FullAWSAccess@ou-ab12-workload1 (ORGANIZATIONAL_UNIT)",
                                       "scp:DenyOtherRegions@ou-ab12-workload1 (ORGANIZATIONAL_UNIT)",
                                       "scp:FullAWSAccess@111122223333 (ACCOUNT)"};
  EXPECT_EQ(seen, expected);
  // The missing group and the unresolvable policy are reported, not dropped.
  EXPECT_NE(std::find(p->unresolved.begin(), p->unresolved.end(), "group ghosts"), p->unresolved.end());
  EXPECT_NE(std::find(p->unresolved.begin(), p->unresolved.end(), "arn:aws:iam::aws:policy/NoSuchManagedPolicyAnywhere"),
            p->unresolved.end());
  EXPECT_TRUE(p->scps_evaluated);
  // The inline policy was URL-encoded; it is decoded and parses.
  const AppliedPolicy& inl = p->policies[0];
  ASSERT_NE(inl.document, nullptr);
  EXPECT_TRUE(inl.document->was_encoded);
  EXPECT_EQ(inl.document->origin.pointer, "/UserDetailList/0/UserPolicyList/0/PolicyDocument");
}

TEST(SnapshotDir, ServiceLinkedRoleGetsNoScpsAndSessionArnMapsToRole) {
  Account a = load_fixture();
  Result<PrincipalPolicies> slr = principal_policies(a, "AWSServiceRoleForSupport");
  ASSERT_TRUE(slr.ok());
  for (const AppliedPolicy& ap : slr->policies) EXPECT_NE(ap.attachment, Attachment::kScp);
  Result<PrincipalPolicies> session =
      principal_policies(a, "arn:aws:sts::111122223333:assumed-role/deployer/session-1");
  ASSERT_TRUE(session.ok()) << session.error().format();
  EXPECT_EQ(session->name, "deployer");
  EXPECT_FALSE(principal_policies(a, "nobody").ok());
}

TEST(SnapshotDir, SummaryParsesEveryDocument) {
  Account a = load_fixture();
  Summary s = summarize(a);
  EXPECT_EQ(s.invalid_documents.size(), 0u) << (s.invalid_documents.empty() ? "" : s.invalid_documents[0].error.format());
  EXPECT_GE(s.documents, 8u);
  std::string json = summary_json(a, s, "x");
  EXPECT_NE(json.find("\"status\":\"failed\",\"detail\":\"AccessDenied: not authorized\""), std::string::npos);
}

TEST(SnapshotDir, GaadOnlyMarksTheRestMissing) {
  Result<Account> a = load_gaad_snapshot(fixture() + "/authorization-details/page-2.json");
  ASSERT_TRUE(a.ok()) << a.error().format();
  EXPECT_FALSE(a->credential_report.has_value());
  EXPECT_EQ(a->password_policy.state, PasswordPolicyState::kNotCollected);
  EXPECT_FALSE(a->trails.has_value());
  Result<PrincipalPolicies> p = principal_policies(*a, "deployer");
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p->scps_evaluated);
  EXPECT_FALSE(p->scp_note.empty());
}

TEST(SnapshotDir, UnreadableDirectoryIsAnError) {
  Result<Account> a = load_snapshot(fixture() + "/no-such-dir");
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.error().format().find("no-such-dir"), std::string::npos);
}

}  // namespace
}  // namespace iamwarden::snapshot

namespace iamwarden::snapshot {
namespace {

namespace fs = std::filesystem;

TEST(SnapshotDir, ManifestNotFoundMeansNoPasswordPolicy) {
  ScratchDir dir;
  dir.write("manifest.json", R"({"accountId": "111122223333", "files": {"password-policy.json": {"status": "not_found", "error": "NoSuchEntity"}}})");
  Result<Account> a = load_snapshot(dir.path.string());
  ASSERT_TRUE(a.ok()) << a.error().format();
  EXPECT_EQ(a->password_policy.state, PasswordPolicyState::kNone);
  EXPECT_EQ(a->file_status("password-policy.json"), FileStatus::kNotFound);
  EXPECT_FALSE(a->iam_present);
  dir.write("manifest.json", R"({"files": {"x.json": {"status": "maybe"}}})");
  Result<Account> bad = load_snapshot(dir.path.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().loc.json_pointer, "/files/x.json/status");
}

TEST(SnapshotDir, ShadowTrailsAreMergedAcrossRegions) {
  ScratchDir dir;
  std::string trails = R"({"trailList": [{"Name": "org", "TrailARN": "arn:aws:cloudtrail:us-east-1:999988887777:trail/org", "HomeRegion": "us-east-1", "IsMultiRegionTrail": true, "IsOrganizationTrail": true}]})";
  dir.write("cloudtrail/us-east-1/trails.json", trails);
  dir.write("cloudtrail/eu-west-1/trails.json", trails);
  Result<Account> a = load_snapshot(dir.path.string());
  ASSERT_TRUE(a.ok()) << a.error().format();
  ASSERT_TRUE(a->trails.has_value());
  ASSERT_EQ(a->trails->size(), 1u);
  EXPECT_EQ((*a->trails)[0].seen_in_regions.size(), 2u);
  EXPECT_FALSE((*a->trails)[0].status_known);  // no trail-status.json: not evaluated
  EXPECT_EQ(a->file_status("cloudtrail/eu-west-1/trail-status.json"), FileStatus::kMissing);
}

TEST(SnapshotDir, MergedFileNextToItsPagesIsNotCountedTwice) {
  ScratchDir dir;
  std::string page = R"({"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r"}]})";
  dir.write("authorization-details.json", page);
  dir.write("authorization-details/0001.json", page);
  Result<Account> a = load_snapshot(dir.path.string());
  ASSERT_TRUE(a.ok()) << a.error().format();
  EXPECT_EQ(a->iam.roles.size(), 1u);
  EXPECT_EQ(a->iam.files.size(), 2u);
  ASSERT_EQ(a->warnings.size(), 1u);
  EXPECT_NE(a->warnings[0].find("1 roles listed more than once"), std::string::npos);
  EXPECT_NE(a->find_role("r"), nullptr);
}

TEST(SnapshotDir, WrongShapeInASmallFileNamesFileAndPointer) {
  ScratchDir dir;
  dir.write("account-summary.json", R"({"SummaryMap": {"Users": "many"}})");
  Result<Account> a = load_snapshot(dir.path.string());
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.error().loc.file.find("account-summary.json"), std::string::npos);
  EXPECT_EQ(a.error().loc.json_pointer, "/SummaryMap/Users");
  EXPECT_EQ(a.error().loc.line, 1u);
}

}  // namespace
}  // namespace iamwarden::snapshot
