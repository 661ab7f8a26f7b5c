// Privilege-escalation methods (data/escalation, the one catalog `paths` and audit read too) whose
// every action one policy allows. A policy-level hint: who holds it and what the account holds is
// for `iamwarden paths`; so only methods a policy decides on its own count
// (escalation::policy_level), and grants that cannot reach anyone else are left alone.
#include <fmt/format.h>

#include <algorithm>

#include "escalation/method.h"
#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kEscalation{"privilege_escalation", Severity::kSecurityWarning,
                               "Actions that allow privilege escalation",
                               "The policy allows every action of a privilege-escalation method of iamwarden's "
                               "catalog (data/escalation): whoever holds it can grant themselves more permissions "
                               "or act as a more privileged principal.",
                               "remove one of the actions, or scope them to resources that cannot lead to admin"};

const escalation::MethodCatalog* methods() {
  static const Result<escalation::MethodCatalog> loaded = escalation::MethodCatalog::load();
  return loaded ? &*loaded : nullptr;  // the embedded data is tested to load
}

bool all_resources(const policy::Statement& st, bool (*pred)(std::string_view)) {
  if (st.resource_mode != policy::ElementMode::kNormal || st.resources.empty()) return false;
  return std::all_of(st.resources.begin(), st.resources.end(), [&](const policy::Located& r) { return pred(r.value); });
}

// user/${aws:username}: only the caller's own user.
bool self_scoped(std::string_view resource) {
  return resource.find("${aws:username}") != std::string_view::npos || resource.find("${aws:userid}") != std::string_view::npos;
}
// Policies owned by AWS (arn:aws:iam::aws:policy/...) cannot be versioned or changed by anyone.
bool aws_owned(std::string_view resource) {
  const size_t iam = resource.find(":iam::aws:");
  return iam != std::string_view::npos && resource.substr(0, iam).find_first_of("/") == std::string_view::npos;
}

// Can this statement's grant of a permission serve the method? Credentials or trust of oneself
// reach no one else; AWS-owned policies cannot be changed.
bool serves(const escalation::Method& m, const escalation::Permission& p, const policy::Statement& st) {
  const bool other_principal = m.target == escalation::TargetKind::kUser || m.target == escalation::TargetKind::kRole;
  if (p.resource == escalation::ResourceRole::kTarget && other_principal && all_resources(st, self_scoped)) return false;
  if (p.resource == escalation::ResourceRole::kAttachedPolicy && all_resources(st, aws_owned)) return false;
  return true;
}

void run(LintContext& context) {
  const catalog::Catalog* catalog = context.catalog();
  const escalation::MethodCatalog* catalog_methods = methods();
  const policy::PolicyKind kind = context.kind();
  if (!catalog || !catalog_methods || (kind != policy::PolicyKind::kIdentity && kind != policy::PolicyKind::kSession)) return;
  // The Allow statements granting each action.
  std::vector<std::vector<const policy::Statement*>> granting(catalog->actions().size());
  bool any = false;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow) continue;
    for (uint32_t a : context.statement_actions(st)) {
      granting[a].push_back(&st);
      any = true;
    }
  }
  if (!any) return;
  std::vector<std::string> found;
  int at = -1;
  for (const escalation::Method& m : catalog_methods->all()) {
    if (!escalation::policy_level(m)) continue;
    bool all = true;
    int last = -1;
    for (const escalation::Permission& p : m.permissions) {
      const catalog::Action* action = catalog->find_action(p.action);
      int first = -1;
      if (action)
        for (const policy::Statement* st : granting[catalog->index_of(*action)])
          if (serves(m, p, *st)) {
            first = static_cast<int>(st->index);
            break;
          }
      all = all && first >= 0;
      last = std::max(last, first);
    }
    if (!all) continue;
    found.push_back(m.id);
    at = at < 0 ? last : std::min(at, last);
  }
  if (found.empty()) return;
  const policy::Statement* statement = nullptr;
  for (const policy::Statement& st : context.policy().statements)
    if (static_cast<int>(st.index) == at) statement = &st;
  if (!statement) return;
  context.report("privilege_escalation", statement->offset, statement->pointer,
                 fmt::format("the policy allows privilege escalation: {} (see `iamwarden paths` for who can use it)",
                             join_limited(found, 4)));
}

}  // namespace

IAMWARDEN_REGISTER_LINT("privilege_escalation", run, kEscalation);

}  // namespace iamwarden::lint
