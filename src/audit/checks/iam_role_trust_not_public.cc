// Flags roles that a principal of any AWS account can assume: the engine evaluates sts:AssumeRole by
// a user of an unrelated account against the trust policy, in which only conditions on who the
// caller is (organization, account, ARN, or the resource a service acts for) are kept.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_role_trust_not_public",
    .title = "IAM role trust policies do not let any AWS account assume the role",
    .severity = Severity::kCritical,
    .service = "iam",
    .resource_type = "AwsIamRole",
    .description =
        "Evaluates sts:AssumeRole on each role (service-linked roles excepted) by an IAM user of an unrelated "
        "account, with the trust policy as the role's resource policy. Conditions on aws:PrincipalOrgID, "
        "aws:PrincipalOrgPaths, aws:PrincipalAccount, aws:PrincipalArn, aws:userid, aws:SourceAccount, "
        "aws:SourceArn, aws:SourceOrgID and aws:SourceOrgPaths are evaluated (ARN values must pin an account); "
        "every other condition (sts:ExternalId, MFA, source IP, tags, ...) is one such a caller can meet, so "
        "it is assumed to hold. FAIL when the request is allowed.",
    .risk = "Anyone with an AWS account who learns the role ARN can obtain its credentials and act with its "
            "permissions. An external ID or MFA condition does not help: the caller chooses the external ID and "
            "brings its own MFA device.",
    .remediation = "Replace \"*\" in the trust policy with the account or role ARNs that need the role, or add an "
                   "aws:PrincipalOrgID (or aws:PrincipalAccount / aws:PrincipalArn) condition that limits it to "
                   "principals you control.",
    .remediation_cli =
        "aws iam update-assume-role-policy --role-name <role> --policy-document file://trust-policy.json",
    .remediation_terraform =
        "resource \"aws_iam_role\" \"example\" {\n"
        "  name = \"<role>\"\n"
        "  assume_role_policy = jsonencode({\n"
        "    Version   = \"2012-10-17\"\n"
        "    Statement = [{ Effect = \"Allow\", Action = \"sts:AssumeRole\",\n"
        "                   Principal = { AWS = \"arn:aws:iam::<trusted-account-id>:root\" } }]\n"
        "  })\n"
        "}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html"},
    .inputs = {"authorization-details.json"},
};

// Keys the caller cannot choose: who it is, its organization, and the resource a service acts for.
bool restricts_caller(const policy::ConditionClause& clause) {
  if (clause_key_in(clause, {"aws:principalarn", "aws:sourcearn"})) return arn_values_anchored(clause);
  return clause_key_in(clause, {"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:userid",
                                "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths"});
}

bool trusts_everyone(const policy::Statement& st) {
  if (st.effect != policy::Effect::kAllow) return false;
  if (st.principal_wildcard) return true;
  for (const policy::PrincipalEntry& p : st.principals)
    if (p.type == policy::PrincipalType::kAws && p.value.value == "*") return true;
  return false;
}

// For a PASS: what keeps "*" statements from admitting an unrelated account.
std::string why_restricted(const policy::Policy& trust) {
  std::vector<std::string> limits;
  for (const policy::Statement& st : trust.statements) {
    if (!trusts_everyone(st)) continue;
    std::vector<std::string> kept;
    for (const policy::ConditionClause& c : st.conditions)
      if (restricts_caller(c)) kept.push_back(fmt::format("{} {}", c.op_name.value, c.key.value));
    const std::string by = kept.empty() ? std::string("its other elements") : fmt::format("{}", fmt::join(kept, ", "));
    limits.push_back(fmt::format("statement {} trusts \"*\" but is limited by {}", statement_label(st), by));
  }
  if (limits.empty()) return "no statement trusts \"*\"";
  return fmt::format("{}", fmt::join(limits, "; "));
}

void judge(const CheckContext& context, FindingSink& out, const snapshot::Role& role, const TrustPolicy& trust) {
  const std::string partition = partition_of(context.account);
  TrustView view = trust_view(trust.policy, restricts_caller, role.arn + " trust policy");
  const std::string outsider = fmt::format("arn:{}:iam::{}:user/iamwarden-outsider", partition,
                                           unrelated_account(role.trust_policy->text, context.account.account_id));
  Result<eval::Caller> caller = eval::parse_caller(outsider);
  eval::Context probe;
  (void)probe.set("aws:PrincipalOrgID", "o-iamwardenprobe");
  (void)probe.set_list("aws:PrincipalOrgPaths", {"o-iamwardenprobe/r-iamw/"});
  (void)probe.set("aws:userid", "AIDAIAMWARDENOUTSIDER");
  std::optional<eval::Outcome> outcome =
      caller ? probe_assume_role(view, role, *caller, std::move(probe)) : std::nullopt;
  if (!outcome) {
    trust_finding(out, Status::kNotEvaluated, role,
                  fmt::format("the role ARN \"{}\" in authorization-details.json cannot be evaluated", role.arn));
  } else if (outcome->decision != eval::Decision::kAllowed) {
    trust_finding(out, Status::kPass, role,
                  fmt::format("a principal of an unrelated account cannot assume the role: {} ({})",
                              why_restricted(trust.policy), outcome->describe()));
  } else {
    const policy::Statement* st = source_statement(trust.policy, *outcome);
    trust_finding(out, Status::kFail, role,
                  fmt::format("any AWS account can assume the role: {} (Principal {}) allows sts:AssumeRole by a "
                              "principal of an unrelated account (iamwarden's probe, in account {})",
                              deciding_statement(*outcome), st ? describe_principal(*st) : std::string("?"),
                              caller->account))
        .evidence = std::move(view.disregarded);
  }
}

void run(const CheckContext& context, FindingSink& out) {
  judge_every_trust(context, out, judge);
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
