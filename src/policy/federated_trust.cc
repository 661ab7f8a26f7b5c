// Federated trust: which claim conditions each kind of identity provider needs before its tokens
// or assertions can be trusted to mean "one of ours".
#include "policy/federated_trust.h"

#include <fmt/format.h>

#include <string_view>

#include "base/ascii.h"

namespace iamwarden::policy {
namespace {

constexpr std::string_view kGithubHost = "token.actions.githubusercontent.com";
constexpr std::string_view kCognitoHost = "cognito-identity.amazonaws.com";

bool iequals(std::string_view a, std::string_view b) { return ascii_iequals(a, b); }

// "host:claim" keys: the key names the provider host, then one claim.
bool is_claim_key(std::string_view key, std::string_view host, std::string_view claim) {
  return key.size() == host.size() + 1 + claim.size() && iequals(key.substr(0, host.size()), host) &&
         key[host.size()] == ':' && (claim.empty() || iequals(key.substr(host.size() + 1), claim));
}

// A clause that narrows who may assume the role: a positive string operator (StringEquals,
// StringLike, ForAnyValue:StringLike, ...). StringNotEquals on a claim excludes, it does not pin.
bool pins(const ConditionClause& clause) {
  return op_family(clause.op.base) == OpFamily::kString && !is_negated(clause.op.base) && !clause.values.empty();
}

const ConditionClause* find_claim(const Statement& st, std::string_view host, std::string_view claim) {
  for (const ConditionClause& c : st.conditions)
    if (pins(c) && is_claim_key(c.key.value, host, claim)) return &c;
  return nullptr;
}

bool has_any_claim(const Statement& st, std::string_view host) {
  for (const ConditionClause& c : st.conditions) {
    std::string_view key = c.key.value;
    if (pins(c) && key.size() > host.size() + 1 && iequals(key.substr(0, host.size()), host) && key[host.size()] == ':')
      return true;
  }
  return false;
}

// The host of an OIDC provider ("arn:aws:iam::1:oidc-provider/host/path" or "accounts.google.com");
// empty for SAML providers and anything else.
std::string_view oidc_host(std::string_view federated) {
  constexpr std::string_view kMarker = ":oidc-provider/";
  size_t at = federated.find(kMarker);
  if (at != std::string_view::npos) return federated.substr(at + kMarker.size());
  if (federated.rfind("arn:", 0) == 0) return {};
  return federated;
}

bool is_saml_provider(std::string_view federated) {
  return federated.rfind("arn:", 0) == 0 && federated.find(":saml-provider/") != std::string_view::npos;
}

bool has_wildcard(std::string_view text) { return text.find_first_of("*?") != std::string_view::npos; }

// "repo:OWNER/REPO:..." — a wildcard in OWNER (or a value that is all wildcard) admits anyone's
// repositories; one after the owner stays within that owner's repositories.
bool admits_any_owner(std::string_view subject) {
  if (subject.rfind("repo:", 0) != 0) return has_wildcard(subject.substr(0, subject.find(':')));
  std::string_view rest = subject.substr(5);
  return has_wildcard(rest.substr(0, rest.find('/')));
}

void github(const Statement& st, const PrincipalEntry& p, std::vector<FederatedTrustFinding>& out) {
  const std::string host(kGithubHost);
  bool any = false;
  for (const ConditionClause& c : st.conditions) {
    if (!pins(c) || !is_claim_key(c.key.value, kGithubHost, "sub")) continue;
    any = true;
    for (size_t i = 0; i < c.values.size(); ++i) {
      std::string_view v = c.values[i].value;
      if (!has_wildcard(v)) continue;
      bool open = admits_any_owner(v);
      out.push_back({open ? FederatedTrustGap::kGithubAnyRepository : FederatedTrustGap::kGithubSubjectWildcard, &p, &c,
                     i, host,
                     open ? fmt::format("\"{}\" lets a workflow of any GitHub repository assume the role", v)
                          : fmt::format("\"{}\" lets more than one repository or branch assume the role", v)});
    }
  }
  if (!any)
    out.push_back({FederatedTrustGap::kGithubNoSubject, &p, nullptr, 0, host,
                   "any GitHub repository can assume this role: there is no condition on "
                   "token.actions.githubusercontent.com:sub"});
}

}  // namespace

bool is_open_to_outsiders(FederatedTrustGap gap) { return gap != FederatedTrustGap::kGithubSubjectWildcard; }

std::vector<FederatedTrustFinding> federated_trust_gaps(const Statement& st) {
  std::vector<FederatedTrustFinding> out;
  if (st.effect != Effect::kAllow || st.principal_mode != ElementMode::kNormal) return out;
  for (const PrincipalEntry& p : st.principals) {
    if (p.type != PrincipalType::kFederated) continue;
    const std::string& value = p.value.value;
    if (is_saml_provider(value)) {
      if (!find_claim(st, "SAML", "aud"))
        out.push_back({FederatedTrustGap::kSamlNoAudience, &p, nullptr, 0, value,
                       fmt::format("assertions from \"{}\" are accepted without a SAML:aud condition, so one "
                                   "issued for another service provider is accepted too",
                                   value)});
      continue;
    }
    std::string_view host = oidc_host(value);
    if (host.empty()) continue;
    if (iequals(host, kGithubHost)) {
      github(st, p, out);
    } else if (iequals(host, kCognitoHost)) {
      if (!find_claim(st, kCognitoHost, "aud"))
        out.push_back({FederatedTrustGap::kCognitoNoAudience, &p, nullptr, 0, std::string(host),
                       "any Cognito identity pool can assume this role: there is no condition on "
                       "cognito-identity.amazonaws.com:aud"});
    } else if (!has_any_claim(st, host)) {
      out.push_back({FederatedTrustGap::kOidcNoClaims, &p, nullptr, 0, std::string(host),
                     fmt::format("tokens from \"{}\" are accepted without a condition on their claims", host)});
    }
  }
  return out;
}

}  // namespace iamwarden::policy
