// Checks that an SCP other than FullAWSAccess applies to the account at some level of its
// organization path (root, OUs, the account).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

constexpr std::string_view kFullAccess = "p-FullAWSAccess";

const CheckMeta kMeta{
    .id = "organizations_scps_attached",
    .title = "A service control policy other than FullAWSAccess applies to the account",
    .severity = Severity::kMedium,
    .service = "organizations",
    .resource_type = "AwsAccount",
    .description =
        "Looks at the SCPs attached to the organization root, each OU on the account's path and the account "
        "(list-policies-for-target). PASS when one of them is not FullAWSAccess (p-FullAWSAccess); FAIL when only "
        "FullAWSAccess applies, when the account is in no organization, or when the organization lacks all "
        "features. The management account PASSes with a note: SCPs never apply to it. NOT_EVALUATED when "
        "organizations/ data is missing, the path is unknown, or a level's SCP list was not collected and no other "
        "level has a restricting SCP.",
    .risk = "Without SCP guardrails, any administrator of the account (or anyone who compromises one) can disable "
            "logging, leave the organization, use any region or service, and nothing above the account stops them.",
    .remediation = "Attach SCPs that deny what no one in the account should do (leaving the organization, disabling "
                   "CloudTrail or GuardDuty, unused regions) to the root or the account's OU.",
    .remediation_cli = "aws organizations attach-policy --policy-id <policy-id> --target-id <ou-or-account-id>",
    .remediation_terraform =
        "resource \"aws_organizations_policy_attachment\" \"guardrails\" {\n"
        "  policy_id = aws_organizations_policy.guardrails.id\n"
        "  target_id = \"<ou-or-account-id>\"\n"
        "}",
    .references = {"https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html",
                   "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html",
                   "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples.html"},
    .inputs = {"organizations/organization.json", "organizations/parents/<child-id>.json",
               "organizations/scp-targets/<target-id>.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  if (!scp_path_applies(context, out)) return;
  const snapshot::Organization& org = context.account.organization;
  std::vector<std::string> restricting, full_only, unknown;
  for (const snapshot::OrgLevel& level : org.path) {
    if (!level.scps_known) {
      unknown.push_back(missing_input(context.account, fmt::format("organizations/scp-targets/{}.json", level.id)));
      continue;
    }
    for (const std::string& id : level.scp_ids) {
      std::string line = fmt::format("{} {}: {}", level.type, level.id, org_policy_label(org, id));
      (id == kFullAccess ? full_only : restricting).push_back(std::move(line));
    }
  }
  if (!restricting.empty()) {
    Finding& f = account_finding(context, out, Status::kPass,
                                 fmt::format("{} SCP(s) besides FullAWSAccess apply to the account",
                                             restricting.size()),
                                 "organizations/scp-targets/");
    f.evidence = std::move(restricting);
    return;
  }
  if (!unknown.empty()) {
    Finding& f = account_finding(context, out, Status::kNotEvaluated,
                                 fmt::format("no restricting SCP found so far, and {}", fmt::join(unknown, "; ")),
                                 "organizations/scp-targets/");
    f.evidence = std::move(full_only);
    return;
  }
  Finding& f = account_finding(context, out, Status::kFail,
                               fmt::format("only FullAWSAccess applies at the {} level(s) from the root to the account",
                                           org.path.size()),
                               "organizations/scp-targets/");
  f.evidence = std::move(full_only);
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
