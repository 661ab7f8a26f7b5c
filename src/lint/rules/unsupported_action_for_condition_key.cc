// A service condition key that none of the statement's actions supports is never present: the clause misfires.
#include <fmt/format.h>

#include <algorithm>

#include "eval/arn.h"
#include "lint/rule.h"
#include "catalog/catalog.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kUnsupported{"unsupported_action_for_condition_key", Severity::kWarning,
                                "No action of the statement supports the condition key",
                                "Service condition keys are present only for the actions that document them; for the "
                                "others the key is missing, so the condition evaluates as for an absent key.",
                                "move the key to a statement whose actions support it, or use a key they support"};

constexpr LintMeta kOtherService{"condition_key_of_other_service", Severity::kWarning,
                                  "Condition key of a service none of the statement's actions belongs to",
                                  "A service's condition keys are in the requests to that service only; with other "
                                  "services' actions the key is absent, so the clause evaluates as for an absent key.",
                                  "use a key of the actions' service or a global aws: key"};

// Keys AWS adds to every request signed with some credentials (an EC2 instance's or a Lambda
// function's role session, Glue-issued or Identity Center credentials), whatever the service called.
constexpr std::string_view kCredentialKeys[] = {
    "ec2:SourceInstanceARN", "ec2:SourceInstancePrivateIPv4", "ec2:RoleDelivery", "glue:RoleAssumedBy",
    "glue:CredentialIssuingService", "lambda:SourceFunctionArn", "ssm:SourceInstanceARN", "identitystore:UserId"};

bool credential_key(std::string_view key) {
  for (std::string_view k : kCredentialKeys)
    if (iequals(k, key)) return true;
  return false;
}

// True when one of the action's resource types is an ARN of service `prefix` (sts:AssumeRole acts on
// an IAM role, whose iam:ResourceTag keys then apply).
bool acts_on_resources_of(const catalog::Catalog& catalog, const catalog::Action& action, std::string_view prefix) {
  const catalog::Service& service = catalog.service_of(action);
  for (const catalog::ResourceRef& ref : action.resources) {
    // arn:${Partition}:iam::${Account}:role/...
    const eval::ArnParts arn = eval::split_arn(service.resources[ref.index].arn_template);
    if (arn.ok && iequals(arn.service(), prefix)) return true;
  }
  return false;
}

void run(LintContext& context) {
  const catalog::Catalog* catalog = context.catalog();
  if (!catalog) return;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.action_mode != policy::ElementMode::kNormal || st.conditions.empty()) continue;
    const std::vector<uint32_t>& actions = context.statement_actions(st);
    if (actions.empty() || actions.size() == catalog->actions().size()) continue;
    for (const policy::ConditionClause& clause : st.conditions) {
      const std::string& key = clause.key.value;
      if (istarts_with(key, "aws:") || key.find(':') == std::string::npos) continue;
      const catalog::ConditionKey* known = catalog->find_service_key(key);
      if (!known) continue;  // unknown keys are condition_key_exists's business
      // A key of a service none of the actions belongs to is never present (condition_key_of_other_service);
      // with actions of its service, at least one of them must support it.
      const std::string_view prefix = std::string_view(key).substr(0, key.find(':'));
      bool same_service = false, supported = false;
      for (uint32_t index : actions) {
        const catalog::Action& action = catalog->actions()[index];
        if (!iequals(catalog->service_of(action).prefix, prefix)) continue;
        same_service = true;
        if (catalog->action_supports_key(action, key)) {
          supported = true;
          break;
        }
      }
      if (!same_service) {
        const bool used_elsewhere = std::any_of(actions.begin(), actions.end(), [&](uint32_t index) {
          const catalog::Action& action = catalog->actions()[index];
          return catalog->action_supports_key(action, key) || acts_on_resources_of(*catalog, action, prefix);
        });
        if (!used_elsewhere && !credential_key(key))
          context.report("condition_key_of_other_service", clause.key.offset, context.clause_pointer(st, clause),
                         fmt::format("\"{}\" is a {} key, but none of the statement's actions is a {} action", key,
                                     prefix, prefix));
        continue;
      }
      if (supported) continue;
      context.report("unsupported_action_for_condition_key", clause.key.offset, context.clause_pointer(st, clause),
                     fmt::format("none of the statement's {} actions supports \"{}\"", prefix, key));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("unsupported_action_for_condition_key", run, kUnsupported, kOtherService);

}  // namespace iamwarden::lint
