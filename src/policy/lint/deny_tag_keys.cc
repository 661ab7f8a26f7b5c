// A Deny conditioned on a tag key (aws:ResourceTag/..., aws:RequestTag/..., aws:TagKeys) does not
// apply to the actions of services that never put that key in their requests: for them the key is
// absent, the condition false, and the Deny silently lets the request through (Access Analyzer's
// DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE). What matters for guardrails most of all.
#include <fmt/format.h>

#include <algorithm>

#include "catalog/catalog.h"
#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr std::string_view kHint =
    "use ...IfExists or a Null check so that requests without the key are denied too, or list only actions that "
    "support the key";
constexpr LintMeta kDeny{"deny_with_unsupported_tag_condition_key_for_service", Severity::kSecurityWarning,
                         "A tag-conditioned Deny that some services' actions escape",
                         "Actions of services that do not support the tag key never carry it: the condition is "
                         "false for them and the Deny does not apply.",
                         kHint};
constexpr LintMeta kDenyNotAction{"deny_notaction_with_unsupported_tag_condition_key_for_service",
                                  Severity::kSecurityWarning,
                                  "A tag-conditioned Deny with NotAction that some services' actions escape",
                                  "NotAction covers the actions of many services; those that do not support the tag "
                                  "key are not denied by this statement.",
                                  kHint};

bool tag_key(std::string_view key) {
  return istarts_with(key, "aws:ResourceTag/") || istarts_with(key, "aws:RequestTag/") || iequals(key, "aws:TagKeys");
}

// An absent key makes the clause false (so the Deny does not apply) for a positive operator without
// IfExists and for ForAnyValue; negated operators, IfExists, ForAllValues and Null are true then.
bool false_when_absent(const policy::ConditionOperator& op) {
  if (op.qualifier == policy::SetQualifier::kForAnyValue) return true;
  if (op.qualifier == policy::SetQualifier::kForAllValues) return false;
  return !op.if_exists && !policy::is_negated(op.base) && op.base != policy::BaseOp::kNull;
}

// The action or one of its resource types lists the key.
bool supports(const catalog::Catalog& catalog, const catalog::Action& action, std::string_view key) {
  if (catalog.action_supports_key(action, key)) return true;
  const catalog::Service& service = catalog.service_of(action);
  for (const catalog::ResourceRef& ref : action.resources)
    for (uint32_t k : service.resources[ref.index].keys)
      if (catalog::key_name_matches(service.keys[k].name, key)) return true;
  return false;
}

void run(LintContext& context) {
  const catalog::Catalog* catalog = context.catalog();
  if (!catalog) return;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kDeny || st.action_mode == policy::ElementMode::kAbsent) continue;
    for (const policy::ConditionClause& clause : st.conditions) {
      if (!tag_key(clause.key.value) || !false_when_absent(clause.op)) continue;
      // Services whose every listed action lacks the key.
      std::vector<std::string> services;
      std::string current;
      bool current_supported = false;
      auto close = [&] {
        if (!current.empty() && !current_supported) services.push_back(current);
      };
      for (uint32_t a : context.statement_actions(st)) {  // in catalog order: a service's actions are contiguous
        const catalog::Action& action = catalog->actions()[a];
        const std::string& prefix = catalog->service_of(action).prefix;
        if (prefix != current) {
          close();
          current = prefix;
          current_supported = false;
        }
        current_supported = current_supported || supports(*catalog, action, clause.key.value);
      }
      close();
      if (services.empty()) continue;
      const bool not_action = st.action_mode == policy::ElementMode::kNot;
      context.report(not_action ? "deny_notaction_with_unsupported_tag_condition_key_for_service"
                                : "deny_with_unsupported_tag_condition_key_for_service",
                     clause.key.offset, context.clause_pointer(st, clause),
                     fmt::format("the Deny does not apply to the actions of {}: their requests never carry \"{}\"",
                                 join_limited(services, 5), clause.key.value));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("deny_tag_keys", run, kDeny, kDenyNotAction);

}  // namespace iamwarden::lint
