// Checks that people sign in through an identity provider: a SAML or OIDC provider exists in IAM.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

constexpr std::string_view kSaml = "saml-providers.json";
constexpr std::string_view kOidc = "open-id-connect-providers.json";

const CheckMeta kMeta{
    .id = "iam_identity_federation_configured",
    .title = "Users sign in through a federated identity provider (SAML or OIDC)",
    .severity = Severity::kLow,
    .service = "iam",
    .resource_type = "AwsAccount",
    .description =
        "PASS when list-saml-providers or list-open-id-connect-providers lists at least one provider (the evidence "
        "lists them; IAM Identity Center provisions a SAML provider in the accounts it manages). FAIL when both "
        "files were collected and both lists are empty. NOT_EVALUATED when no provider is listed and one of the "
        "two files was not collected.",
    .risk = "Without federation, people use long-term IAM user passwords and keys that are managed account by "
            "account, outside the organization's central identity lifecycle (joiners, leavers, MFA policy).",
    .remediation = "Manage human access centrally with IAM Identity Center or an external SAML/OIDC identity "
                   "provider, and replace IAM users with roles assumed through it.",
    .remediation_cli =
        "aws iam create-saml-provider --name <provider-name> --saml-metadata-document file://metadata.xml",
    .remediation_terraform =
        "resource \"aws_iam_saml_provider\" \"idp\" {\n"
        "  name                   = \"<provider-name>\"\n"
        "  saml_metadata_document = file(\"metadata.xml\")\n"
        "}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_saml.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_oidc.html"},
    .inputs = {"saml-providers.json", "open-id-connect-providers.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  const snapshot::Account& account = context.account;
  std::vector<std::string> providers;
  for (const auto* list : {&account.saml_providers, &account.oidc_providers})
    if (*list)
      for (const snapshot::IdentityProvider& p : **list) providers.push_back(p.arn);
  if (!providers.empty()) {
    Finding& f = account_finding(context, out, Status::kPass,
                                 fmt::format("{} identity provider(s) configured ({} SAML, {} OIDC)", providers.size(),
                                             account.saml_providers ? account.saml_providers->size() : 0,
                                             account.oidc_providers ? account.oidc_providers->size() : 0),
                                 account.saml_providers && !account.saml_providers->empty() ? kSaml : kOidc);
    f.evidence = std::move(providers);
    return;
  }
  if (account.saml_providers && account.oidc_providers) {
    account_finding(context, out, Status::kFail,
                    fmt::format("no SAML provider ({}) and no OIDC provider ({})", kSaml, kOidc), kSaml);
    return;
  }
  std::vector<std::string> missing;
  if (!account.saml_providers) missing.push_back(missing_input(account, kSaml));
  if (!account.oidc_providers) missing.push_back(missing_input(account, kOidc));
  std::string message = missing.size() == 2 ? missing[0] + "; " + missing[1] : missing[0];
  if (missing.size() == 1) message += ", and the other list has no provider";
  account_finding(context, out, Status::kNotEvaluated, std::move(message),
                  account.saml_providers ? kOidc : kSaml);
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
