// Access Analyzer's principal checks beyond the grammar: service principal, federated principal,
// canonical user and CloudFront OAI formats, federated principals where the policy kind cannot use them, and trust-policy actions that do not fit the
// principal (a SAML provider with sts:AssumeRole instead of sts:AssumeRoleWithSAML).
#include <fmt/format.h>

#include <algorithm>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kServiceFormat{"invalid_service_principal_format", Severity::kWarning,
                                  "A service principal that is not a service's DNS name",
                                  "Service principals are DNS names such as \"ec2.amazonaws.com\"; another text "
                                  "never matches a service, so the statement applies to nobody.",
                                  "write the service principal as SERVICE.amazonaws.com"};
constexpr LintMeta kFederated{"federated_principal_not_supported", Severity::kWarning,
                              "A federated principal in a resource policy",
                              "Only role trust policies can name an identity provider (Federated); in a resource "
                              "policy the statement never applies (services such as S3 refuse the policy).",
                              "name the role that federated users assume instead"};
constexpr LintMeta kMismatch{"mismatched_action_for_principal", Severity::kWarning,
                             "The trust policy's action does not fit its principal",
                             "SAML providers assume roles with sts:AssumeRoleWithSAML, OIDC providers with "
                             "sts:AssumeRoleWithWebIdentity, AWS principals and services with sts:AssumeRole; any "
                             "other pairing never lets the principal assume the role.",
                             "use the assume action of the principal's kind"};

constexpr LintMeta kFederatedSyntax{"invalid_federated_principal_syntax_in_role_trust_policy", Severity::kWarning,
                                    "A federated principal that is neither a provider ARN nor a domain",
                                    "Federated principals are a SAML or OIDC provider's ARN "
                                    "(arn:aws:iam::ACCOUNT:saml-provider/NAME, ...:oidc-provider/HOST) or a web "
                                    "identity provider's domain (accounts.google.com, cognito-identity.amazonaws.com); "
                                    "another value never matches.",
                                    "copy the provider ARN from `aws iam list-saml-providers` / list-open-id-connect-providers"};

bool all_of_chars(std::string_view text, std::string_view allowed) {
  return !text.empty() && text.find_first_not_of(allowed) == std::string_view::npos;
}

// arn:PARTITION:iam::ACCOUNT:saml-provider/NAME or ...:oidc-provider/HOST[/PATH], or a domain name.
bool federated_format(std::string_view value) {
  if (value.rfind("arn:", 0) != 0)
    return value.find('.') != std::string_view::npos && value.find_first_of(" /:*") == std::string_view::npos;
  const size_t partition_end = value.find(':', 4);
  if (partition_end == std::string_view::npos || value.substr(partition_end, 6) != ":iam::") return false;
  const size_t account_start = partition_end + 6, account_end = value.find(':', account_start);
  if (account_end == std::string_view::npos || account_end - account_start != 12 ||
      !all_of_chars(value.substr(account_start, 12), "0123456789"))
    return false;
  const std::string_view resource = value.substr(account_end + 1);
  for (std::string_view type : {"saml-provider/", "oidc-provider/"})
    if (resource.rfind(type, 0) == 0 && resource.size() > type.size()) return true;
  return false;
}

// A canonical user id: 64 lower-case hex digits.
bool canonical_user_format(std::string_view value) {
  return value.size() == 64 && all_of_chars(value, "0123456789abcdef");
}

// "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2EXAMPLE": the id after the fixed text.
bool cloudfront_oai_format(std::string_view value) {
  constexpr std::string_view kPrefix = "user/CloudFront Origin Access Identity ";
  const size_t at = value.find(":iam::cloudfront:");
  if (at == std::string_view::npos) return true;  // not an OAI
  const std::string_view rest = value.substr(at + std::string_view(":iam::cloudfront:").size());
  return rest.rfind(kPrefix, 0) == 0 && all_of_chars(rest.substr(kPrefix.size()), "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// SERVICE.amazonaws.com (and the China and other partitions' forms, and the few .amazon.com ones),
// lower case, nothing but letters, digits, '-' and '.'.
bool service_principal_format(std::string_view value) {
  if (value.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-.") != std::string_view::npos) return false;
  for (std::string_view suffix : {".amazonaws.com", ".amazonaws.com.cn", ".amazon.com", ".c2s.ic.gov", ".sc2s.sgov.gov"})
    if (ends_with(value, suffix) && value.front() != '.' && value.front() != '-') return true;
  return false;
}

enum class Assume : uint8_t { kRole, kSaml, kWebIdentity };

// The assume action a principal of this type and value uses.
Assume assume_of(const policy::PrincipalEntry& p) {
  if (p.type != policy::PrincipalType::kFederated) return Assume::kRole;
  return p.value.value.find(":saml-provider/") != std::string::npos ? Assume::kSaml : Assume::kWebIdentity;
}

std::string_view assume_name(Assume a) {
  switch (a) {
    case Assume::kRole: return "sts:AssumeRole";
    case Assume::kSaml: return "sts:AssumeRoleWithSAML";
    case Assume::kWebIdentity: return "sts:AssumeRoleWithWebIdentity";
  }
  return "";
}

// Does an Action entry cover the assume action (an exact name or a wildcard such as "sts:*")?
bool covers(std::string_view entry, Assume a) {
  const std::string_view name = assume_name(a);
  if (entry == "*") return true;
  return globs_intersect(entry, name, true) && (has_wildcard(entry) || iequals(entry, name));
}

void check_trust_actions(LintContext& context, const policy::Statement& st) {
  if (st.action_mode != policy::ElementMode::kNormal || st.principal_mode != policy::ElementMode::kNormal) return;
  // Only statements about assuming: sts:TagSession and friends alone pair with anything.
  bool assumes = false;
  for (const policy::Located& a : st.actions) assumes = assumes || istarts_with(a.value, "sts:AssumeRole") || a.value == "*";
  if (!assumes) return;
  for (const policy::PrincipalEntry& p : st.principals) {
    const Assume needed = assume_of(p);
    if (std::any_of(st.actions.begin(), st.actions.end(), [&](const policy::Located& a) { return covers(a.value, needed); }))
      continue;
    context.report("mismatched_action_for_principal", p.value.offset, st.pointer + "/Principal",
                   fmt::format("\"{}\" assumes roles with {}, which this statement does not allow", p.value.value,
                               assume_name(needed)));
  }
}

void run(LintContext& context) {
  const policy::PolicyKind kind = context.kind();
  for (const policy::Statement& st : context.policy().statements) {
    for (const policy::PrincipalEntry& p : st.principals) {
      const std::string& value = p.value.value;
      if (p.type == policy::PrincipalType::kService && value != "*" && value.find_first_of("*?$") == std::string::npos &&
          !service_principal_format(value))
        context.report("invalid_service_principal_format", p.value.offset, st.pointer + "/Principal",
                       fmt::format("\"{}\" is not a service principal; they look like \"ec2.amazonaws.com\"", value));
      if (p.type == policy::PrincipalType::kFederated && value.find_first_of("*?$") == std::string::npos &&
          !federated_format(value))
        context.report("invalid_federated_principal_syntax_in_role_trust_policy", p.value.offset, st.pointer + "/Principal",
                       fmt::format("\"{}\" is neither a SAML/OIDC provider ARN nor an identity provider's domain", value));
      // Canonical user ids and CloudFront origin access identities have fixed shapes (invalid_principal_format is
      // the grammar rule's code, AWS's name for both).
      if (p.type == policy::PrincipalType::kCanonicalUser && !canonical_user_format(value))
        context.report("invalid_principal_format", p.value.offset, st.pointer + "/Principal",
                       fmt::format("\"{}\" is not a canonical user id (64 lower-case hexadecimal digits)", value));
      if (p.type == policy::PrincipalType::kAws && !cloudfront_oai_format(value))
        context.report("invalid_principal_format", p.value.offset, st.pointer + "/Principal",
                       fmt::format("\"{}\" is not a CloudFront origin access identity (arn:aws:iam::cloudfront:user/"
                                   "CloudFront Origin Access Identity ID)", value));
      if (p.type == policy::PrincipalType::kFederated && kind == policy::PolicyKind::kResource)
        context.report("federated_principal_not_supported", p.value.offset, st.pointer + "/Principal",
                       fmt::format("the identity provider \"{}\" can only be named in a role trust policy", value));
    }
    if (kind == policy::PolicyKind::kTrust && st.effect == policy::Effect::kAllow) check_trust_actions(context, st);
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("principal_formats", run, kServiceFormat, kFederated, kMismatch, kFederatedSyntax);

}  // namespace iamwarden::lint
