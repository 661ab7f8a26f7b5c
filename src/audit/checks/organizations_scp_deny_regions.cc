// Checks that an SCP on the account's organization path denies requests outside a list of regions
// (Deny with StringNotEquals / StringNotEqualsIgnoreCase / StringNotLike on aws:RequestedRegion) and
// leaves the configured enabled_regions open.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "audit/check.h"
#include "audit/lib_roles.h"
#include "eval/context.h"
#include "snapshot/policy_document.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "organizations_scp_deny_regions",
    .title = "An SCP denies requests outside the regions the organization uses",
    .severity = Severity::kLow,
    .service = "organizations",
    .resource_type = "AwsAccount",
    .description =
        "Reads the SCPs attached to the root, the OUs on the account's path and the account. PASS when one has a "
        "Deny statement with a StringNotEquals, StringNotEqualsIgnoreCase or StringNotLike condition on "
        "aws:RequestedRegion whose values include every region of the configuration's enabled_regions (any such "
        "statement when none are configured). FAIL otherwise, naming region guardrails that would block a "
        "configured region. The management account PASSes with a note (SCPs never apply to it). NOT_EVALUATED "
        "when organizations/ data, the path, a level's SCP list or a policy's content is missing and no "
        "qualifying statement was found.",
    .risk = "Regions nobody watches are where intruders run crypto miners or stage data: without a guardrail any "
            "region can be used, and detective controls often cover only the regions in use.",
    .remediation = "Attach an SCP that denies actions (except global services) when aws:RequestedRegion is not one "
                   "of the regions you use, to the root or the account's OU.",
    .remediation_cli = "aws organizations create-policy --type SERVICE_CONTROL_POLICY --name deny-other-regions "
                       "--description \"Deny unused regions\" --content file://deny-regions.json && aws organizations "
                       "attach-policy --policy-id <policy-id> --target-id <root-or-ou-id>",
    .remediation_terraform =
        "resource \"aws_organizations_policy\" \"deny_regions\" {\n"
        "  name    = \"deny-other-regions\"\n"
        "  type    = \"SERVICE_CONTROL_POLICY\"\n"
        "  content = jsonencode({\n"
        "    Version = \"2012-10-17\"\n"
        "    Statement = [{\n"
        "      Effect    = \"Deny\"\n"
        "      NotAction = [\"iam:*\", \"organizations:*\", \"sts:*\", \"support:*\"]\n"
        "      Resource  = \"*\"\n"
        "      Condition = { StringNotEquals = { \"aws:RequestedRegion\" = [\"eu-west-1\", \"us-east-1\"] } }\n"
        "    }]\n"
        "  })\n"
        "}",
    .references = {"https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion",
                   "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html"},
    .inputs = {"organizations/organization.json", "organizations/parents/<child-id>.json",
               "organizations/scp-targets/<target-id>.json", "organizations/policies/<policy-id>.json"},
};

bool region_guard(const policy::ConditionClause& c) {
  using policy::BaseOp;
  return eval::fold_case(c.key.value) == "aws:requestedregion" && c.op.qualifier == policy::SetQualifier::kNone &&
         (c.op.base == BaseOp::kStringNotEquals || c.op.base == BaseOp::kStringNotEqualsIgnoreCase ||
          c.op.base == BaseOp::kStringNotLike);
}

bool leaves_open(const policy::ConditionClause& c, const std::string& region) {
  for (const policy::Located& v : c.values) {
    if (c.op.base == policy::BaseOp::kStringNotLike ? glob_match(v.value, region)
        : c.op.base == policy::BaseOp::kStringNotEqualsIgnoreCase ? eval::fold_case(v.value) == eval::fold_case(region)
                                                                   : v.value == region)
      return true;
  }
  return false;
}

void run(const CheckContext& context, FindingSink& out) {
  if (!scp_path_applies(context, out)) return;
  const snapshot::Organization& org = context.account.organization;
  const std::vector<std::string>& wanted = context.config.enabled_regions;
  std::vector<std::string> blocking, unknown;
  for (const snapshot::OrgLevel& level : org.path) {
    if (!level.scps_known) {
      unknown.push_back(missing_input(context.account, fmt::format("organizations/scp-targets/{}.json", level.id)));
      continue;
    }
    for (const std::string& id : level.scp_ids) {
      if (id == "p-FullAWSAccess") continue;  // allows everything: no condition to look at
      auto it = org.policies.find(id);
      if (it == org.policies.end() || !it->second.content_known) {
        std::string missing = missing_input(context.account, fmt::format("organizations/policies/{}.json", id));
        if (std::find(unknown.begin(), unknown.end(), missing) == unknown.end()) unknown.push_back(std::move(missing));
        continue;
      }
      policy::ParsedPolicy parsed = snapshot::parse_document(it->second.document, policy::PolicyKind::kScp);
      if (!parsed.ok()) {
        unknown.push_back(fmt::format("{} is not a valid SCP", org_policy_label(org, id)));
        continue;
      }
      for (const policy::Statement& st : parsed.policy.statements) {
        if (st.effect != policy::Effect::kDeny) continue;
        for (const policy::ConditionClause& c : st.conditions) {
          if (!region_guard(c)) continue;
          std::vector<std::string> values;
          for (const policy::Located& v : c.values) values.push_back(v.value);
          std::vector<std::string> closed;
          for (const std::string& region : wanted)
            if (!leaves_open(c, region)) closed.push_back(region);
          const std::string where = fmt::format("{} {}: SCP {} statement {} denies regions outside [{}] ({})",
                                                level.type, level.id, org_policy_label(org, id), statement_label(st),
                                                fmt::join(values, ", "), c.op_name.value);
          if (closed.empty()) {
            Finding& f = account_finding(context, out, Status::kPass, where, "organizations/policies/" + id + ".json");
            f.origin = it->second.document.origin;
            if (!wanted.empty()) f.evidence.push_back(fmt::format("enabled_regions: {}", fmt::join(wanted, ", ")));
            return;
          }
          blocking.push_back(
              fmt::format("{}, which would also deny enabled region(s) {}", where, fmt::join(closed, ", ")));
        }
      }
    }
  }
  if (!unknown.empty()) {
    Finding& f = account_finding(context, out, Status::kNotEvaluated,
                                 fmt::format("no region guardrail found so far, and {}", fmt::join(unknown, "; ")),
                                 "organizations/policies/");
    f.evidence = std::move(blocking);
    return;
  }
  std::string message = blocking.empty()
                            ? fmt::format("no SCP on the path ({} levels) denies requests by aws:RequestedRegion",
                                          org.path.size())
                            : "the region guardrails on the path do not leave every enabled region open";
  Finding& f = account_finding(context, out, Status::kFail, std::move(message), "organizations/policies/");
  f.evidence = std::move(blocking);
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
