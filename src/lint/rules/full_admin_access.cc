// "*" on "*": full administrator access, written directly or through a NotAction that keeps IAM.
#include <fmt/format.h>

#include <algorithm>

#include "lint/rule.h"
#include "lint/rule_util.h"
#include "lint/statement_facts.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kAdmin{"full_admin_access", Severity::kSecurityWarning, "Full administrator access",
                          "Allowing every action on every resource (directly, or with a NotAction that still leaves "
                          "IAM permissions management) makes the holder an administrator.",
                          "grant only the actions and resources the workload needs"};

void run(LintContext& context) {
  const policy::PolicyKind kind = context.kind();
  if (!grants_permissions(kind)) return;  // guardrails and boundaries with "*" limit nothing rather than grant everything
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow || !st.conditions.empty()) continue;
    const bool all_resources = st.resource_mode == policy::ElementMode::kNot ||
                               (st.resource_mode == policy::ElementMode::kNormal &&
                                std::any_of(st.resources.begin(), st.resources.end(),
                                            [](const policy::Located& r) { return r.value == "*"; })) ||
                               (st.resource_mode == policy::ElementMode::kAbsent && kind == policy::PolicyKind::kResource);
    if (!all_resources) continue;
    bool star_action = false;
    for (const policy::Located& a : st.actions) star_action = star_action || a.value == "*";
    if (st.action_mode == policy::ElementMode::kNormal && star_action) {
      context.report("full_admin_access", member_offset(context, st, "Action"), st.pointer + "/Action",
                     "this statement allows every action on every resource");
    } else if (st.action_mode == policy::ElementMode::kNot &&
               statement_covers(context, st, "iam:AttachUserPolicy") == Coverage::kNotAction &&
               statement_covers(context, st, "iam:PutRolePolicy") == Coverage::kNotAction) {
      context.report("full_admin_access", member_offset(context, st, "NotAction"), st.pointer + "/NotAction",
                     "this NotAction still allows IAM permissions management on every resource, which is "
                     "equivalent to full administrator access");
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("full_admin_access", run, kAdmin);

}  // namespace iamwarden::lint
