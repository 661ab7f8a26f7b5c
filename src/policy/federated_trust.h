// What a trust policy lets web-identity (OIDC, Cognito) and SAML federation do without a condition
// that pins the audience or the subject: one judgement shared by `lint` and the `audit` check
// (so the two never disagree).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "policy/document.h"

namespace iamwarden::policy {

/// A gap in the conditions on a Federated principal of an Allow statement.
enum class FederatedTrustGap : uint8_t {
  kGithubNoSubject,        ///< GitHub Actions without a condition on :sub (any repository's workflow)
  kGithubAnyRepository,    ///< a :sub value with a wildcard in the owner ("repo:*", "*"): any repository
  kGithubSubjectWildcard,  ///< a :sub value with a wildcard after the owner (branches, repositories of one owner)
  kCognitoNoAudience,      ///< cognito-identity.amazonaws.com without :aud (any identity pool)
  kOidcNoClaims,           ///< another OIDC provider with no condition on any of its claims
  kSamlNoAudience,         ///< a SAML provider without SAML:aud (an assertion meant for another service)
};

/// One gap, with what it is about.
struct FederatedTrustFinding {
  FederatedTrustGap gap;
  const PrincipalEntry* principal = nullptr;  ///< the Federated principal
  const ConditionClause* clause = nullptr;    ///< the :sub clause, for the wildcard gaps
  size_t value_index = 0;                     ///< the value within clause
  std::string provider;                       ///< "token.actions.githubusercontent.com", the SAML provider ARN, ...
  std::string message;                        ///< one sentence, names the provider and what is missing
};

/// True for the gaps that let principals outside the owner's control assume the role (every gap but
/// kGithubSubjectWildcard, which stays within one repository owner).
bool is_open_to_outsiders(FederatedTrustGap gap);

/// The gaps of one statement: only Allow statements with Federated principals have any.
std::vector<FederatedTrustFinding> federated_trust_gaps(const Statement& statement);

}  // namespace iamwarden::policy
