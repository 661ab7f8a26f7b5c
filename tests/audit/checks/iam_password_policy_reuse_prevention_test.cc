// iam_password_policy_reuse_prevention: PasswordReusePrevention at least the target passes; absent
// or lower fails; a target of 0 turns it off.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_password_policy_reuse_prevention";

TEST(IamPasswordPolicyReusePrevention, CountAgainstTheTarget) {
  AuditFixture fx;
  fx.add_row("alice").password_enabled = true;
  fx.account.password_policy.state = snapshot::PasswordPolicyState::kPresent;
  fx.account.password_policy.reuse_prevention = 5;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:root");
  EXPECT_EQ(f.message, "PasswordReusePrevention is 5 (target: 5 or more)");

  fx.config.password.reuse_prevention = 24;  // the CIS profile
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "PasswordReusePrevention is 5 (target: 24 or more)");

  fx.account.password_policy.reuse_prevention.reset();
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "PasswordReusePrevention is not set (target: 24 or more)");

  fx.config.password.reuse_prevention = 0;
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.message, "password_policy.reuse_prevention = 0: PasswordReusePrevention is not required");
}

TEST(IamPasswordPolicyReusePrevention, NotCollected) {
  AuditFixture fx;
  fx.account.files.push_back({"password-policy.json", snapshot::FileStatus::kFailed, "AccessDenied"});
  expect_not_evaluated(fx, kId, "password-policy.json could not be collected: AccessDenied");
}

}  // namespace
}  // namespace iamwarden::audit::testing
