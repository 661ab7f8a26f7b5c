// Flags customer-managed and inline policies that grant every action of a sensitive service (iam, kms, cloudtrail, organizations, sts, secretsmanager by default).
#include "audit/check.h"
#include "audit/lib_policies.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_policy_no_full_access_to_sensitive_services",
    .title = "Policies do not grant full access to sensitive services",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamPolicy",
    .description = "For every customer-managed and inline policy, checks with the engine whether every action of each configured sensitive service (sensitive_services in iamwarden.toml) is allowed on every resource.",
    .risk = "Full access to iam lets a principal escalate to administrator; to kms, decrypt or destroy keys; to cloudtrail, stop the audit trail; to organizations, leave the organization or rewrite its guardrails.",
    .remediation = "Grant only the actions of the service that the principal needs, on the resources it needs.",
    .remediation_cli = "aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://narrowed.json --set-as-default",
    .remediation_terraform = "data \"aws_iam_policy_document\" \"kms_use\" {\n  statement {\n    actions   = [\"kms:Decrypt\", \"kms:GenerateDataKey\"]\n    resources = [aws_kms_key.app.arn]\n  }\n}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html"},
    .inputs = {"authorization-details.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  check_policies(context, out, {PolicyFacts::Kind::kCustomerManaged, PolicyFacts::Kind::kInline}, std::nullopt, [](const PolicyFacts& f) {
    PolicyVerdict v;
    if (f.full_services.empty()) {
      v.message = "grants no sensitive service in full";
    } else {
      v.fail = true;
      std::string names;
      for (const auto& [service, grant] : f.full_services) {
        names += (names.empty() ? "" : ", ") + service + ":*";
        v.evidence.push_back(service + ":* " + describe_grant(grant, f));
      }
      v.message = "grants every action of " + names;
    }
    return v;
  });
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
