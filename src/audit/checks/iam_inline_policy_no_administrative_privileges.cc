// Flags inline policies of users, groups and roles that grant full administrator access.
#include "audit/check.h"
#include "audit/lib_policies.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_inline_policy_no_administrative_privileges",
    .title = "Inline policies do not grant full administrator access",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamPolicy",
    .description = "Evaluates every inline policy of users, groups and roles (service-linked roles excluded) with the policy engine: FAIL when it allows every action on every resource.",
    .risk = "Inline administrator grants are invisible in the list of managed policies, so they escape reviews, and they give the principal full control of the account.",
    .remediation = "Delete the inline policy and attach a managed least-privilege policy instead.",
    .remediation_cli = "aws iam delete-user-policy --user-name <user> --policy-name <policy-name>  # or delete-role-policy / delete-group-policy",
    .remediation_terraform = "# replace aws_iam_user_policy / aws_iam_role_policy with aws_iam_policy + an attachment of least privilege",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html"},
    .inputs = {"authorization-details.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  check_policies(context, out, {PolicyFacts::Kind::kInline}, std::nullopt, admin_verdict);
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
