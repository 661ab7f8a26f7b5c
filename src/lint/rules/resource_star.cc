// "arn:*:*:*:*:*"-style patterns that match every resource, and Resource "*" for actions that can be scoped to resources (the catalog lists resource types for
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

constexpr LintMeta kEffectivelyStar{"resource_effectively_star", Severity::kWarning,
                                    "An ARN pattern that matches every resource",
                                    "\"arn:*:*:*:*:*\"-style patterns match every resource of every service, like "
                                    "\"*\", while looking narrower to a reviewer.",
                                    "write \"*\" if every resource is meant, else the ARNs of the resources"};

void report_effectively_star(LintContext& context) {
  for (const policy::Statement& st : context.policy().statements)
    for (size_t i = 0; i < st.resources.size(); ++i)
      if (st.resources[i].value != "*" && matches_every_resource(st.resources[i].value))
        context.report("resource_effectively_star", st.resources[i].offset,
                       context.item_pointer(st, st.resource_mode == policy::ElementMode::kNot ? "NotResource" : "Resource", i),
                       fmt::format("\"{}\" matches every resource, like \"*\"", st.resources[i].value));
}

void run(LintContext& context) {
  report_effectively_star(context);
  const catalog::Catalog* catalog = context.catalog();
  const policy::PolicyKind kind = context.kind();
  if (!catalog || (kind != policy::PolicyKind::kIdentity && kind != policy::PolicyKind::kSession)) return;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow || st.action_mode != policy::ElementMode::kNormal ||
        st.resource_mode != policy::ElementMode::kNormal)
      continue;
    const auto every = std::find_if(st.resources.begin(), st.resources.end(),
                                    [](const policy::Located& r) { return matches_every_resource(r.value); });
    if (every == st.resources.end()) continue;
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
    // Without a required type (the catalog leaves some unmarked, e.g. S3 objects), the plainest ARN shape is the
    // likeliest meant: arn:...:s3:::BUCKET/KEY before an access point's object.
    std::stable_sort(optional.begin(), optional.end(),
                     [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
    std::vector<std::string> types = required;
    for (std::string& t : optional)
      if (std::find(types.begin(), types.end(), t) == types.end()) types.push_back(std::move(t));
    if (scoped.empty()) continue;
    context.report("resource_star", member_offset(context, st, "Resource"), st.pointer + "/Resource",
                   fmt::format("\"{}\" for {} {} that can be scoped to resources ({}); name them, e.g. {}", every->value, scoped.size(),
                               scoped.size() == 1 ? "action" : "actions", join_limited(scoped, 4),
                               join_limited(types, 2)));
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("resource_star", run, kResourceStar, kEffectivelyStar);

}  // namespace iamwarden::lint
