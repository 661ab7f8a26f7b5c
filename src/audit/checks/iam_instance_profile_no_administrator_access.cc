// Flags instance profiles whose role has the AWS-managed AdministratorAccess policy attached.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_instance_profile_no_administrator_access",
    .title = "EC2 instance profiles do not carry a role with AdministratorAccess",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "Other",
    .description =
        "For each instance profile listed in the roles' InstanceProfileList, FAIL when a role in the profile has "
        "the AWS-managed policy arn:<partition>:iam::aws:policy/AdministratorAccess attached. An account with no "
        "instance profile gets one PASS.",
    .risk = "Any process on an instance launched with the profile (and anyone who reaches its metadata service, "
            "e.g. through server-side request forgery) obtains administrator credentials for the account.",
    .remediation = "Detach AdministratorAccess from the profile's role and grant only what the workload on the "
                   "instances needs, or move the administrator role out of the instance profile.",
    .remediation_cli =
        "aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess",
    .remediation_terraform =
        "resource \"aws_iam_instance_profile\" \"app\" {\n"
        "  name = \"<profile>\"\n"
        "  role = aws_iam_role.app_least_privilege.name  # a role without AdministratorAccess\n"
        "}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html",
                   "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html"},
    .inputs = {"authorization-details.json"},
};

struct Profile {
  const snapshot::InstanceProfile* profile = nullptr;
  const snapshot::Role* listed_by = nullptr;  // the role whose InstanceProfileList holds it
};

void run(const CheckContext& context, FindingSink& out) {
  if (!require_authorization_details(context, out)) return;
  const snapshot::Account& account = context.account;
  std::map<std::string_view, Profile> profiles;  // by ARN: a profile is listed under each of its roles
  for (const snapshot::Role& role : account.iam.roles)
    for (const snapshot::InstanceProfile& p : role.instance_profiles) profiles.emplace(p.arn, Profile{&p, &role});
  if (profiles.empty()) {
    account_finding(context, out, Status::kPass, "no instance profile in authorization-details.json",
                    "authorization-details.json");
    return;
  }
  for (const auto& [arn, entry] : profiles) {
    std::vector<const snapshot::Role*> roles;
    std::vector<std::string> unknown;
    if (entry.profile->role_arns.empty()) roles.push_back(entry.listed_by);
    for (const std::string& role_arn : entry.profile->role_arns) {
      if (const snapshot::Role* r = account.find_role(role_arn)) roles.push_back(r);
      else unknown.push_back(role_arn);
    }
    std::vector<std::string> admins, names;
    for (const snapshot::Role* r : roles) {
      names.push_back(r->name);
      if (has_aws_managed_policy(*r, "AdministratorAccess")) admins.push_back(r->name);
    }
    Status status = Status::kPass;
    std::string message;
    if (!admins.empty()) {
      status = Status::kFail;
      message = fmt::format("role {} in the profile has AdministratorAccess ({}) attached", fmt::join(admins, ", "),
                            aws_managed_policy_arn(account, "AdministratorAccess"));
    } else if (!unknown.empty()) {
      status = Status::kNotEvaluated;
      message = fmt::format("role {} of the profile is not in authorization-details.json", fmt::join(unknown, ", "));
    } else {
      message =
          fmt::format("role {} in the profile does not have AdministratorAccess attached", fmt::join(names, ", "));
    }
    Finding& f = report(out, status, std::string(arn), std::move(message));
    f.resource_name = entry.profile->name;
    f.origin = entry.listed_by->origin;
  }
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
