// iam_user_mfa_enabled_console_access: console password without MFA fails; the root row is skipped.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_user_mfa_enabled_console_access";

TEST(IamUserMfaEnabledConsoleAccess, PasswordWithoutMfaFails) {
  AuditFixture fx;
  fx.add_row("<root_account>").password_enabled = true;  // root: never part of a user check
  snapshot::CredentialReportRow& alice = fx.add_row("alice");
  alice.password_enabled = true;
  alice.password_last_used = days_before(fx.now, 3);
  alice.line = 3;
  snapshot::CredentialReportRow& bob = fx.add_row("bob");
  bob.password_enabled = true;
  bob.mfa_active = true;
  fx.add_row("ci");  // keys only
  std::vector<Finding> f = fx.run(kId);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].status, Status::kFail);
  EXPECT_EQ(f[0].resource, "arn:aws:iam::111122223333:user/alice");
  EXPECT_EQ(f[0].resource_name, "alice");
  EXPECT_EQ(f[0].origin.line, 3u);
  EXPECT_EQ(f[0].message, "console password (last used 3 days ago) and no MFA device");
  EXPECT_EQ(f[1].status, Status::kPass);
  EXPECT_EQ(f[1].message, "console password (never used) with MFA active");
  EXPECT_EQ(f[2].status, Status::kPass);
  EXPECT_EQ(f[2].message, "no console password");
}

TEST(IamUserMfaEnabledConsoleAccess, NotSupportedCountsAsPassword) {
  AuditFixture fx;
  fx.add_row("odd").password_enabled = std::nullopt;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_NE(f.message.find("not_supported: assumed present"), std::string::npos) << f.message;
}

TEST(IamUserMfaEnabledConsoleAccess, NoReportOrNoUsers) {
  AuditFixture fx;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:root");
  EXPECT_EQ(f.message, "credential-report.csv was not collected");

  fx.add_row("<root_account>");
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.resource_name, "111122223333");
  EXPECT_EQ(f.message, "credential-report.csv lists no IAM user (only the root user)");
}

}  // namespace
}  // namespace iamwarden::audit::testing
