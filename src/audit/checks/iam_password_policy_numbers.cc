// Flags an account password policy that does not require a digit.
#include "audit/check.h"
#include "audit/lib_password.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta = password_check_meta(
    "iam_password_policy_numbers", "Password policy requires at least one number", Severity::kMedium, /*parameter=*/"RequireNumbers",
    /*description=*/"Reads RequireNumbers from the account password policy; it must be true unless "
    "password_policy.require_numbers is false. An account without a custom policy fails.",
    /*risk=*/"Without a digit requirement users pick passwords from a smaller alphabet that guessing attacks "
    "cover faster.",
    /*remediation=*/"Require at least one digit (0-9).");

void run(const CheckContext& context, FindingSink& out) {
  report_password_item(context, out,
                       password_flag(context.account.password_policy.require_numbers,
                                     context.config.password.require_numbers, "RequireNumbers",
                                     "password_policy.require_numbers"));
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
