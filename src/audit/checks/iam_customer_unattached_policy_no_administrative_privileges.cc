// Flags unattached customer-managed policies that would grant full administrator access.
#include "audit/check.h"
#include "audit/lib_policies.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_customer_unattached_policy_no_administrative_privileges",
    .title = "Unattached customer-managed policies do not grant full administrator access",
    .severity = Severity::kMedium,
    .service = "iam",
    .resource_type = "AwsIamPolicy",
    .description = "Evaluates the default version of every customer-managed policy that is attached to nothing: FAIL when it allows every action on every resource. Such a policy is one attach call away from making someone an administrator.",
    .risk = "An unused administrator policy is easy to attach by mistake or by an attacker with iam:Attach*Policy, and it hides among legitimate policies during reviews.",
    .remediation = "Delete the unused policy, or narrow it to the actions and resources it was written for.",
    .remediation_cli = "aws iam delete-policy --policy-arn <policy-arn>",
    .remediation_terraform = "# remove the aws_iam_policy resource that defines the unused administrator policy",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html"},
    .inputs = {"authorization-details.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  check_policies(context, out, {PolicyFacts::Kind::kCustomerManaged}, false, admin_verdict);
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
