// What the tests of the root, user and password-policy checks share: the single finding of a run,
// and the whole test of a boolean password-policy check (symbols, numbers, uppercase, lowercase,
// users can change): the flag decides, the configuration can turn it off, no policy fails (muted
// without console users), not collected is NOT_EVALUATED.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../audit_fixture.h"

namespace iamwarden::audit::testing {

/// The one finding a check reports for this account (the test fails when there is not exactly one).
inline Finding single_finding(AuditFixture& fx, std::string_view id) {
  std::vector<Finding> f = fx.run(id);
  EXPECT_EQ(f.size(), 1u) << id;
  return f.size() == 1 ? f[0] : Finding{};
}

/// Expects the check to report exactly one NOT_EVALUATED finding with this message.
inline void expect_not_evaluated(AuditFixture& fx, std::string_view id, std::string_view message) {
  Finding f = single_finding(fx, id);
  EXPECT_EQ(f.status, Status::kNotEvaluated) << f.message;
  EXPECT_EQ(f.message, message);
}

struct PasswordFlagCase {
  const char* id;
  std::optional<bool> snapshot::PasswordPolicy::*policy;  ///< the policy's member
  bool PasswordTarget::*target;                            ///< the configuration's member
  std::string field;       ///< "RequireSymbols"
  std::string config_key;  ///< "password_policy.require_symbols"
};

inline Status password_check_status(AuditFixture& fx, const PasswordFlagCase& c, std::string* message = nullptr) {
  Finding f = single_finding(fx, c.id);
  EXPECT_EQ(f.resource, "arn:aws:iam::111122223333:root");
  EXPECT_EQ(f.resource_name, "password policy");
  if (message) *message = f.message;
  return f.status;
}

inline void expect_password_flag_check(const PasswordFlagCase& c) {
  SCOPED_TRACE(c.id);
  AuditFixture fx;
  fx.add_row("alice").password_enabled = true;
  snapshot::PasswordPolicy& policy = fx.account.password_policy;
  policy.state = snapshot::PasswordPolicyState::kPresent;
  std::string message;

  policy.*c.policy = true;
  EXPECT_EQ(password_check_status(fx, c, &message), Status::kPass);
  EXPECT_EQ(message, c.field + " is true");

  policy.*c.policy = false;
  EXPECT_EQ(password_check_status(fx, c, &message), Status::kFail);
  EXPECT_EQ(message, c.field + " is false (required by " + c.config_key + ")");

  (policy.*c.policy).reset();
  EXPECT_EQ(password_check_status(fx, c, &message), Status::kFail);
  EXPECT_EQ(message, c.field + " is not set (required by " + c.config_key + ")");

  policy.state = snapshot::PasswordPolicyState::kNone;
  EXPECT_EQ(password_check_status(fx, c, &message), Status::kFail);
  EXPECT_EQ(message, "no password policy set: the IAM default applies (required: " + c.field + " = true)");

  fx.account.credential_report->rows[0].password_enabled = false;  // nobody signs in to the console
  EXPECT_EQ(password_check_status(fx, c), Status::kMuted);

  policy.state = snapshot::PasswordPolicyState::kNotCollected;
  EXPECT_EQ(password_check_status(fx, c, &message), Status::kNotEvaluated);
  EXPECT_EQ(message, "password-policy.json was not collected");

  fx.config.password.*c.target = false;  // not required: PASS whatever the snapshot holds
  EXPECT_EQ(password_check_status(fx, c, &message), Status::kPass);
  EXPECT_EQ(message, c.config_key + " = false: " + c.field + " is not required");
}

}  // namespace iamwarden::audit::testing
