// Checks that some role has the AWS-managed AWSSupportAccess policy attached, so incidents can be
// handled with AWS Support without root or ad-hoc credentials (one account-level finding).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_support_role_created",
    .title = "A role with the AWSSupportAccess policy exists to manage incidents with AWS Support",
    .severity = Severity::kLow,
    .service = "iam",
    .resource_type = "AwsAccount",
    .description =
        "PASS when the AWS-managed policy arn:<partition>:iam::aws:policy/AWSSupportAccess is attached to at least "
        "one role (the evidence lists them); FAIL otherwise. Attachments to users or groups do not count, and a "
        "customer-managed policy of the same name does not count.",
    .risk = "Without a designated role, opening and following AWS Support cases during an incident needs root or "
            "over-privileged credentials, or waits until someone grants access.",
    .remediation = "Create a role that the incident responders can assume and attach AWSSupportAccess to it.",
    .remediation_cli =
        "aws iam attach-role-policy --role-name <support-role> --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess",
    .remediation_terraform =
        "resource \"aws_iam_role_policy_attachment\" \"support\" {\n"
        "  role       = aws_iam_role.support.name\n"
        "  policy_arn = \"arn:aws:iam::aws:policy/AWSSupportAccess\"\n"
        "}",
    .references = {"https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSupportAccess.html",
                   "https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html",
                   "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html"},
    .inputs = {"authorization-details.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  if (!require_authorization_details(context, out)) return;
  const std::string arn = aws_managed_policy_arn(context.account, "AWSSupportAccess");
  std::vector<std::string> roles;
  for (const snapshot::Role& role : context.account.iam.roles)
    if (has_aws_managed_policy(role, "AWSSupportAccess")) roles.push_back(role.arn);
  if (roles.empty()) {
    account_finding(context, out, Status::kFail,
                    fmt::format("no role has {} attached ({} roles examined)", arn, context.account.iam.roles.size()),
                    "authorization-details.json");
    return;
  }
  Finding& f = account_finding(context, out, Status::kPass,
                               fmt::format("{} is attached to {} role(s)", arn, roles.size()),
                               "authorization-details.json");
  f.evidence = std::move(roles);
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
