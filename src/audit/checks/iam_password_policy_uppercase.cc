// Flags an account password policy that does not require an uppercase letter.
#include "audit/check.h"
#include "audit/lib_password.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta = password_check_meta(
    "iam_password_policy_uppercase", "Password policy requires at least one uppercase letter", Severity::kMedium, /*parameter=*/"RequireUppercaseCharacters",
    /*description=*/"Reads RequireUppercaseCharacters from the account password policy; it must be true unless "
    "password_policy.require_uppercase is false. An account without a custom policy fails.",
    /*risk=*/"Without an uppercase requirement many users choose all-lowercase passwords, which dictionary "
    "attacks try first.",
    /*remediation=*/"Require at least one uppercase Latin letter (A-Z).");

void run(const CheckContext& context, FindingSink& out) {
  report_password_item(context, out,
                       password_flag(context.account.password_policy.require_uppercase,
                                     context.config.password.require_uppercase, "RequireUppercaseCharacters",
                                     "password_policy.require_uppercase"));
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
