// How principals are referred to: an IAM unique id (AROA..., AIDA...) where an ARN belongs
// (INVALID_ROLE_REFERENCE / INVALID_USER_REFERENCE: IAM writes ids in place of ARNs of deleted
// principals, and a recreated principal of the same name gets a new id, so the entry matches nobody), and
// a role trust policy naming a role and one of its own sessions (REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY).
#include <fmt/format.h>

#include "eval/arn.h"
#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kRoleId{"invalid_role_reference", Severity::kWarning, "A role named by its unique id",
                           "IAM puts a role's unique id (AROA...) in place of its ARN when the role is deleted; the "
                           "entry matches no principal, not even a new role of the same name.",
                           "replace the id with the role's ARN (arn:aws:iam::ACCOUNT:role/NAME), or remove it"};
constexpr LintMeta kUserId{"invalid_user_reference", Severity::kWarning, "A user named by its unique id",
                           "IAM puts a user's unique id (AIDA...) in place of its ARN when the user is deleted; the "
                           "entry matches no principal, not even a new user of the same name.",
                           "replace the id with the user's ARN (arn:aws:iam::ACCOUNT:user/NAME), or remove it"};
constexpr LintMeta kRedundant{"redundant_principal_in_role_trust_policy", Severity::kSuggestion,
                              "An assumed-role session listed next to its role",
                              "Trusting a role already trusts every session of it; the assumed-role entry adds "
                              "nothing.",
                              "remove the assumed-role principal"};

// An IAM unique id: a four-letter type prefix, then upper-case letters and digits (21 characters in all).
bool unique_id_with_prefix(std::string_view value, std::string_view prefix) {
  if (value.size() < 16 || value.size() > 128 || value.substr(0, 4) != prefix) return false;
  for (char c : value)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

// "NAME" of arn:P:iam::A:role/PATH/NAME, with the account; empty when value is no role ARN.
struct RoleName {
  std::string_view account, name;
};
RoleName role_of(std::string_view value) {
  const eval::ArnParts arn = eval::split_arn(value);
  if (!arn.ok || arn.service() != "iam" || arn.resource().substr(0, 5) != "role/") return {};
  const std::string_view path = arn.resource();
  return {arn.account(), path.substr(path.rfind('/') + 1)};
}

// arn:P:sts::A:assumed-role/NAME/SESSION.
RoleName session_role_of(std::string_view value) {
  const eval::ArnParts arn = eval::split_arn(value);
  if (!arn.ok || arn.service() != "sts" || arn.resource().substr(0, 13) != "assumed-role/") return {};
  std::string_view rest = arn.resource().substr(13);
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return {};
  return {arn.account(), rest.substr(0, slash)};
}

void check_redundant_sessions(LintContext& context, const policy::Statement& st) {
  for (const policy::PrincipalEntry& session : st.principals) {
    if (session.type != policy::PrincipalType::kAws) continue;
    const RoleName of_session = session_role_of(session.value.value);
    if (of_session.name.empty() || of_session.name.find_first_of("*?") != std::string_view::npos) continue;
    for (const policy::PrincipalEntry& role : st.principals) {
      if (role.type != policy::PrincipalType::kAws) continue;
      const RoleName r = role_of(role.value.value);
      if (r.name != of_session.name || r.account != of_session.account) continue;
      context.report(kRedundant.code, session.value.offset, st.pointer + "/Principal",
                     fmt::format("\"{}\" is a session of \"{}\", which is trusted already", session.value.value,
                                 role.value.value));
      break;
    }
  }
}

void run(LintContext& context) {
  for (const policy::Statement& st : context.policy().statements) {
    for (const policy::PrincipalEntry& p : st.principals) {
      if (p.type != policy::PrincipalType::kAws) continue;
      if (unique_id_with_prefix(p.value.value, "AROA"))
        context.report(kRoleId.code, p.value.offset, st.pointer + "/Principal",
                       fmt::format("\"{}\" is a role's unique id, left by a deleted role", p.value.value));
      else if (unique_id_with_prefix(p.value.value, "AIDA"))
        context.report(kUserId.code, p.value.offset, st.pointer + "/Principal",
                       fmt::format("\"{}\" is a user's unique id, left by a deleted user", p.value.value));
    }
    if (context.kind() == policy::PolicyKind::kTrust && st.effect == policy::Effect::kAllow)
      check_redundant_sessions(context, st);
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("principal_references", run, kRoleId, kUserId, kRedundant);

}  // namespace iamwarden::lint
