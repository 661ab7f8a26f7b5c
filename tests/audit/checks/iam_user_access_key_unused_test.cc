// iam_user_access_key_unused: an active key unused past the limit fails; a never-used key fails
// only when older than the limit (a brand-new key passes); inactive keys are not checked.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_user_access_key_unused";

snapshot::CredentialKey active_key(int64_t now, int64_t created_days, std::optional<int64_t> used_days) {
  snapshot::CredentialKey k;
  k.active = true;
  k.last_rotated = days_before(now, created_days);
  k.last_used_date = used_days ? days_before(now, *used_days) : snapshot::make_timestamp("N/A");
  return k;
}

TEST(IamUserAccessKeyUnused, StaleAndOldNeverUsedKeysFail) {
  AuditFixture fx;
  fx.add_row("stale").access_keys[0] = active_key(fx.now, 300, 60);
  fx.add_row("forgotten").access_keys[1] = active_key(fx.now, 100, std::nullopt);
  fx.add_row("busy").access_keys[0] = active_key(fx.now, 300, 1);
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:user/stale");
  EXPECT_EQ(f[0].message, "access key 1 last used 60 days ago (limit 45)");
  EXPECT_EQ(f[1].status, Status::kFail);
  EXPECT_EQ(f[1].message, "access key 2 never used, created 100 days ago (limit 45)");
  EXPECT_EQ(f[2].status, Status::kPass);
  EXPECT_EQ(f[2].message, "access key 1 last used 1 day ago (limit 45)");
}

TEST(IamUserAccessKeyUnused, BrandNewKeyAndInactiveKeyPass) {
  AuditFixture fx;
  fx.add_row("new").access_keys[0] = active_key(fx.now, 2, std::nullopt);
  snapshot::CredentialReportRow& parked = fx.add_row("parked");
  parked.access_keys[0] = active_key(fx.now, 400, 380);
  parked.access_keys[0].active = false;
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_EQ(f[0].message, "access key 1 never used, created 2 days ago (limit 45)");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].message, "no active access key; access key 1 is inactive (not checked)");
}

TEST(IamUserAccessKeyUnused, NotEvaluated) {
  AuditFixture fx;
  expect_not_evaluated(fx, kId, "credential-report.csv was not collected");
}

}  // namespace
}  // namespace iamwarden::audit::testing
