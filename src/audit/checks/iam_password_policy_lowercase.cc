// Flags an account password policy that does not require a lowercase letter.
#include "audit/check.h"
#include "audit/lib_password.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta = password_check_meta(
    "iam_password_policy_lowercase", "Password policy requires at least one lowercase letter", Severity::kLow, /*parameter=*/"RequireLowercaseCharacters",
    /*description=*/"Reads RequireLowercaseCharacters from the account password policy; it must be true unless "
    "password_policy.require_lowercase is false. An account without a custom policy fails.",
    /*risk=*/"Without a lowercase requirement passwords may be drawn from a narrower character set (digits and"
    " capitals only), which shortens a brute-force search.",
    /*remediation=*/"Require at least one lowercase Latin letter (a-z).");

void run(const CheckContext& context, FindingSink& out) {
  report_password_item(context, out,
                       password_flag(context.account.password_policy.require_lowercase,
                                     context.config.password.require_lowercase, "RequireLowercaseCharacters",
                                     "password_policy.require_lowercase"));
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
