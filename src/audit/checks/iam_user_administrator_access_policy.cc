// Flags IAM users that have the AWS-managed AdministratorAccess policy, attached directly or through
// one of their groups (matched by ARN, in any partition: a customer policy of that name is not it).
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_credentials.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_user_administrator_access_policy",
    .title = "IAM users do not have the AdministratorAccess policy",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "AwsIamUser",
    .description = "For each user of the authorization details, fails when arn:<partition>:iam::aws:policy/"
                   "AdministratorAccess is attached to the user or to one of its groups; the evidence says which. "
                   "A group missing from the dump makes the user NOT_EVALUATED unless a direct attachment "
                   "already decides.",
    .risk = "A user with AdministratorAccess holds long-term credentials (password, access keys) that can do "
            "anything in the account; one leak is a full compromise.",
    .remediation = "Give administrators a role to assume (through IAM Identity Center or federation, with MFA) "
                   "and detach AdministratorAccess from users and their groups.",
    .remediation_cli = "aws iam detach-user-policy --user-name <user> --policy-arn "
                       "arn:aws:iam::aws:policy/AdministratorAccess",
    .remediation_terraform = "# Remove the attachment and grant administration through a role instead:\n"
                             "resource \"aws_iam_role_policy_attachment\" \"admin\" {\n"
                             "  role       = aws_iam_role.admin.name\n"
                             "  policy_arn = \"arn:aws:iam::aws:policy/AdministratorAccess\"\n"
                             "}",
    .references = {"https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html"},
    .inputs = {"authorization-details.json"},
};

// arn:<partition>:iam::aws:policy/AdministratorAccess
bool administrator_access(std::string_view arn) {
  constexpr std::string_view kSuffix = ":iam::aws:policy/AdministratorAccess";
  if (!arn.starts_with("arn:") || !arn.ends_with(kSuffix)) return false;
  std::string_view partition = arn.substr(4, arn.size() - 4 - kSuffix.size());
  return !partition.empty() && partition.find(':') == std::string_view::npos;
}

// The ARN of AdministratorAccess when attached to the user or group, else "".
std::string administrator_access_arn(const snapshot::PolicyHolder& holder) {
  for (const snapshot::PolicyRef& ref : holder.attached)
    if (administrator_access(ref.arn)) return ref.arn;
  return "";
}

UserVerdict judge(const CheckContext& context, const snapshot::User& user) {
  std::vector<std::string> paths, evidence, unknown_groups;
  if (std::string arn = administrator_access_arn(user); !arn.empty()) {
    paths.emplace_back("attached directly");
    evidence.push_back(fmt::format("{} attached to user {}", arn, user.name));
  }
  for (const std::string& name : user.groups) {
    const snapshot::Group* group = context.account.find_group(name);
    if (!group) {
      unknown_groups.push_back(name);
    } else if (std::string arn = administrator_access_arn(*group); !arn.empty()) {
      paths.push_back(fmt::format("through group {}", name));
      evidence.push_back(fmt::format("{} attached to group {}", arn, name));
    }
  }
  if (!paths.empty())
    return {Status::kFail, fmt::format("AdministratorAccess {}", fmt::join(paths, " and ")), std::move(evidence)};
  if (!unknown_groups.empty())
    return {Status::kNotEvaluated,
            fmt::format("group{} {} of the user {} not in authorization-details.json",
                        unknown_groups.size() == 1 ? "" : "s", fmt::join(unknown_groups, ", "),
                        unknown_groups.size() == 1 ? "is" : "are"),
            {}};
  return {Status::kPass,
          user.groups.empty() ? std::string("AdministratorAccess is not attached to the user (no groups)")
                              : fmt::format("AdministratorAccess is attached neither to the user nor to its groups "
                                            "({})",
                                            fmt::join(user.groups, ", ")),
          {}};
}

void run(const CheckContext& context, FindingSink& out) { for_each_gaad_user(context, out, judge); }

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
