// Access to resources the configuration calls sensitive ([lint] sensitive_resources in
// iamwarden.toml): every Allow statement whose resources can name one of them is reported, with
// its actions, so a review sees each grant on the payroll bucket or the signing key.
#include <fmt/format.h>

#include "catalog/catalog.h"
#include "lint/rule.h"
#include "lint/rule_util.h"
#include "lint/statement_facts.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kSensitive{"sensitive_resource_access", Severity::kWarning, "Access to a sensitive resource",
                              "The statement allows actions on a resource listed in iamwarden.toml's "
                              "[lint] sensitive_resources: every such grant deserves a reviewer's look.",
                              "make sure the grant is intended; narrow its actions, resources or conditions"};

// "s3:GetObject, s3:PutObject" or "every action but s3:DeleteObject".
std::string actions_of(const policy::Statement& st) {
  std::vector<std::string> listed;
  for (const policy::Located& a : st.actions) listed.push_back(a.value);
  return st.action_mode == policy::ElementMode::kNot ? "every action but " + join_limited(listed, 3)
                                                     : join_limited(listed, 4);
}

// True when one of the statement's actions acts on a resource type whose ARN can name the sensitive
// resource (s3:GetObject on objects does, s3:ListAllMyBuckets, which acts on no resource, does not).
bool acts_on(LintContext& context, const policy::Statement& st, std::string_view sensitive) {
  const catalog::Catalog* catalog = context.catalog();
  const eval::ArnParts parts = eval::split_arn(sensitive);
  if (!catalog || !parts.ok) return true;  // without the catalog, every grant that names the resource counts
  for (uint32_t a : context.statement_actions(st)) {
    const catalog::Action& action = catalog->actions()[a];
    const catalog::Service& service = catalog->service_of(action);
    for (const catalog::ResourceRef& ref : action.resources)
      if (arn_fits_template(parts, service.resources[ref.index].arn_template)) return true;
  }
  return false;
}

void run(LintContext& context) {
  const std::vector<std::string>& sensitive = context.sensitive_resources();
  if (sensitive.empty() || !grants_permissions(context.kind())) return;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow) continue;
    for (const std::string& s : sensitive) {
      if (!acts_on(context, st, s)) continue;
      if (st.resource_mode == policy::ElementMode::kNormal) {
        for (size_t i = 0; i < st.resources.size(); ++i) {
          const std::string& r = st.resources[i].value;
          if (r != "*" && !globs_intersect(r, s)) continue;
          context.report("sensitive_resource_access", st.resources[i].offset, context.item_pointer(st, "Resource", i),
                         fmt::format("allows {} on \"{}\", which includes the sensitive resource \"{}\"", actions_of(st),
                                     r, s));
          break;  // one finding per statement and sensitive pattern
        }
      } else if (st.resource_mode == policy::ElementMode::kNot) {
        bool excluded = false;
        for (const policy::Located& r : st.resources) excluded = excluded || glob_covers(r.value, s);
        if (!excluded)
          context.report("sensitive_resource_access", member_offset(context, st, "NotResource"),
                         st.pointer + "/NotResource",
                         fmt::format("allows {} on every resource but the listed ones, the sensitive resource \"{}\" "
                                     "included",
                                     actions_of(st), s));
      }
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("sensitive_resource_access", run, kSensitive);

}  // namespace iamwarden::lint
