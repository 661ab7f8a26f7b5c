// Trust policies: other accounts without sts:ExternalId or MFA, service principals without a source, and
// federation (OIDC incl. GitHub and Cognito, SAML) without the claim conditions policy/federated_trust.h asks for.
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"
#include "lint/statement_facts.h"
#include "policy/federated_trust.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kCrossAccount{"cross_account_trust_without_condition", Severity::kSecurityWarning,
                                 "Another account may assume the role with no condition",
                                 "Trusting an account lets every principal that account allows assume the role; "
                                 "third parties should be held to an sts:ExternalId (confused deputy) and people to "
                                 "MFA.",
                                 "add sts:ExternalId (for a vendor) or aws:MultiFactorAuthPresent, or name the role "
                                 "ARN"};
constexpr LintMeta kService{"restrict_access_to_service_principal", Severity::kSecurityWarning,
                            "Service principal allowed without aws:SourceArn or aws:SourceAccount",
                            "A service principal acts for every customer of the service; without a source condition "
                            "another account's resource can make the service act on yours (confused deputy).",
                            "add aws:SourceArn or aws:SourceAccount"};
constexpr LintMeta kOidc{"missing_condition_key_for_oidc_principal", Severity::kSecurityWarning,
                         "OIDC provider trusted without a condition on its claims",
                         "Anyone who can get a token from the provider (for public providers: anyone) can assume "
                         "the role unless a condition checks the token's audience or subject.",
                         "add conditions on PROVIDER:aud and PROVIDER:sub"};
constexpr LintMeta kGithub{"missing_github_repo_condition_key", Severity::kSecurityWarning,
                           "GitHub Actions trusted without a repository condition",
                           "Every GitHub repository can get tokens from token.actions.githubusercontent.com; "
                           "without a sub condition any of them can assume the role.",
                           "add StringLike token.actions.githubusercontent.com:sub = repo:ORG/REPO:ref:refs/heads/main"};
constexpr LintMeta kSaml{"missing_saml_audience_condition", Severity::kSecurityWarning,
                         "SAML provider trusted without a SAML:aud condition",
                         "Without SAML:aud the role accepts an assertion the identity provider issued for any "
                         "service provider, not only for AWS sign-in.",
                         "add \"StringEquals\": {\"SAML:aud\": \"https://signin.aws.amazon.com/saml\"}"};
constexpr LintMeta kGithubWildcard{"specific_github_repo_and_branch_recommended", Severity::kWarning,
                                   "Wildcard in the GitHub sub condition",
                                   "A wildcard in token.actions.githubusercontent.com:sub lets more repositories, "
                                   "branches or events assume the role than intended.",
                                   "name the repository and branch or environment exactly"};

bool is_account(std::string_view v) {
  if (v.size() == 12 && v.find_first_not_of("0123456789") == std::string_view::npos) return true;
  return v.rfind("arn:", 0) == 0 && v.size() > 5 && v.substr(v.size() - 5) == ":root";
}

// The lint code for each federated-trust gap (the judgement itself is policy/federated_trust.h,
// shared with the audit check iam_role_federated_trust_restricted).
std::string_view code_of(policy::FederatedTrustGap gap) {
  switch (gap) {
    case policy::FederatedTrustGap::kGithubNoSubject: return "missing_github_repo_condition_key";
    case policy::FederatedTrustGap::kGithubAnyRepository:
    case policy::FederatedTrustGap::kGithubSubjectWildcard: return "specific_github_repo_and_branch_recommended";
    case policy::FederatedTrustGap::kCognitoNoAudience:
    case policy::FederatedTrustGap::kOidcNoClaims: return "missing_condition_key_for_oidc_principal";
    case policy::FederatedTrustGap::kSamlNoAudience: return "missing_saml_audience_condition";
  }
  return "missing_condition_key_for_oidc_principal";
}

void check_trust(LintContext& context, const policy::Statement& st) {
  const std::string principal_pointer = st.pointer + "/Principal";
  for (const policy::PrincipalEntry& p : st.principals) {
    if (p.type == policy::PrincipalType::kAws && is_account(p.value.value) &&
        !has_condition_key(st, {"sts:ExternalId", "aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge",
                                "aws:PrincipalArn", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:SourceIdentity",
                                "aws:userid"})) {
      context.report("cross_account_trust_without_condition", p.value.offset, principal_pointer,
                     fmt::format("account principal \"{}\" can assume this role without sts:ExternalId or MFA",
                                 p.value.value));
    }
  }
  for (const policy::FederatedTrustFinding& f : policy::federated_trust_gaps(st)) {
    if (f.clause)
      context.report(code_of(f.gap), f.clause->values[f.value_index].offset,
                     context.value_pointer(st, *f.clause, f.value_index), f.message);
    else
      context.report(code_of(f.gap), f.principal->value.offset, principal_pointer, f.message);
  }
}

void check_service(LintContext& context, const policy::Statement& st) {
  if (has_condition_key(st, {"aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID", "aws:SourceOrgPaths",
                             "aws:SourceOwner"}))
    return;
  for (const policy::PrincipalEntry& p : st.principals) {
    if (p.type != policy::PrincipalType::kService) continue;
    context.report("restrict_access_to_service_principal", p.value.offset, st.pointer + "/Principal",
                   fmt::format("service principal \"{}\" is allowed for any source resource or account", p.value.value));
    return;
  }
}

void run(LintContext& context) {
  const policy::PolicyKind kind = context.kind();
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow || st.principal_mode != policy::ElementMode::kNormal) continue;
    if (kind == policy::PolicyKind::kTrust) check_trust(context, st);
    if (kind == policy::PolicyKind::kResource) check_service(context, st);
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("trust_conditions", run, kCrossAccount, kService, kOidc, kGithub, kGithubWildcard, kSaml);

}  // namespace iamwarden::lint
