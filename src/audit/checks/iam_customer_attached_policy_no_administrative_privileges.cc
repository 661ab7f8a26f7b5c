// Flags attached customer-managed policies that grant full administrator access (decided by the engine).
#include "audit/check.h"
#include "audit/lib_policies.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_customer_attached_policy_no_administrative_privileges",
    .title = "Attached customer-managed policies do not grant full administrator access",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamPolicy",
    .description = "Evaluates the default version of every attached customer-managed policy with the policy engine: FAIL when it allows every action in the catalog on every resource (Deny, NotAction and NotResource honoured; a grant that needs request conditions is reported as conditional).",
    .risk = "Principals with this policy can do anything in the account, including granting themselves and others any permission, disabling logging and deleting data: one leaked credential compromises the whole account.",
    .remediation = "Replace the policy with one that grants only the actions and resources its users need (IAM Access Analyzer can generate one from CloudTrail activity), or attach the AWS-managed job-function policies.",
    .remediation_cli = "aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://least-privilege.json --set-as-default",
    .remediation_terraform = "resource \"aws_iam_policy\" \"app\" {\n  policy = data.aws_iam_policy_document.least_privilege.json  # specific actions and resources, no \"*\"\n}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html"},
    .inputs = {"authorization-details.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  check_policies(context, out, {PolicyFacts::Kind::kCustomerManaged}, true, admin_verdict);
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
