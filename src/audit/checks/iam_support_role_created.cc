// Checks that the AWS-managed AWSSupportAccess policy is attached where incidents can be handled
// with AWS Support: to a role (CIS, iamwarden's default), or, with policyUsageType ANY (Security Hub
// IAM.18, AWS Config iam-policy-in-use), to a user, a group with members or a role.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

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
        "one principal of the kind policyUsageType names (the evidence lists them); FAIL otherwise. iamwarden and "
        "CIS ask for a role (IAM_ROLE); AWS Config iam-policy-in-use with ANY (Security Hub IAM.18) also accepts a "
        "user or a group that has members (IAM_USER, IAM_GROUP: only those). A customer-managed policy of the same "
        "name does not count.",
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
    .parameters = {"policyARN", "policyUsageType"},
};

void run(const CheckContext& context, FindingSink& out) {
  if (!require_authorization_details(context, out)) return;
  const std::string arn = aws_managed_policy_arn(context.account, "AWSSupportAccess");
  const std::string& type = context.config.support_policy_usage_type;
  const snapshot::Account& account = context.account;
  std::vector<std::string> holders;
  if (type == "ANY" || type == "IAM_ROLE")
    for (const snapshot::Role& role : account.iam.roles)
      if (has_aws_managed_policy(role, "AWSSupportAccess")) holders.push_back(role.arn);
  if (type == "ANY" || type == "IAM_USER")
    for (const snapshot::User& user : account.iam.users)
      if (has_aws_managed_policy(user, "AWSSupportAccess")) holders.push_back(user.arn);
  if (type == "ANY" || type == "IAM_GROUP") {
    for (const snapshot::Group& group : account.iam.groups) {
      // A group counts only with members (membership is listed on the users).
      bool members = std::any_of(account.iam.users.begin(), account.iam.users.end(), [&](const snapshot::User& u) {
        return std::find(u.groups.begin(), u.groups.end(), group.name) != u.groups.end();
      });
      if (members && has_aws_managed_policy(group, "AWSSupportAccess")) holders.push_back(group.arn);
    }
  }
  const std::string who = type == "IAM_ROLE"    ? "role"
                          : type == "IAM_USER"  ? "user"
                          : type == "IAM_GROUP" ? "group with members"
                                                : "user, group with members or role";
  if (holders.empty()) {
    account_finding(context, out, Status::kFail, fmt::format("no {} has {} attached", who, arn),
                    "authorization-details.json");
    return;
  }
  Finding& f = account_finding(context, out, Status::kPass,
                               fmt::format("{} is attached to {} {}(s)", arn, holders.size(), who),
                               "authorization-details.json");
  f.evidence = std::move(holders);
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
