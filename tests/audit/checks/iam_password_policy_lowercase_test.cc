// iam_password_policy_lowercase: RequireLowercaseCharacters decides
// (the cases are in credential_checks_test_util.h).
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

TEST(IamPasswordPolicyLowercase, RequiresTheFlag) {
  expect_password_flag_check({"iam_password_policy_lowercase",
                              &snapshot::PasswordPolicy::require_lowercase,
                              &PasswordTarget::require_lowercase,
                              "RequireLowercaseCharacters", "password_policy.require_lowercase"});
}

}  // namespace
}  // namespace iamwarden::audit::testing
