// Flags service roles (trust admits only AWS services) that a service could assume while acting for
// another account's resource: the engine evaluates sts:AssumeRole by each trusted service with
// aws:SourceAccount / aws:SourceArn / aws:SourceOrgID / aws:SourceOrgPaths of an unrelated account.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

const CheckMeta kMeta{
    .id = "iam_role_service_trust_confused_deputy_protected",
    .title = "IAM service roles limit the trusted service to this account's resources (confused deputy)",
    .severity = Severity::kMedium,
    .service = "iam",
    .resource_type = "AwsIamRole",
    .description =
        "For each role whose trust policy admits only Service principals (service-linked roles excepted), evaluates "
        "sts:AssumeRole by each trusted service acting for a resource of an unrelated account (aws:SourceAccount, "
        "aws:SourceArn, aws:SourceOrgID and aws:SourceOrgPaths of that account; ARN values must pin an account or "
        "name a resource). Conditions on other keys are assumed to hold. FAIL when a service is allowed. "
        "ec2.amazonaws.com is exempt: instance profiles are attached by principals of the role's own account "
        "(iam:PassRole does not cross accounts) and EC2 does not send these keys when it assumes the role, so "
        "adding them breaks the instances.",
    .risk = "A service that assumes roles for many customers can be made to use your role while acting for someone "
            "else's resource (cross-service confused deputy), giving that customer your role's permissions.",
    .remediation = "Add an aws:SourceAccount condition with your account id (or aws:SourceArn with the resource the "
                   "service acts for, or aws:SourceOrgID for your organization) to the trust policy statement.",
    .remediation_cli =
        "aws iam update-assume-role-policy --role-name <role> --policy-document file://trust-policy.json",
    .remediation_terraform =
        "resource \"aws_iam_role\" \"service\" {\n"
        "  name = \"<role>\"\n"
        "  assume_role_policy = jsonencode({\n"
        "    Version   = \"2012-10-17\"\n"
        "    Statement = [{ Effect = \"Allow\", Action = \"sts:AssumeRole\",\n"
        "                   Principal = { Service = \"<service>.amazonaws.com\" },\n"
        "                   Condition = { StringEquals = { \"aws:SourceAccount\" = \"<account-id>\" } } }]\n"
        "  })\n"
        "}",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html",
                   "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-service.html"},
    .inputs = {"authorization-details.json"},
};

// Services that do not send the source keys when they assume a role, and cannot be pointed at a
// role of another account.
constexpr std::array<std::string_view, 1> kExempt = {"ec2.amazonaws.com"};

bool names_the_source(const policy::ConditionClause& clause) {
  if (clause_key_in(clause, {"aws:sourcearn"})) return arn_values_anchored(clause);
  return clause_key_in(clause, {"aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths"});
}

bool exempt(std::string_view service) {
  return std::find(kExempt.begin(), kExempt.end(), service) != kExempt.end();
}

// Probes each trusted service acting for a resource of an unrelated account.
void judge(const CheckContext& context, FindingSink& out, const snapshot::Role& role, const TrustPolicy& trust) {
  const std::string partition = partition_of(context.account);
  TrustView view = trust_view(trust.policy, names_the_source, role.arn + " trust policy");
  const std::string other = unrelated_account(role.trust_policy->text, context.account.account_id);
  std::vector<std::string> open, protected_services, skipped, unevaluable, evidence;
  for (const std::string& service : trusted_services(trust.policy)) {
    if (exempt(service)) {
      skipped.push_back(service);
      continue;
    }
    Result<eval::Caller> caller = eval::parse_caller(service);
    eval::Context source;
    (void)source.set("aws:SourceAccount", other);
    (void)source.set("aws:SourceArn", fmt::format("arn:{}:{}:us-east-1:{}:iamwarden-probe", partition,
                                                  service.substr(0, service.find('.')), other));
    (void)source.set("aws:SourceOrgID", "o-iamwardenprobe");
    (void)source.set_list("aws:SourceOrgPaths", {"o-iamwardenprobe/r-iamw/"});
    std::optional<eval::Outcome> outcome =
        caller ? probe_assume_role(view, role, *caller, std::move(source)) : std::nullopt;
    if (!outcome) {
      unevaluable.push_back(service);
    } else if (outcome->decision == eval::Decision::kAllowed) {
      open.push_back(service);
      evidence.push_back(fmt::format("{} acting for account {} is allowed by {}", service, other,
                                     deciding_statement(*outcome)));
    } else {
      protected_services.push_back(service);
    }
  }
  evidence.insert(evidence.end(), view.disregarded.begin(), view.disregarded.end());
  Status status = Status::kPass;
  std::string message;
  if (!open.empty()) {
    status = Status::kFail;
    message = fmt::format("{} can assume the role while acting for another account's resources: no aws:SourceAccount, "
                          "aws:SourceArn, aws:SourceOrgID or aws:SourceOrgPaths condition limits it",
                          fmt::join(open, ", "));
  } else if (!unevaluable.empty()) {
    status = Status::kNotEvaluated;
    message = fmt::format("{} in the trust policy is not a service principal iamwarden can evaluate",
                          fmt::join(unevaluable, ", "));
  } else if (!protected_services.empty()) {
    message = fmt::format("{} can assume the role only for this account's resources",
                          fmt::join(protected_services, ", "));
  } else {
    message = "the role trusts no service that needs a source condition";
  }
  if (status != Status::kFail && !skipped.empty())
    message += fmt::format(" ({} exempt: EC2 does not send source keys when it assumes an instance-profile role)",
                           fmt::join(skipped, ", "));
  trust_finding(out, status, role, std::move(message)).evidence = std::move(evidence);
}

void run(const CheckContext& context, FindingSink& out) {
  // A role whose trust policy cannot be read counts as in scope: it may be a service role.
  for_each_trusting_role(context, out, "service roles (trust admitting only AWS services)",
                         [&](const snapshot::Role& role, const TrustPolicy& trust) {
                           if (!service_only_trust(trust.policy)) return false;
                           judge(context, out, role, trust);
                           return true;
                         });
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
