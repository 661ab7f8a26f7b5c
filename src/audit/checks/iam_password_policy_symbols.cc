// Flags an account password policy that does not require a symbol.
#include "audit/check.h"
#include "audit/lib_password.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta = password_check_meta(
    "iam_password_policy_symbols", "Password policy requires at least one symbol", Severity::kMedium, /*parameter=*/"RequireSymbols",
    /*description=*/"Reads RequireSymbols from the account password policy; it must be true unless "
    "password_policy.require_symbols is false. An account without a custom policy fails.",
    /*risk=*/"Without a symbol requirement users pick passwords from a smaller alphabet that dictionary and "
    "brute-force attacks cover faster.",
    /*remediation=*/"Require at least one non-alphanumeric character.");

void run(const CheckContext& context, FindingSink& out) {
  report_password_item(context, out,
                       password_flag(context.account.password_policy.require_symbols,
                                     context.config.password.require_symbols, "RequireSymbols",
                                     "password_policy.require_symbols"));
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
