// A service condition key that none of the statement's actions supports is never present: the clause misfires.
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kUnsupported{"unsupported_action_for_condition_key", Severity::kWarning,
                                "No action of the statement supports the condition key",
                                "Service condition keys are present only for the actions that document them; for the "
                                "others the key is missing, so the condition evaluates as for an absent key.",
                                "move the key to a statement whose actions support it, or use a key they support"};

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
      // Keys of other services are legitimately used (e.g. kms:ViaService with s3 actions): check only keys
      // of the services the statement's actions belong to.
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
      if (!same_service || supported) continue;
      context.report("unsupported_action_for_condition_key", clause.key.offset, context.clause_pointer(st, clause),
                     fmt::format("none of the statement's {} actions supports \"{}\"", prefix, key));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("unsupported_action_for_condition_key", run, kUnsupported);

}  // namespace iamwarden::lint
