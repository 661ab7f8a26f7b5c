// Flags an account password policy that does not let IAM users change their own password.
#include "audit/check.h"
#include "audit/lib_password.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta = password_check_meta(
    "iam_password_policy_users_can_change", "Password policy lets IAM users change their own password", Severity::kLow, /*parameter=*/"",
    /*description=*/"Reads AllowUsersToChangePassword from the account password policy; it must be true unless "
    "password_policy.allow_users_to_change is false. An account without a custom policy fails.",
    /*risk=*/"Users who cannot change their own password keep the one an administrator chose and shared with "
    "them, and cannot replace a password they believe is exposed.",
    /*remediation=*/"Allow users to change their own password (this grants iam:ChangePassword on their own user).",
    {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_enable-user-change.html"});

void run(const CheckContext& context, FindingSink& out) {
  report_password_item(context, out,
                       password_flag(context.account.password_policy.allow_users_to_change,
                                     context.config.password.allow_users_to_change, "AllowUsersToChangePassword",
                                     "password_policy.allow_users_to_change"));
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
