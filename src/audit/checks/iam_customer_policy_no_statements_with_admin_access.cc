// The AWS Config rule iam-policy-no-statements-with-admin-access (Security Hub IAM.1), literally:
// a customer-managed policy with an Allow statement of "Action": "*" over "Resource": "*".
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/check.h"
#include "audit/lib_policies.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_customer_policy_no_statements_with_admin_access",
    .title = "Customer-managed policies have no statement allowing \"*\" on \"*\"",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamPolicy",
    .description = "The AWS Config rule iam-policy-no-statements-with-admin-access as written: the default version of "
                   "every customer-managed policy (attached or not) is read statement by statement, and a statement "
                   "with Effect Allow, \"*\" among its Action values and \"*\" among its Resource values fails, "
                   "whatever its conditions and whatever other statements deny. Inline and AWS-managed policies are "
                   "not in scope. With excludePermissionBoundaryPolicy true (Security Hub IAM.1), policies used as "
                   "permissions boundaries are skipped. iamwarden's own judgement of what a policy really grants is "
                   "iam_customer_attached_policy_no_administrative_privileges.",
    .risk = "A statement granting every action on every resource makes whoever holds the policy an administrator, "
            "and a Deny next to it is one edit away from removal.",
    .remediation = "Replace the statement with the actions and resources the policy's users need.",
    .remediation_cli = "aws iam create-policy-version --policy-arn <policy-arn> --policy-document "
                       "file://least-privilege.json --set-as-default",
    .remediation_terraform = "data \"aws_iam_policy_document\" \"app\" {\n"
                             "  statement {\n"
                             "    actions   = [\"s3:GetObject\"]  # no \"*\"\n"
                             "    resources = [\"arn:aws:s3:::reports/*\"]\n"
                             "  }\n"
                             "}",
    .references = {"https://docs.aws.amazon.com/config/latest/developerguide/iam-policy-no-statements-with-admin-access.html",
                   "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1"},
    .inputs = {"authorization-details.json"},
    .parameters = {"excludePermissionBoundaryPolicy"},
};

void run(const CheckContext& context, FindingSink& out) {
  check_customer_policies_literally(context, out, [](const PolicyFacts& f) {
    if (f.literal_admin.empty()) return PolicyVerdict{false, "no Allow statement with \"*\" on \"*\"", {}};
    return PolicyVerdict{true, fmt::format("allows \"*\" on \"*\" in {}", fmt::join(f.literal_admin, ", ")), {}};
  });
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
