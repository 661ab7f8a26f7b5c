// "iam:*", "kms:*", "sts:*" ... on "*": every action of a service that controls identities, keys or secrets.
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"
#include "lint/statement_facts.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kSensitive{"sensitive_service_wildcard", Severity::kSecurityWarning,
                              "All actions of a sensitive service on all resources",
                              "Services such as iam, sts, kms, organizations and secretsmanager control identities, "
                              "keys and secrets; all of their actions on \"*\" is close to administrator access.",
                              "list the specific actions and resources needed"};

constexpr std::string_view kServices[] = {"iam",     "sts",  "kms", "organizations", "secretsmanager", "account",
                                          "sso",     "identitystore", "ssm", "ram", "cloudtrail", "lambda", "ec2"};

bool sensitive(std::string_view prefix) {
  for (std::string_view s : kServices)
    if (iequals(s, prefix)) return true;
  return false;
}

void run(LintContext& context) {
  const policy::PolicyKind kind = context.kind();
  if (!grants_permissions(kind)) return;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow || st.action_mode != policy::ElementMode::kNormal) continue;
    const bool star = st.resource_mode == policy::ElementMode::kNot || has_star_resource(st) ||
                      (st.resource_mode == policy::ElementMode::kAbsent && kind == policy::PolicyKind::kResource);
    if (!star) continue;
    for (size_t i = 0; i < st.actions.size(); ++i) {
      const std::string& a = st.actions[i].value;
      const size_t colon = a.find(':');
      if (colon == std::string::npos || a.substr(colon + 1) != "*" || !sensitive(a.substr(0, colon))) continue;
      context.report("sensitive_service_wildcard", st.actions[i].offset, context.item_pointer(st, "Action", i),
                     fmt::format("\"{}\" allows every {} action on every resource", a, a.substr(0, colon)));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("sensitive_service_wildcard", run, kSensitive);

}  // namespace iamwarden::lint
