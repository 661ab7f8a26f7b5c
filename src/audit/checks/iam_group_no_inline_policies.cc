// Flags IAM groups with inline policies (GroupPolicyList of the authorization details).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_group_no_inline_policies",
    .title = "IAM groups have no inline policies",
    .severity = Severity::kLow,
    .service = "iam",
    .resource_type = "AwsIamGroup",
    .description = "For each group of the authorization details, GroupPolicyList must be empty (the group part of the "
                   "AWS Config rule iam-no-inline-policy-check). One account-level PASS when there is no group.",
    .risk = "Inline group policies cannot be reused or versioned and are easy to miss in reviews of managed "
            "policies, while they grant permissions to every member.",
    .remediation = "Move the permissions to a customer-managed policy attached to the group, then delete the inline "
                   "policy.",
    .remediation_cli = "aws iam delete-group-policy --group-name <group> --policy-name <policy-name>",
    .remediation_terraform = "# Replace aws_iam_group_policy with aws_iam_policy + aws_iam_group_policy_attachment",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html",
                   "https://docs.aws.amazon.com/config/latest/developerguide/iam-no-inline-policy-check.html"},
    .inputs = {"authorization-details.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  if (!require_authorization_details(context, out)) return;
  for (const snapshot::Group& group : context.account.iam.groups) {
    std::vector<std::string> names;
    for (const snapshot::InlinePolicy& p : group.inline_policies) names.push_back(p.name);
    Finding& f = names.empty() ? out.pass(group.arn, "no inline policy")
                               : out.fail(group.arn, fmt::format("{} inline polic{}: {}", names.size(),
                                                                 names.size() == 1 ? "y" : "ies", fmt::join(names, ", ")));
    f.resource_name = group.name;
    f.origin = group.origin;
  }
  if (context.account.iam.groups.empty())
    account_finding(context, out, Status::kPass, "authorization-details.json lists no IAM group",
                    "authorization-details.json");
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
