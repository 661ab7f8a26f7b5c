// Flags policies that grant a privilege-escalation method of data/escalation (all of its actions, on every resource).
#include "audit/check.h"
#include "audit/lib_policies.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_policy_no_privilege_escalation",
    .title = "Policies do not grant privilege-escalation paths",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamPolicy",
    .description = "For every customer-managed and inline policy, checks with the engine whether all actions of a privilege-escalation method of data/escalation that a policy decides on its own (self-escalation such as iam:CreatePolicyVersion; credential or trust rewrites on any principal; iam:PassRole with a service that starts new compute) are allowed on every resource. Methods that need an existing resource or a trust policy that admits the holder are decided per principal by `iamwarden paths`.",
    .risk = "A principal with such a combination can give itself more permissions than it was granted, usually up to administrator.",
    .remediation = "Remove one action of each path, or limit it to specific resources (for example iam:CreateAccessKey on the principal's own user only).",
    .remediation_cli = "aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://no-escalation.json --set-as-default",
    .remediation_terraform = "# split the IAM-administration actions into a separate, tightly held role; scope Resource to specific ARNs",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html"},
    .inputs = {"authorization-details.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  check_policies(context, out, {PolicyFacts::Kind::kCustomerManaged, PolicyFacts::Kind::kInline}, std::nullopt, [](const PolicyFacts& f) {
    PolicyVerdict v;
    if (f.escalations.empty()) {
      v.message = "grants no known privilege-escalation path on every resource";
    } else {
      v.fail = true;
      v.message = std::to_string(f.escalations.size()) + " privilege-escalation path(s): " + f.escalations.front().first;
      for (const auto& [path, grant] : f.escalations) v.evidence.push_back(path + " (" + describe_grant(grant, f) + ")");
    }
    return v;
  });
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
