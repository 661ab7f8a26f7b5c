// iam_password_policy_minimum_length, and the behaviour every password-policy check shares: one
// account-level finding; not collected → NOT_EVALUATED; no policy → FAIL; no IAM user with a
// console password → MUTED unless password_policy_without_users.
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

constexpr const char* kId = "iam_password_policy_minimum_length";
constexpr const char* kMuteReason =
    "no IAM user has a console password; set password_policy_without_users = true to report";

struct PolicyFixture : AuditFixture {
  PolicyFixture() {
    account.password_policy.state = snapshot::PasswordPolicyState::kPresent;
    account.password_policy.minimum_length = 8;
    add_row("<root_account>").password_enabled = std::nullopt;
    add_row("alice").password_enabled = true;
  }
};

TEST(IamPasswordPolicyMinimumLength, ShortFailsLongPasses) {
  PolicyFixture fx;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:root");
  EXPECT_EQ(f.resource_name, "password policy");
  EXPECT_EQ(f.origin.file, "password-policy.json");
  EXPECT_EQ(f.message, "MinimumPasswordLength is 8 (target: 14 or more)");

  fx.account.password_policy.minimum_length = 14;
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kPass);
  EXPECT_EQ(f.message, "MinimumPasswordLength is 14 (target: 14 or more)");

  fx.config.password.minimum_length = 20;
  EXPECT_EQ(single_finding(fx, kId).status, Status::kFail);
}

TEST(IamPasswordPolicyMinimumLength, NoPolicyFailsNotCollectedIsNotEvaluated) {
  PolicyFixture fx;
  fx.account.password_policy = {};
  fx.account.password_policy.state = snapshot::PasswordPolicyState::kNone;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kFail);
  EXPECT_EQ(f.message, "no password policy set: the IAM default applies (required: MinimumPasswordLength >= 14)");

  fx.account.password_policy.state = snapshot::PasswordPolicyState::kNotCollected;
  f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kNotEvaluated);
  EXPECT_EQ(f.message, "password-policy.json was not collected");
  EXPECT_EQ(f.resource_name, "password policy");
}

TEST(IamPasswordPolicyMinimumLength, MutedWhenNoUserHasAConsolePassword) {
  PolicyFixture fx;
  fx.account.credential_report->rows[1].password_enabled = false;  // alice: keys only; root does not count
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kMuted);
  EXPECT_EQ(f.mute_reason, kMuteReason);
  EXPECT_EQ(f.message, "MinimumPasswordLength is 8 (target: 14 or more)");

  fx.config.password_policy_without_users = true;
  EXPECT_EQ(single_finding(fx, kId).status, Status::kFail);
}

TEST(IamPasswordPolicyMinimumLength, MutingFromTheAuthorizationDetails) {
  PolicyFixture fx;
  fx.account.credential_report.reset();
  fx.account.iam_present = true;  // a dump with no user at all
  fx.account.password_policy.state = snapshot::PasswordPolicyState::kNone;
  Finding f = single_finding(fx, kId);
  EXPECT_EQ(f.status, Status::kMuted);
  EXPECT_EQ(f.mute_reason, kMuteReason);

  fx.add_user("bob");  // a user whose console password is unknown without the report: not muted
  EXPECT_EQ(single_finding(fx, kId).status, Status::kFail);

  fx.account.iam = {};
  fx.account.iam_present = false;  // nothing says whether users exist: not muted
  EXPECT_EQ(single_finding(fx, kId).status, Status::kFail);
}

}  // namespace
}  // namespace iamwarden::audit::testing
