// Flags an account password policy whose minimum length is below the target (default 14, CIS).
#include "audit/check.h"
#include "audit/lib_password.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta = password_check_meta(
    "iam_password_policy_minimum_length", "Password policy requires passwords of at least 14 characters",
    Severity::kMedium, /*parameter=*/"MinimumPasswordLength",
    /*description=*/"Reads MinimumPasswordLength from the account password policy and compares it with "
    "password_policy.minimum_length (default 14). An account without a custom policy fails: the IAM default "
    "allows 8 characters.",
    /*risk=*/"Short passwords fall quickly to guessing and offline cracking; a console password of an IAM user"
    " is a long-lived credential that grants whatever the user may do.",
    /*remediation=*/"Set the minimum password length to 14 or more.");

void run(const CheckContext& context, FindingSink& out) {
  report_password_item(context, out,
                       password_minimum(context.account.password_policy.minimum_length,
                                        context.config.password.minimum_length, "MinimumPasswordLength",
                                        "password_policy.minimum_length", false));
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
