// iam_password_policy_uppercase: RequireUppercaseCharacters decides
// (the cases are in credential_checks_test_util.h).
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

TEST(IamPasswordPolicyUppercase, RequiresTheFlag) {
  expect_password_flag_check({"iam_password_policy_uppercase",
                              &snapshot::PasswordPolicy::require_uppercase,
                              &PasswordTarget::require_uppercase,
                              "RequireUppercaseCharacters", "password_policy.require_uppercase"});
}

}  // namespace
}  // namespace iamwarden::audit::testing
