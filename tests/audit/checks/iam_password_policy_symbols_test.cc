// iam_password_policy_symbols: RequireSymbols decides
// (the cases are in credential_checks_test_util.h).
#include "credential_checks_test_util.h"

namespace iamwarden::audit::testing {
namespace {

TEST(IamPasswordPolicySymbols, RequiresTheFlag) {
  expect_password_flag_check({"iam_password_policy_symbols",
                              &snapshot::PasswordPolicy::require_symbols,
                              &PasswordTarget::require_symbols,
                              "RequireSymbols", "password_policy.require_symbols"});
}

}  // namespace
}  // namespace iamwarden::audit::testing
