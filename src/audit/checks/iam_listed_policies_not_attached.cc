// The AWS Config rule iam-policy-blacklisted-check: no user, group or role (every role, service
// roles and service-linked roles included) has one of the listed managed policies attached.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_listed_policies_not_attached",
    .title = "No user, group or role has a listed managed policy attached (default: AdministratorAccess)",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamPolicy",
    .description = "The AWS Config rule iam-policy-blacklisted-check: one FAIL per user, group or role (every role, "
                   "service and service-linked roles included) whose attached managed policies include one of the "
                   "ARNs of policyArns (default arn:aws:iam::aws:policy/AdministratorAccess), compared exactly; one "
                   "account-level PASS when none has. Membership of a group does not make a user fail: the group "
                   "does.",
    .risk = "The listed policies are the ones the organisation decided nobody should hold directly; for "
            "AdministratorAccess, whoever holds it can do anything in the account.",
    .remediation = "Detach the listed policy and grant what the principal needs through narrower policies.",
    .remediation_cli = "aws iam detach-role-policy --role-name <role> --policy-arn <policy-arn>  # or "
                       "detach-user-policy / detach-group-policy",
    .remediation_terraform = "# remove the aws_iam_*_policy_attachment resources whose policy_arn is a listed policy",
    .references = {"https://docs.aws.amazon.com/config/latest/developerguide/iam-policy-blacklisted-check.html"},
    .inputs = {"authorization-details.json"},
    .parameters = {"policyArns"},
};

void run(const CheckContext& context, FindingSink& out) {
  if (!require_authorization_details(context, out)) return;
  const std::vector<std::string>& listed = context.config.blocked_policy_arns;
  size_t failed = 0;
  auto visit = [&](const snapshot::PolicyHolder& h, std::string_view what) {
    std::vector<std::string> found;
    for (const snapshot::PolicyRef& ref : h.attached)
      if (std::find(listed.begin(), listed.end(), ref.arn) != listed.end()) found.push_back(ref.arn);
    if (found.empty()) return;
    Finding& f = out.fail(h.arn, fmt::format("{} {} has {} attached", what, h.name, fmt::join(found, ", ")));
    f.resource_name = h.name;
    f.origin = h.origin;
    ++failed;
  };
  for (const snapshot::User& u : context.account.iam.users) visit(u, "user");
  for (const snapshot::Group& g : context.account.iam.groups) visit(g, "group");
  for (const snapshot::Role& r : context.account.iam.roles) visit(r, "role");
  if (!failed)
    account_finding(context, out, Status::kPass,
                    fmt::format("no user, group or role has {} attached", fmt::join(listed, ", ")),
                    "authorization-details.json");
}

}  // namespace
IAMWARDEN_REGISTER_CHECK(kMeta, run);
}  // namespace iamwarden::audit
