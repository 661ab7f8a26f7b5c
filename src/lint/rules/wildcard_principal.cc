// A resource or trust policy that allows "*" (everyone, anonymous included) with no condition narrowing it.
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"
#include "lint/statement_facts.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kWildcard{"wildcard_principal_without_condition", Severity::kSecurityWarning,
                             "Allow to every principal without a restricting condition",
                             "\"Principal\": \"*\" includes every AWS account and anonymous callers; without a "
                             "condition on the caller's account, organization, ARN, network or source, the resource "
                             "is public.",
                             "add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceVpce"};

void run(LintContext& context) {
  const policy::PolicyKind kind = context.kind();
  if (kind != policy::PolicyKind::kResource && kind != policy::PolicyKind::kTrust) return;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow || !allows_any_principal(st)) continue;
    bool restricted = false;
    for (const policy::ConditionClause& c : st.conditions) restricted = restricted || restricts_caller_key(c.key.value);
    if (restricted) continue;
    context.report("wildcard_principal_without_condition", member_offset(context, st, "Principal"),
                   st.pointer + "/Principal",
                   kind == policy::PolicyKind::kTrust ? "any AWS principal can assume this role"
                                                      : "any principal, anonymous callers included, is allowed");
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("wildcard_principal", run, kWildcard);

}  // namespace iamwarden::lint
