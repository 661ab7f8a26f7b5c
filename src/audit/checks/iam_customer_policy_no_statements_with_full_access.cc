// The AWS Config rule iam-policy-no-statements-with-full-access (Security Hub IAM.21), literally: a
// customer-managed policy that allows every action of a service by wildcard ("s3:*").
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/check.h"
#include "audit/lib_policies.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_customer_policy_no_statements_with_full_access",
    .title = "Customer-managed policies do not allow all actions of a service (\"service:*\")",
    .severity = Severity::kLow,
    .service = "iam",
    .resource_type = "AwsIamPolicy",
    .description = "The AWS Config rule iam-policy-no-statements-with-full-access as written: the default version of "
                   "every customer-managed policy is read statement by statement, and an Allow statement whose "
                   "Action is \"<service>:*\" for any service (or \"*\"), or whose NotAction is \"<service>:*\", "
                   "fails, on any resource and whatever its conditions. A prefix wildcard such as ec2:Describe* "
                   "passes. Inline and AWS-managed policies are not in scope. With excludePermissionBoundaryPolicy "
                   "true (Security Hub IAM.21), policies used as permissions boundaries are skipped. "
                   "iam_policy_no_full_access_to_sensitive_services is iamwarden's engine-based check for the "
                   "configured sensitive services.",
    .risk = "A service wildcard grants every action of the service, including those added later: deleting data, "
            "changing resource policies, turning off protections.",
    .remediation = "List the actions the policy's users need instead of \"service:*\" (a prefix such as "
                   "\"ec2:Describe*\" is fine).",
    .remediation_cli = "aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://narrowed.json "
                       "--set-as-default",
    .remediation_terraform = "data \"aws_iam_policy_document\" \"app\" {\n"
                             "  statement {\n"
                             "    actions   = [\"ec2:Describe*\"]  # not \"ec2:*\"\n"
                             "    resources = [\"*\"]\n"
                             "  }\n"
                             "}",
    .references = {"https://docs.aws.amazon.com/config/latest/developerguide/iam-policy-no-statements-with-full-access.html",
                   "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-21"},
    .inputs = {"authorization-details.json"},
    .parameters = {"excludePermissionBoundaryPolicy"},
};

void run(const CheckContext& context, FindingSink& out) {
  check_customer_policies_literally(context, out, [](const PolicyFacts& f) {
    if (f.literal_full_access.empty()) return PolicyVerdict{false, "no Allow statement with a service wildcard", {}};
    return PolicyVerdict{true, fmt::format("allows all actions of a service: {}", fmt::join(f.literal_full_access, ", ")),
                         {}};
  });
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
