// What the eight password-policy checks share: one account-level finding per check, the three
// states of the policy (not collected, none, present), and the muting of FAILs in accounts where no
// IAM user has a console password.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/check.h"

namespace iamwarden::audit {

/// Completes the metadata of a password-policy check: service, resource type, references, inputs,
/// the framework parameter it honours (`parameter`, "" for none; every password check also honours
/// password_policy_without_users), and the remediation command and snippet
/// (update-account-password-policy replaces the whole policy, so both set every item to the default target).
CheckMeta password_check_meta(std::string_view id, std::string_view title, Severity severity,
                              std::string_view parameter, std::string_view description, std::string_view risk, std::string_view remediation,
                              std::vector<std::string_view> references = {});

/// How one item of a present password policy compares with the configured target.
struct PasswordItem {
  bool off = false;  ///< the configuration does not require the item: PASS whatever the snapshot holds
  bool ok = false;   ///< the present policy meets the target
  std::string message;      ///< the values that decided ("MinimumPasswordLength is 8 (target: 14 or more)")
  std::string requirement;  ///< what is required, for "no password policy set" ("MinimumPasswordLength >= 14")
};

/// A boolean item (RequireSymbols, ...): `required` comes from the configuration key `config_key`.
PasswordItem password_flag(std::optional<bool> value, bool required, std::string_view field,
                           std::string_view config_key);

/// A number that must be at least `target` (MinimumPasswordLength, PasswordReusePrevention); a
/// target of 0 turns the item off when `zero_is_off`.
PasswordItem password_minimum(std::optional<int64_t> value, int64_t target, std::string_view field,
                              std::string_view config_key, bool zero_is_off);

/// Reports the item: PASS when off; NOT_EVALUATED naming password-policy.json when it was not
/// collected; FAIL "no password policy set" when the account has none; else PASS or FAIL by the
/// item. A FAIL becomes MUTED when no IAM user has a console password and
/// password_policy_without_users is false. Resource: the account ARN, short name "password policy".
void report_password_item(const CheckContext& context, FindingSink& out, PasswordItem item);

/// True when the snapshot shows that no IAM user has a console password: the credential report
/// has no password-enabled user row, or (without a report) the authorization details list no user.
bool no_console_password_users(const snapshot::Account& account);

}  // namespace iamwarden::audit
