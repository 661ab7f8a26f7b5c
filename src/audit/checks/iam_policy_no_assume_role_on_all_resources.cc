// Flags policies that allow sts:AssumeRole on every role.
#include "audit/check.h"
#include "audit/lib_policies.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_policy_no_assume_role_on_all_resources",
    .title = "Policies do not allow sts:AssumeRole on all resources",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamPolicy",
    .description = "For every customer-managed and inline policy, asks the engine whether sts:AssumeRole is allowed with Resource \"*\" (any role, in any account whose trust policy admits the principal).",
    .risk = "Assuming any role lets a principal move to every role that trusts its account, including roles in other accounts trusting this one: permissions become whatever the most powerful such role has.",
    .remediation = "List the role ARNs the principal must assume in the Resource element.",
    .remediation_cli = "aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://assume-scoped.json --set-as-default",
    .remediation_terraform = "statement {\n  actions   = [\"sts:AssumeRole\"]\n  resources = [\"arn:aws:iam::111122223333:role/deploy\"]\n}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html"},
    .inputs = {"authorization-details.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  check_policies(context, out, {PolicyFacts::Kind::kCustomerManaged, PolicyFacts::Kind::kInline}, std::nullopt, [](const PolicyFacts& f) {
    return action_verdict(f.assume_role_any, f, "sts:AssumeRole");
  });
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
