// iam_password_policy_users_can_change: AllowUsersToChangePassword decides
// (the cases are in credential_checks_test_util.h).
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

TEST(IamPasswordPolicyUsersCanChange, RequiresTheFlag) {
  expect_password_flag_check({"iam_password_policy_users_can_change",
                              &snapshot::PasswordPolicy::allow_users_to_change,
                              &PasswordTarget::allow_users_to_change,
                              "AllowUsersToChangePassword", "password_policy.allow_users_to_change"});
}

}  // namespace
}  // namespace iamwarden::audit::testing
