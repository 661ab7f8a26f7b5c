// Flags an account password policy that lets passwords live longer than the target (default 90
// days); password_policy.max_age_days = 0 turns the requirement off.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_password.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta = password_check_meta(
    "iam_password_policy_max_age", "Password policy expires passwords within 90 days", Severity::kLow, /*parameter=*/"MaxPasswordAge",
    /*description=*/"Reads MaxPasswordAge from the account password policy: passwords must "
    "expire after at most password_policy.max_age_days days (default 90; 0 turns the requirement off). "
    "An account without a custom policy fails: IAM passwords never expire by default.",
    /*risk=*/"A password that never expires stays valid for as long as it is not noticed after a leak; expiry "
    "bounds how long a stolen password can be used.",
    /*remediation=*/"Set a maximum password age of 90 days or less. (Current NIST guidance favours MFA over forced "
    "rotation: set password_policy.max_age_days = 0 to turn this requirement off.)");

PasswordItem judge(const snapshot::PasswordPolicy& policy, int64_t limit) {
  PasswordItem item;
  item.requirement = fmt::format("MaxPasswordAge <= {}", limit);
  if (limit == 0) {
    item.off = true;
    item.message = "password_policy.max_age_days = 0: password expiry is not required";
  } else if (policy.max_age_days.value_or(0) <= 0) {
    item.message = fmt::format("passwords never expire (no MaxPasswordAge; limit: {} days)", limit);
  } else {
    item.ok = *policy.max_age_days <= limit;
    item.message = fmt::format("MaxPasswordAge is {} days (limit: {} days)", *policy.max_age_days, limit);
  }
  return item;
}

void run(const CheckContext& context, FindingSink& out) {
  report_password_item(context, out, judge(context.account.password_policy, context.config.password.max_age_days));
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
