// Flags roles that web-identity or SAML federation lets outsiders assume: a GitHub Actions trust
// without a subject (or with "repo:*"), a Cognito trust without an audience, an OIDC provider with
// no claim condition, a SAML provider without SAML:aud. The judgement is policy/federated_trust.h,
// the same one `lint` reports.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_roles.h"
#include "policy/federated_trust.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_role_federated_trust_restricted",
    .title = "IAM roles trusted by web-identity or SAML providers pin the audience and subject",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamRole",
    .description =
        "For each role (service-linked roles excepted) whose trust policy allows a Federated principal: a GitHub "
        "Actions provider (token.actions.githubusercontent.com) needs a positive string condition on :sub whose "
        "values do not leave the repository owner open (\"repo:*\", \"*\"); Amazon Cognito "
        "(cognito-identity.amazonaws.com) needs a condition on :aud (the identity pool); any other OIDC provider a "
        "condition on one of its claims; a SAML provider a condition on SAML:aud. Negated operators "
        "(StringNotEquals, ...) do not count as pinning. FAIL when a statement misses one of these; a wildcard "
        "after the owner (\"repo:org/*\") is reported by lint only. Roles without a Federated principal are out of "
        "scope.",
    .risk = "Anyone who can get a token from a public provider (every GitHub repository's workflows, every "
            "Cognito identity pool, every Google account) or an assertion the identity provider issued for another "
            "service can exchange it for the role's credentials.",
    .remediation = "Add a StringEquals/StringLike condition on the provider's subject or audience claim: "
                   "token.actions.githubusercontent.com:sub = repo:<org>/<repo>:ref:refs/heads/<branch>, "
                   "cognito-identity.amazonaws.com:aud = <identity-pool-id>, SAML:aud = "
                   "https://signin.aws.amazon.com/saml.",
    .remediation_cli =
        "aws iam update-assume-role-policy --role-name <role> --policy-document file://trust-policy.json",
    .remediation_terraform =
        "data \"aws_iam_policy_document\" \"trust\" {\n"
        "  statement {\n"
        "    actions = [\"sts:AssumeRoleWithWebIdentity\"]\n"
        "    principals {\n"
        "      type        = \"Federated\"\n"
        "      identifiers = [\"arn:aws:iam::<account-id>:oidc-provider/token.actions.githubusercontent.com\"]\n"
        "    }\n"
        "    condition {\n"
        "      test     = \"StringEquals\"\n"
        "      variable = \"token.actions.githubusercontent.com:aud\"\n"
        "      values   = [\"sts.amazonaws.com\"]\n"
        "    }\n"
        "    condition {\n"
        "      test     = \"StringLike\"\n"
        "      variable = \"token.actions.githubusercontent.com:sub\"\n"
        "      values   = [\"repo:<org>/<repo>:ref:refs/heads/main\"]\n"
        "    }\n"
        "  }\n"
        "}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html",
                   "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/"
                   "configuring-openid-connect-in-amazon-web-services",
                   "https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html"},
    .inputs = {"authorization-details.json"},
};

bool has_federated_principal(const policy::Policy& trust) {
  for (const policy::Statement& st : trust.statements)
    for (const policy::PrincipalEntry& p : st.principals)
      if (p.type == policy::PrincipalType::kFederated) return true;
  return false;
}

void run(const CheckContext& context, FindingSink& out) {
  for_each_trusting_role(
      context, out, "roles trusted by a web-identity or SAML provider",
      [&](const snapshot::Role& role, const TrustPolicy& trust) {
        if (!has_federated_principal(trust.policy)) return false;
        std::vector<std::string> gaps;
        for (const policy::Statement& st : trust.policy.statements)
          for (const policy::FederatedTrustFinding& f : policy::federated_trust_gaps(st))
            if (policy::is_open_to_outsiders(f.gap))
              gaps.push_back(fmt::format("statement {}: {}", statement_label(st), f.message));
        if (gaps.empty()) {
          trust_finding(out, Status::kPass, role,
                        "every web-identity or SAML provider it trusts is held to its audience or subject");
        } else {
          Finding& f = trust_finding(out, Status::kFail, role,
                                     gaps.size() == 1 ? gaps.front()
                                                      : fmt::format("{} (and {} more)", gaps.front(), gaps.size() - 1));
          f.evidence = std::move(gaps);
        }
        return true;
      });
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
