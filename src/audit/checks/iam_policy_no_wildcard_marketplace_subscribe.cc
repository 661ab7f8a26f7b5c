// Flags policies that allow aws-marketplace:Subscribe on every product.
#include "audit/check.h"
#include "audit/lib_policies.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_policy_no_wildcard_marketplace_subscribe",
    .title = "Policies do not allow aws-marketplace:Subscribe on all resources",
    .severity = Severity::kMedium,
    .service = "iam",
    .resource_type = "AwsIamPolicy",
    .description = "For every customer-managed and inline policy, asks the engine whether aws-marketplace:Subscribe is allowed on every resource.",
    .risk = "Subscribing to Marketplace products commits the account to charges and can bring third-party software and data processing into it without procurement review.",
    .remediation = "Remove aws-marketplace:Subscribe, or give it only to a procurement role.",
    .remediation_cli = "aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://no-subscribe.json --set-as-default",
    .remediation_terraform = "statement {\n  effect    = \"Deny\"\n  actions   = [\"aws-marketplace:Subscribe\"]\n  resources = [\"*\"]\n}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html"},
    .inputs = {"authorization-details.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  check_policies(context, out, {PolicyFacts::Kind::kCustomerManaged, PolicyFacts::Kind::kInline}, std::nullopt, [](const PolicyFacts& f) {
    return action_verdict(f.marketplace_subscribe, f, "aws-marketplace:Subscribe");
  });
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
