// Flags IAM roles with inline policies (RolePolicyList of the authorization details), service-linked
// roles included: AWS Config's iam-no-inline-policy-check evaluates every role.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_role_no_inline_policies",
    .title = "IAM roles have no inline policies",
    .severity = Severity::kLow,
    .service = "iam",
    .resource_type = "AwsIamRole",
    .description = "For each role of the authorization details, RolePolicyList must be empty (the role part of the "
                   "AWS Config rule iam-no-inline-policy-check, which evaluates every role: service-linked roles "
                   "are reported too, with a note that AWS manages their policies). One account-level PASS when "
                   "there is no role.",
    .risk = "Inline role policies cannot be reused or versioned and are easy to miss in reviews of managed "
            "policies, while they grant permissions to whoever assumes the role.",
    .remediation = "Move the permissions to a customer-managed policy attached to the role, then delete the inline "
                   "policy.",
    .remediation_cli = "aws iam delete-role-policy --role-name <role> --policy-name <policy-name>",
    .remediation_terraform = "# Replace aws_iam_role_policy with aws_iam_policy + aws_iam_role_policy_attachment",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html",
                   "https://docs.aws.amazon.com/config/latest/developerguide/iam-no-inline-policy-check.html"},
    .inputs = {"authorization-details.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  if (!require_authorization_details(context, out)) return;
  for (const snapshot::Role& role : context.account.iam.roles) {
    std::vector<std::string> names;
    for (const snapshot::InlinePolicy& p : role.inline_policies) names.push_back(p.name);
    if (names.empty()) {
      role_finding(out, Status::kPass, role, "no inline policy");
      continue;
    }
    role_finding(out, Status::kFail, role,
                 fmt::format("{} inline polic{}: {}{}", names.size(), names.size() == 1 ? "y" : "ies",
                             fmt::join(names, ", "),
                             role.service_linked() ? " (a service-linked role: AWS manages its policies)" : ""));
  }
  if (context.account.iam.roles.empty())
    account_finding(context, out, Status::kPass, "authorization-details.json lists no IAM role",
                    "authorization-details.json");
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
