// Flags policies that allow iam:PassRole on every role.
#include "audit/check.h"
#include "audit/lib_policies.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_policy_no_pass_role_on_all_resources",
    .title = "Policies do not allow iam:PassRole on all resources",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamPolicy",
    .description = "For every customer-managed and inline policy, asks the engine whether iam:PassRole is allowed with Resource \"*\" (every role), conditionally or not. PassRole limited to named roles passes.",
    .risk = "A principal that can pass any role to a service (EC2, Lambda, ECS, Glue...) can run code with the permissions of the most powerful role in the account.",
    .remediation = "Limit iam:PassRole to the ARNs of the roles the principal must pass, and add an iam:PassedToService condition.",
    .remediation_cli = "aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://passrole-scoped.json --set-as-default",
    .remediation_terraform = "statement {\n  actions   = [\"iam:PassRole\"]\n  resources = [aws_iam_role.task.arn]\n  condition {\n    test     = \"StringEquals\"\n    variable = \"iam:PassedToService\"\n    values   = [\"ecs-tasks.amazonaws.com\"]\n  }\n}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html"},
    .inputs = {"authorization-details.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  check_policies(context, out, {PolicyFacts::Kind::kCustomerManaged, PolicyFacts::Kind::kInline}, std::nullopt, [](const PolicyFacts& f) {
    return action_verdict(f.pass_role_any, f, "iam:PassRole");
  });
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
