// A statement conditioned on a tag key (aws:ResourceTag/..., aws:RequestTag/..., aws:TagKeys) does not
// apply to the actions of services that never put that key in their requests: for them the key is
// absent and the condition false. For a Deny that is a hole (the request goes through: Access
// Analyzer's DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE, what matters for guardrails most);
// for an Allow it is dead text (those actions are never allowed by it:
// ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE). With NotAction the statement silently
// covers only the services that support the key.
#include <fmt/format.h>

#include "catalog/catalog.h"
#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr std::string_view kDenyHint =
    "use ...IfExists or a Null check so that requests without the key are denied too, or list only actions that "
    "support the key";
constexpr std::string_view kAllowHint =
    "list only actions that support the key, or grant the other services' actions in a statement of their own";
constexpr LintMeta kDeny{"deny_with_unsupported_tag_condition_key_for_service", Severity::kSecurityWarning,
                         "A tag-conditioned Deny that some services' actions escape",
                         "Actions of services that do not support the tag key never carry it: the condition is "
                         "false for them and the Deny does not apply.",
                         kDenyHint};
constexpr LintMeta kDenyNotAction{"deny_notaction_with_unsupported_tag_condition_key_for_service",
                                  Severity::kSecurityWarning,
                                  "A tag-conditioned Deny with NotAction that some services' actions escape",
                                  "NotAction covers the actions of many services; those that do not support the tag "
                                  "key are not denied by this statement.",
                                  kDenyHint};
constexpr LintMeta kAllow{"allow_with_unsupported_tag_condition_key_for_service", Severity::kSuggestion,
                          "A tag-conditioned Allow that grants nothing for some services",
                          "Actions of services that do not support the tag key never carry it: the condition is "
                          "false for them and the Allow never applies to them.",
                          kAllowHint};
constexpr LintMeta kAllowNotAction{"allow_notaction_with_unsupported_tag_condition_key_for_service",
                                   Severity::kSuggestion,
                                   "A tag-conditioned Allow with NotAction that covers only some services",
                                   "NotAction covers the actions of many services; this statement allows only the "
                                   "actions of services that support the tag key.",
                                   kAllowHint};

bool tag_key(std::string_view key) {
  return istarts_with(key, "aws:ResourceTag/") || istarts_with(key, "aws:RequestTag/") || iequals(key, "aws:TagKeys");
}

// An absent key makes the clause false (so the statement does not apply) for a positive operator
// without IfExists and for ForAnyValue; negated operators, IfExists, ForAllValues and Null are true then.
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

// The prefixes of the services none of whose actions in the statement support the key.
std::vector<std::string> unsupporting_services(LintContext& context, const catalog::Catalog& catalog,
                                               const policy::Statement& st, std::string_view key) {
  std::vector<std::string> services;
  std::string current;
  bool current_supported = false;
  auto close = [&] {
    if (!current.empty() && !current_supported) services.push_back(current);
  };
  for (uint32_t a : context.statement_actions(st)) {  // in catalog order: a service's actions are contiguous
    const catalog::Action& action = catalog.actions()[a];
    const std::string& prefix = catalog.service_of(action).prefix;
    if (prefix != current) {
      close();
      current = prefix;
      current_supported = false;
    }
    current_supported = current_supported || supports(catalog, action, key);
  }
  close();
  return services;
}

std::string_view code_for(const policy::Statement& st) {
  const bool deny = st.effect == policy::Effect::kDeny;
  if (st.action_mode == policy::ElementMode::kNot)
    return deny ? kDenyNotAction.code : kAllowNotAction.code;
  return deny ? kDeny.code : kAllow.code;
}

void run(LintContext& context) {
  const catalog::Catalog* catalog = context.catalog();
  if (!catalog) return;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.action_mode == policy::ElementMode::kAbsent) continue;
    const bool deny = st.effect == policy::Effect::kDeny;
    if (!deny && st.effect != policy::Effect::kAllow) continue;
    for (const policy::ConditionClause& clause : st.conditions) {
      if (!tag_key(clause.key.value) || !false_when_absent(clause.op)) continue;
      std::vector<std::string> services = unsupporting_services(context, *catalog, st, clause.key.value);
      if (services.empty()) continue;
      const std::string list = join_limited(services, 5);
      context.report(code_for(st), clause.key.offset, context.clause_pointer(st, clause),
                     deny ? fmt::format("the Deny does not apply to the actions of {}: their requests never carry "
                                        "\"{}\"",
                                        list, clause.key.value)
                          : fmt::format("the Allow never applies to the actions of {}: their requests never carry "
                                        "\"{}\"",
                                        list, clause.key.value));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("tag_condition_keys", run, kDeny, kDenyNotAction, kAllow, kAllowNotAction);

}  // namespace iamwarden::lint
