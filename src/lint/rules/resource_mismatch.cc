// Resources that fit none of the statement's actions' resource types, and named actions no resource fits.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "eval/arn.h"
#include "lint/rule.h"
#include "lint/rule_util.h"
#include "lint/statement_facts.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kMismatch{"resource_mismatch", Severity::kWarning,
                             "A resource fits none of the statement's actions",
                             "Each action acts on particular resource types (ARN formats). A resource ARN that fits "
                             "none of them, or an action none of the resources fit, is never matched.",
                             "compare with `iamwarden actions --describe ACTION`"};

void run(LintContext& context) {
  const catalog::Catalog* catalog = context.catalog();
  if (!catalog) return;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.action_mode != policy::ElementMode::kNormal || st.resource_mode != policy::ElementMode::kNormal) continue;
    const std::vector<uint32_t>& actions = context.statement_actions(st);
    if (actions.empty()) continue;
    bool any_star = false;
    for (const policy::Located& r : st.resources) any_star = any_star || r.value == "*";
    // (a) every resource must fit at least one action's resource type.
    std::vector<char> action_fits(actions.size(), 0);
    for (size_t i = 0; i < st.resources.size(); ++i) {
      const std::string& r = st.resources[i].value;
      eval::ArnParts parts = eval::split_arn(r);
      if (r == "*" || !parts.ok || r.find("${") != std::string::npos) {
        std::fill(action_fits.begin(), action_fits.end(), 1);
        continue;
      }
      bool fitted = false;
      uint32_t last_service = UINT32_MAX;
      bool service_relevant = false;
      for (size_t a = 0; a < actions.size(); ++a) {
        const catalog::Action& action = catalog->actions()[actions[a]];
        const catalog::Service& service = catalog->service_of(action);
        if (action.service != last_service) {
          last_service = action.service;
          service_relevant = false;
          for (const catalog::ResourceType& type : service.resources) {
            eval::ArnParts t = eval::split_arn(type.arn_template);
            service_relevant = service_relevant || (t.ok && globs_intersect(parts.service(), t.service()));
          }
        }
        if (!service_relevant) continue;
        for (const catalog::ResourceRef& ref : action.resources) {
          if (arn_fits_template(parts, service.resources[ref.index].arn_template)) {
            fitted = true;
            action_fits[a] = 1;
            break;
          }
        }
      }
      if (!fitted) {
        const catalog::Action& first = catalog->actions()[actions.front()];
        std::string example;
        if (actions.size() == 1 && !first.resources.empty())
          example = fmt::format(" (expects {})",
                                catalog->service_of(first).resources[first.resources.front().index].arn_template);
        context.report("resource_mismatch", st.resources[i].offset,
                       context.item_pointer(st, "Resource", i),
                       fmt::format("\"{}\" fits none of the resource types of the statement's actions{}", r, example));
      }
    }
    if (any_star) continue;
    // (b) actions named without wildcards that no resource fits.
    for (size_t i = 0; i < st.actions.size(); ++i) {
      const std::string& name = st.actions[i].value;
      if (has_wildcard(name)) continue;
      const catalog::Action* action = catalog->find_action(name);
      if (!action) continue;
      auto it = std::lower_bound(actions.begin(), actions.end(), catalog->index_of(*action));
      if (it == actions.end() || *it != catalog->index_of(*action) || action_fits[static_cast<size_t>(it - actions.begin())])
        continue;
      context.report("resource_mismatch", st.actions[i].offset, context.item_pointer(st, "Action", i),
                     action->resources.empty()
                         ? fmt::format("\"{}\" supports only \"Resource\": \"*\", which the statement does not name", name)
                         : fmt::format("no resource of the statement fits \"{}\"", name));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("resource_mismatch", run, kMismatch);

}  // namespace iamwarden::lint
