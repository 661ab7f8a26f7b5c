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

// Keys that narrow who can call (any one of them counts as a restriction).
bool restricts_caller(std::string_view key) {
  for (std::string_view k : {"aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn",
                             "aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID", "aws:SourceOrgPaths",
                             "aws:SourceOwner", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceVpcArn", "aws:SourceIp",
                             "aws:VpcSourceIp", "aws:userid", "aws:username", "aws:PrincipalServiceName",
                             "aws:PrincipalIsAWSService", "aws:PrincipalTag", "aws:ResourceOrgID", "aws:CalledVia",
                             "kms:CallerAccount", "kms:ViaService", "lambda:FunctionUrlAuthType", "sns:Endpoint",
                             "aws:VpceAccount", "aws:VpceOrgID", "aws:VpceOrgPaths"})
    if (iequals(key, k) || (istarts_with(key, k) && key.size() > k.size() && key[k.size()] == '/')) return true;
  return false;
}

bool wildcard(const policy::Statement& st) {
  if (st.principal_mode != policy::ElementMode::kNormal) return false;
  if (st.principal_wildcard) return true;
  for (const policy::PrincipalEntry& p : st.principals)
    if (p.type == policy::PrincipalType::kAws && p.value.value == "*") return true;
  return false;
}

void run(LintContext& context) {
  const policy::PolicyKind kind = context.kind();
  if (kind != policy::PolicyKind::kResource && kind != policy::PolicyKind::kTrust) return;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow || !wildcard(st)) continue;
    bool restricted = false;
    for (const policy::ConditionClause& c : st.conditions) restricted = restricted || restricts_caller(c.key.value);
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
