// iam_password_policy_numbers: RequireNumbers decides
// (the cases are in credential_checks_test_util.h).
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

TEST(IamPasswordPolicyNumbers, RequiresTheFlag) {
  expect_password_flag_check({"iam_password_policy_numbers",
                              &snapshot::PasswordPolicy::require_numbers,
                              &PasswordTarget::require_numbers,
                              "RequireNumbers", "password_policy.require_numbers"});
}

}  // namespace
}  // namespace iamwarden::audit::testing
