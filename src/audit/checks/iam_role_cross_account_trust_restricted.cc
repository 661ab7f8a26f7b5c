// Flags roles that principals of other accounts can assume without an external ID or MFA: for each
// AWS principal of another account named in an Allow statement, the engine evaluates sts:AssumeRole
// by that principal with neither sts:ExternalId nor MFA in the request.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>
#include <set>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_role_cross_account_trust_restricted",
    .title = "IAM roles trusted by other accounts require an external ID or MFA",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamRole",
    .description =
        "For each role (service-linked roles excepted) and each AWS principal of another account named in an Allow "
        "statement of its trust policy (an account id, root, user, role or role-session ARN whose account differs from "
        "the snapshot's), evaluates sts:AssumeRole by that principal without sts:ExternalId and without MFA. "
        "Conditions on sts:ExternalId, aws:MultiFactorAuthPresent and aws:MultiFactorAuthAge are evaluated; all "
        "others are assumed to hold. FAIL when such a request is allowed. \"*\", Service and Federated principals "
        "are not considered (iam_role_trust_not_public covers \"*\").",
    .risk = "A third party that assumes roles for many customers can be tricked into using its access to your role on "
            "behalf of another of its customers (the confused deputy problem), and a principal of the other account "
            "whose credentials leak can assume the role without a second factor.",
    .remediation = "Add a condition on sts:ExternalId (the value agreed with the third party) to statements trusting "
                   "a vendor's account, or require aws:MultiFactorAuthPresent for principals that are people.",
    .remediation_cli =
        "aws iam update-assume-role-policy --role-name <role> --policy-document file://trust-policy.json",
    .remediation_terraform =
        "data \"aws_iam_policy_document\" \"trust\" {\n"
        "  statement {\n"
        "    actions = [\"sts:AssumeRole\"]\n"
        "    principals {\n"
        "      type        = \"AWS\"\n"
        "      identifiers = [\"arn:aws:iam::<vendor-account-id>:root\"]\n"
        "    }\n"
        "    condition {\n"
        "      test     = \"StringEquals\"\n"
        "      variable = \"sts:ExternalId\"\n"
        "      values   = [\"<external-id>\"]\n"
        "    }\n"
        "  }\n"
        "}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html"},
    .inputs = {"authorization-details.json"},
};

bool secret_or_mfa(const policy::ConditionClause& clause) {
  return clause_key_in(clause, {"sts:externalid", "aws:multifactorauthpresent", "aws:multifactorauthage"});
}

// Principals that can call sts:AssumeRole (federated-user sessions cannot call STS).
bool names_an_account(eval::CompiledPrincipal::Kind kind) {
  using Kind = eval::CompiledPrincipal::Kind;
  return kind == Kind::kAccount || kind == Kind::kUser || kind == Kind::kRole || kind == Kind::kAssumedRole;
}

void judge(const CheckContext& context, FindingSink& out, const snapshot::Role& role, const TrustPolicy& trust) {
  TrustView view = trust_view(trust.policy, secret_or_mfa, role.arn + " trust policy");
  // Other-account principals of the Allow statements (the view never drops an Allow), with their accounts.
  std::map<std::string, std::string> foreign;
  for (const eval::CompiledStatement& st : view.compiled.statements) {
    if (st.effect != policy::Effect::kAllow) continue;
    for (const eval::CompiledPrincipal& p : st.principals)
      if (names_an_account(p.kind) && !p.account.empty() && p.account != context.account.account_id)
        foreign.emplace(p.value, p.account);
  }
  std::set<std::string> accounts, open_accounts;
  std::vector<std::string> evidence, unevaluable;
  for (const auto& [principal, principal_account] : foreign) {
    accounts.insert(principal_account);
    Result<eval::Caller> caller = eval::parse_caller(principal);
    std::optional<eval::Outcome> outcome =
        caller ? probe_assume_role(view, role, *caller, eval::Context{}) : std::nullopt;
    if (!outcome) {
      unevaluable.push_back(principal);
    } else if (outcome->decision == eval::Decision::kAllowed) {
      open_accounts.insert(principal_account);
      evidence.push_back(fmt::format("{} (account {}) allowed by {} without sts:ExternalId or MFA", principal,
                                     principal_account, deciding_statement(*outcome)));
    }
  }
  if (!open_accounts.empty()) {
    evidence.insert(evidence.end(), view.disregarded.begin(), view.disregarded.end());
    trust_finding(out, Status::kFail, role,
                  fmt::format("principals of account(s) {} can assume the role without an external ID or MFA",
                              fmt::join(open_accounts, ", ")))
        .evidence = std::move(evidence);
  } else if (!unevaluable.empty()) {
    trust_finding(out, Status::kNotEvaluated, role,
                  fmt::format("principal(s) {} of the trust policy cannot be evaluated as callers",
                              fmt::join(unevaluable, ", ")));
  } else if (accounts.empty()) {
    trust_finding(out, Status::kPass, role, "the trust policy names no principal of another account");
  } else {
    trust_finding(out, Status::kPass, role,
                  fmt::format("principals of account(s) {} must present sts:ExternalId or MFA to assume the role",
                              fmt::join(accounts, ", ")));
  }
}

void run(const CheckContext& context, FindingSink& out) {
  if (context.account.iam_present && context.account.account_id.empty()) {
    account_finding(context, out, Status::kNotEvaluated,
                    "the snapshot's account id is unknown (no manifest.json and no ARN to derive it from), so other "
                    "accounts cannot be told apart",
                    "manifest.json");
    return;
  }
  judge_every_trust(context, out, judge);
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
