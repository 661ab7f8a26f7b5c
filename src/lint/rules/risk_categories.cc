// Least-privilege risk categories per Allow statement (data/risk-categories.json): data exfiltration,
// credentials exposure, resource exposure, infrastructure modification. In identity and session
// policies a statement on every resource counts; in a resource policy (whose "*" is the resource it is
// attached to) a statement for any principal ("*", or NotPrincipal) that no condition narrows to known
// callers. Each finding names the actions, the resources or principals, and whether a condition limits
// the grant.
#include <fmt/format.h>

#include <algorithm>
#include <mutex>

#include "catalog/risk_categories.h"
#include "lint/rule.h"
#include "lint/rule_util.h"
#include "lint/statement_facts.h"

namespace iamwarden::lint {
namespace {

constexpr std::string_view kHint = "name the resources the workload needs instead of \"*\", or add conditions that limit the grant";
constexpr LintMeta kExfiltration{"data_exfiltration", Severity::kWarning, "Reads of stored data on every resource",
                                 "The statement lets the holder read object, secret, parameter, item or message "
                                 "contents (or decrypt) everywhere: a leaked credential or a confused workload can "
                                 "copy all of it out.",
                                 kHint};
constexpr LintMeta kCredentials{"credentials_exposure", Severity::kWarning, "Actions that return credentials on every resource",
                                "The statement lets the holder create, reset or fetch credentials, tokens or "
                                "passwords (access keys, login profiles, registry tokens, database credentials) for "
                                "any resource: a way to act as someone else or to keep access.",
                                kHint};
constexpr LintMeta kExposure{"resource_exposure", Severity::kWarning, "Permissions management on every resource",
                             "The statement lets the holder change who can access any resource (resource policies, "
                             "ACLs, grants, shares): one call can make data public or share it with another account.",
                             kHint};
constexpr LintMeta kModification{"infrastructure_modification", Severity::kSuggestion,
                                 "Write or tagging actions on every resource",
                                 "The statement lets the holder change or delete any resource of these services; "
                                 "least privilege names the resources a workload writes.",
                                 kHint};

// Which catalog actions each category covers, computed once per catalog.
struct Membership {
  const catalog::Catalog* catalog = nullptr;
  std::vector<const catalog::RiskCategory*> categories;
  std::vector<std::vector<bool>> covered;  // [category][action index]
};

const catalog::RiskCategories* categories() {
  static const Result<catalog::RiskCategories> loaded = catalog::load_risk_categories();
  return loaded ? &*loaded : nullptr;  // the embedded data is tested to load
}

const Membership& membership(const catalog::Catalog& catalog) {
  static std::mutex mutex;
  static std::vector<std::unique_ptr<Membership>> built;
  std::lock_guard lock(mutex);
  for (const auto& m : built)
    if (m->catalog == &catalog) return *m;
  auto m = std::make_unique<Membership>();
  m->catalog = &catalog;
  if (const catalog::RiskCategories* all = categories()) {
    for (const catalog::RiskCategory& c : all->all()) {
      m->categories.push_back(&c);
      std::vector<bool>& covered = m->covered.emplace_back(catalog.actions().size(), false);
      for (size_t i = 0; i < catalog.actions().size(); ++i) {
        const catalog::Action& a = catalog.actions()[i];
        covered[i] = c.covers(a, catalog.service_of(a).prefix);
      }
    }
  }
  built.push_back(std::move(m));
  return *built.back();
}

// "every resource", or "every resource but ..." for NotResource.
std::string resources_of(const policy::Statement& st) {
  if (st.resource_mode == policy::ElementMode::kNot) {
    std::vector<std::string> listed;
    for (const policy::Located& r : st.resources) listed.push_back(r.value);
    return "every resource but " + join_limited(listed, 2);
  }
  return "every resource (\"*\")";
}

// " (limited by a condition on aws:SourceVpce)" or "".
std::string condition_note(const policy::Statement& st) {
  if (st.conditions.empty()) return {};
  std::vector<std::string> keys;
  for (const policy::ConditionClause& c : st.conditions)
    if (std::find(keys.begin(), keys.end(), c.key.value) == keys.end()) keys.push_back(c.key.value);
  return fmt::format(" (limited by a condition on {})", join_limited(keys, 3));
}

// A resource policy statement for any principal ("*", or everyone but a NotPrincipal list) that no condition
// narrows to known callers (an organisation, account, VPC endpoint, source): a grant to the world.
bool for_anyone(const policy::Statement& st) {
  if (st.principal_mode != policy::ElementMode::kNot && !allows_any_principal(st)) return false;
  return std::none_of(st.conditions.begin(), st.conditions.end(),
                      [](const policy::ConditionClause& c) { return restricts_caller_key(c.key.value); });
}

// Where a resource policy's finding points and what it says of the grantees.
struct Grantees {
  std::string_view element;  // "Principal" or "NotPrincipal"
  std::string text;
};
Grantees grantees_of(const policy::Statement& st) {
  if (st.principal_mode == policy::ElementMode::kNot) {
    std::vector<std::string> listed;
    for (const policy::PrincipalEntry& p : st.principals) listed.push_back(p.value.value);
    return {"NotPrincipal", "every principal but " + join_limited(listed, 2)};
  }
  return {"Principal", "any principal (\"*\")"};
}

void run(LintContext& context) {
  const catalog::Catalog* catalog = context.catalog();
  if (!catalog || !grants_permissions(context.kind())) return;
  const bool resource_policy = context.kind() == policy::PolicyKind::kResource;
  const Membership& m = membership(*catalog);
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow) continue;
    if (resource_policy ? !for_anyone(st)
                        : st.resource_mode != policy::ElementMode::kNot &&
                              std::none_of(st.resources.begin(), st.resources.end(),
                                           [](const policy::Located& r) { return matches_every_resource(r.value); }))
      continue;
    // "Action": "*" is full administrator access and NotAction nearly so: full_admin_access and
    // allow_with_notaction say it once, rather than four categories again.
    if (st.action_mode != policy::ElementMode::kNormal ||
        std::any_of(st.actions.begin(), st.actions.end(), [](const policy::Located& a) { return a.value == "*"; }))
      continue;
    const std::vector<uint32_t>& actions = context.statement_actions(st);
    for (size_t c = 0; c < m.categories.size(); ++c) {
      std::vector<std::string> names;
      for (uint32_t a : actions)
        if (m.covered[c][a]) {
          const catalog::Action& action = catalog->actions()[a];
          names.push_back(fmt::format("{}:{}", catalog->service_of(action).prefix, action.name));
        }
      if (names.empty()) continue;
      const catalog::RiskCategory& category = *m.categories[c];
      if (resource_policy) {
        const Grantees who = grantees_of(st);
        context.report(category.id, member_offset(context, st, who.element), fmt::format("{}/{}", st.pointer, who.element),
                       fmt::format("{}: {} {} for {}{} — {}", category.title, names.size(),
                                   names.size() == 1 ? "action" : "actions", who.text, condition_note(st),
                                   join_limited(names, 5)));
        continue;
      }
      const std::string_view element = st.resource_mode == policy::ElementMode::kNot ? "NotResource" : "Resource";
      context.report(category.id, member_offset(context, st, element), fmt::format("{}/{}", st.pointer, element),
                     fmt::format("{}: {} {} on {}{} — {}", category.title, names.size(),
                                 names.size() == 1 ? "action" : "actions", resources_of(st), condition_note(st),
                                 join_limited(names, 5)));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("risk_categories", run, kExfiltration, kCredentials, kExposure, kModification);

}  // namespace iamwarden::lint
