// iam_user_mfa_enabled: every user without MFA fails, with or without a console password.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_user_mfa_enabled";

TEST(IamUserMfaEnabled, EveryUserNeedsMfa) {
  AuditFixture fx;
  fx.add_row("<root_account>");
  snapshot::CredentialReportRow& ci = fx.add_row("ci");
  ci.access_keys[0].active = true;
  snapshot::CredentialReportRow& alice = fx.add_row("alice");
  alice.password_enabled = true;
  alice.mfa_active = true;
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:user/ci");
  EXPECT_EQ(f[0].message, "no MFA device (no console password, 1 active access key)");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].resource_name, "alice");
  EXPECT_EQ(f[1].message, "MFA active");
}

TEST(IamUserMfaEnabled, PasswordUserWithoutMfa) {
  AuditFixture fx;
  fx.add_row("bob").password_enabled = true;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "no MFA device (console password (never used), 0 active access keys)");
}

TEST(IamUserMfaEnabled, NotEvaluatedWithoutReport) {
  AuditFixture fx;
  fx.add_user("alice");  // the authorization details do not say whether a user has MFA
  expect_not_evaluated(fx, kId, "credential-report.csv was not collected");
}

}  // namespace
}  // namespace iamwarden::audit::testing
