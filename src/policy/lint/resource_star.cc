// Resource "*" for actions that can be scoped to resources (the catalog lists resource types for
// them): least privilege names those resources. Actions that only work on "*" (most List*, some
// Describe*) are not reported.
#include <fmt/format.h>

#include <algorithm>

#include "catalog/catalog.h"
#include "lint/rule.h"
#include "lint/rule_util.h"
#include "lint/statement_facts.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kResourceStar{"resource_star", Severity::kWarning,
                                 "Resource \"*\" for actions that can be scoped to resources",
                                 "The statement grants actions that support resource-level permissions on every "
                                 "resource; naming the resources (the ARN types listed) limits what a leaked "
                                 "credential or a mistaken call can reach.",
                                 "replace \"*\" with the ARNs of the resources the workload uses"};

void run(LintContext& context) {
  const catalog::Catalog* catalog = context.catalog();
  const policy::PolicyKind kind = context.kind();
  if (!catalog || (kind != policy::PolicyKind::kIdentity && kind != policy::PolicyKind::kSession)) return;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow || st.action_mode != policy::ElementMode::kNormal) continue;
    if (std::none_of(st.resources.begin(), st.resources.end(), [](const policy::Located& r) { return r.value == "*"; }))
      continue;
    // "Action": "*" is full administrator access, reported by full_admin_access.
    if (std::any_of(st.actions.begin(), st.actions.end(), [](const policy::Located& a) { return a.value == "*"; }))
      continue;
    // The types an action requires come first: they are what a narrowed Resource names.
    std::vector<std::string> scoped, required, optional;
    for (uint32_t a : context.statement_actions(st)) {
      const catalog::Action& action = catalog->actions()[a];
      if (action.resources.empty()) continue;
      const catalog::Service& service = catalog->service_of(action);
      scoped.push_back(fmt::format("{}:{}", service.prefix, action.name));
      for (const catalog::ResourceRef& ref : action.resources) {
        std::string type = fmt::format("{} ({})", service.resources[ref.index].name, service.resources[ref.index].arn_template);
        std::vector<std::string>& list = ref.required ? required : optional;
        if (std::find(list.begin(), list.end(), type) == list.end()) list.push_back(std::move(type));
      }
    }
    std::vector<std::string> types = required;
    for (std::string& t : optional)
      if (std::find(types.begin(), types.end(), t) == types.end()) types.push_back(std::move(t));
    if (scoped.empty()) continue;
    context.report("resource_star", member_offset(context, st, "Resource"), st.pointer + "/Resource",
                   fmt::format("\"*\" for {} {} that can be scoped to resources ({}); name them, e.g. {}", scoped.size(),
                               scoped.size() == 1 ? "action" : "actions", join_limited(scoped, 4),
                               join_limited(types, 2)));
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("resource_star", run, kResourceStar);

}  // namespace iamwarden::lint
