// iam_user_access_keys_rotated: active keys older than the limit fail (each named with its age);
// inactive keys are never flagged; an active key without a date is not evaluated.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_user_access_keys_rotated";

TEST(IamUserAccessKeysRotated, OldActiveKeyFails) {
  AuditFixture fx;
  fx.add_row("<root_account>").access_keys[0] = {true, days_before(fx.now, 900), {}, "", ""};
  snapshot::CredentialReportRow& alice = fx.add_row("alice");
  alice.access_keys[0].active = true;
  alice.access_keys[0].last_rotated = days_before(fx.now, 30);
  alice.access_keys[1].active = true;
  alice.access_keys[1].last_rotated = days_before(fx.now, 203);
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:user/alice");
  EXPECT_EQ(f.message, "access key 2 last rotated 203 days ago (limit 90)");
  EXPECT_EQ(f.evidence, std::vector<std::string>{"access key 1 last rotated 30 days ago (limit 90)"});

  fx.config.thresholds.access_key_rotation_days = 365;
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.message,
            "access key 1 last rotated 30 days ago (limit 365); access key 2 last rotated 203 days ago (limit 365)");
}

TEST(IamUserAccessKeysRotated, InactiveKeysAreNeverFlagged) {
  AuditFixture fx;
  snapshot::CredentialReportRow& old = fx.add_row("old");
  old.access_keys[0].last_rotated = days_before(fx.now, 1000);  // inactive, keeps its date
  fx.add_row("none");
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].message, "no active access key; access key 1 is inactive (not checked)");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].message, "no active access key");
}

TEST(IamUserAccessKeysRotated, NotEvaluated) {
  AuditFixture fx;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.message, "credential-report.csv was not collected");

  fx.add_row("odd").access_keys[0].active = true;  // active, but last_rotated "N/A"
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.message, "access key 1 is active but its last_rotated is \"N/A\" (credential-report.csv)");
}

}  // namespace
}  // namespace iamwarden::audit::testing
