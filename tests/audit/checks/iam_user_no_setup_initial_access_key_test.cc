// iam_user_no_setup_initial_access_key: a console user's active, never-used key created on the
// user's creation day fails; a used key, a later key, or a user without password passes.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_user_no_setup_initial_access_key";

snapshot::CredentialReportRow& console_user(AuditFixture& fx, std::string name, int64_t created_days) {
  snapshot::CredentialReportRow& row = fx.add_row(std::move(name));
  row.password_enabled = true;
  row.user_creation_time = days_before(fx.now, created_days);
  return row;
}

TEST(IamUserNoSetupInitialAccessKey, KeyFromSetupNeverUsedFails) {
  AuditFixture fx;
  snapshot::CredentialReportRow& alice = console_user(fx, "alice", 200);
  alice.access_keys[0].active = true;
  alice.access_keys[0].last_rotated =
      snapshot::make_timestamp(snapshot::format_timestamp(*alice.user_creation_time.unix_seconds + 60));
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:user/alice");
  EXPECT_EQ(f.message,
            "access key 1 was created with the user (" + alice.access_keys[0].last_rotated.text + ") and never used");

  // Once used, the key passes.
  fx.account.credential_report->rows[0].access_keys[0].last_used_date = days_before(fx.now, 3);
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.message, "access key 1 has been used");
}

TEST(IamUserNoSetupInitialAccessKey, LaterKeysAndUsersWithoutPasswordPass) {
  AuditFixture fx;
  snapshot::CredentialReportRow& later = console_user(fx, "later", 200);
  later.access_keys[1].active = true;
  later.access_keys[1].last_rotated = days_before(fx.now, 10);
  snapshot::CredentialReportRow& ci = fx.add_row("ci");
  ci.access_keys[0].active = true;
  ci.access_keys[0].last_rotated = ci.user_creation_time;
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kPass);
  EXPECT_NE(f[0].message.find("access key 2 was created after the user's setup"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].message, "no console password");
}

TEST(IamUserNoSetupInitialAccessKey, NotEvaluated) {
  AuditFixture fx;
  expect_not_evaluated(fx, kId, "credential-report.csv was not collected");
}

}  // namespace
}  // namespace iamwarden::audit::testing
