// IAM Roles Anywhere assumes a role with three permissions at once: sts:AssumeRole,
// sts:SetSourceIdentity and sts:TagSession (the session carries the certificate's attributes as
// tags and its subject as source identity). A trust statement for rolesanywhere.amazonaws.com that
// misses one is refused (Access Analyzer's MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY).
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kMeta{"missing_action_for_roles_anywhere_trust_policy", Severity::kError,
                         "Roles Anywhere trusted without all three actions it needs",
                         "The rolesanywhere.amazonaws.com service principal needs sts:AssumeRole, "
                         "sts:SetSourceIdentity and sts:TagSession to assume a role.",
                         "allow [\"sts:AssumeRole\", \"sts:SetSourceIdentity\", \"sts:TagSession\"]"};

constexpr std::array<std::string_view, 3> kNeeded{"sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"};

bool allows(const policy::Statement& st, std::string_view action) {
  return std::any_of(st.actions.begin(), st.actions.end(), [&](const policy::Located& a) {
    return a.value == "*" || (has_wildcard(a.value) ? globs_intersect(a.value, action, true) : iequals(a.value, action));
  });
}

bool trusts_roles_anywhere(const policy::Statement& st) {
  return st.effect == policy::Effect::kAllow && st.action_mode == policy::ElementMode::kNormal &&
         std::any_of(st.principals.begin(), st.principals.end(), [](const policy::PrincipalEntry& p) {
           return p.type == policy::PrincipalType::kService && iequals(p.value.value, "rolesanywhere.amazonaws.com");
         });
}

void run(LintContext& context) {
  if (context.kind() != policy::PolicyKind::kTrust) return;
  // The three actions may be split over several statements for the service: what counts is the policy.
  std::vector<const policy::Statement*> statements;
  for (const policy::Statement& st : context.policy().statements)
    if (trusts_roles_anywhere(st)) statements.push_back(&st);
  if (statements.empty()) return;
  std::vector<std::string> missing;
  for (std::string_view needed : kNeeded)
    if (std::none_of(statements.begin(), statements.end(), [&](const policy::Statement* st) { return allows(*st, needed); }))
      missing.emplace_back(needed);
  if (missing.empty()) return;
  const policy::Statement& first = *statements.front();
  for (const policy::PrincipalEntry& p : first.principals)
    if (p.type == policy::PrincipalType::kService && iequals(p.value.value, "rolesanywhere.amazonaws.com")) {
      context.report(kMeta.code, p.value.offset, first.pointer + "/Principal",
                     fmt::format("rolesanywhere.amazonaws.com also needs {}", join_limited(missing, 3)));
      return;
    }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("roles_anywhere_trust", run, kMeta);

}  // namespace iamwarden::lint
