// iam_password_policy_max_age: MaxPasswordAge at most the limit passes; no expiry fails;
// password_policy.max_age_days = 0 turns the requirement off (PASS even without the file).
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_password_policy_max_age";

TEST(IamPasswordPolicyMaxAge, AgeAgainstTheLimit) {
  AuditFixture fx;
  fx.add_row("alice").password_enabled = true;
  fx.account.password_policy.state = snapshot::PasswordPolicyState::kPresent;
  fx.account.password_policy.expire_passwords = true;
  fx.account.password_policy.max_age_days = 90;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:root");
  EXPECT_EQ(f.message, "MaxPasswordAge is 90 days (limit: 90 days)");

  fx.account.password_policy.max_age_days = 180;
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "MaxPasswordAge is 180 days (limit: 90 days)");

  fx.account.password_policy.expire_passwords = false;
  fx.account.password_policy.max_age_days.reset();
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "passwords never expire (no MaxPasswordAge; limit: 90 days)");
}

TEST(IamPasswordPolicyMaxAge, ZeroTurnsTheRequirementOff) {
  AuditFixture fx;  // password-policy.json not collected
  fx.config.password.max_age_days = 0;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.message, "password_policy.max_age_days = 0: password expiry is not required");
  EXPECT_EQ(f.resource_name, "password policy");
}

TEST(IamPasswordPolicyMaxAge, NoPolicyAndNotCollected) {
  AuditFixture fx;
  fx.account.password_policy.state = snapshot::PasswordPolicyState::kNone;
  fx.add_row("keys-only");
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kMuted);
  EXPECT_EQ(f.message, "no password policy set: the IAM default applies (required: MaxPasswordAge <= 90)");

  fx.account.password_policy.state = snapshot::PasswordPolicyState::kNotCollected;
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.message, "password-policy.json was not collected");
}

}  // namespace
}  // namespace iamwarden::audit::testing
