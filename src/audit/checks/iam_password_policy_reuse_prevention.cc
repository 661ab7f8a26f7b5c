// Flags an account password policy that remembers fewer previous passwords than the target (default 5; CIS 24).
#include "audit/check.h"
#include "audit/lib_password.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta = password_check_meta(
    "iam_password_policy_reuse_prevention", "Password policy prevents the reuse of recent passwords", Severity::kMedium, /*parameter=*/"PasswordReusePrevention",
    /*description=*/"Reads PasswordReusePrevention from the account password policy and compares it with "
    "password_policy.reuse_prevention (default 5, CIS profile 24; 0 turns the requirement off). An account "
    "without a custom policy fails.",
    /*risk=*/"When old passwords may be reused, a password exposed in the past becomes valid again as soon as "
    "the user cycles back to it.",
    /*remediation=*/"Set the number of previous passwords users cannot reuse (up to 24).");

void run(const CheckContext& context, FindingSink& out) {
  report_password_item(context, out,
                       password_minimum(context.account.password_policy.reuse_prevention,
                                        context.config.password.reuse_prevention, "PasswordReusePrevention",
                                        "password_policy.reuse_prevention", true));
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
