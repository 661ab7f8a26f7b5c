// Allow with NotAction, NotResource or NotPrincipal grants everything except a list: rarely what is meant.
#include <fmt/format.h>

#include "lint/rule.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kNotAction{"allow_with_notaction", Severity::kSecurityWarning, "Allow with NotAction",
                              "Allow with NotAction grants every action of every service except those listed, "
                              "including services added later.",
                              "list the allowed actions in Action instead"};
constexpr LintMeta kNotResource{"allow_with_notresource", Severity::kSecurityWarning, "Allow with NotResource",
                                "Allow with NotResource grants the actions on every resource except those listed, "
                                "in every account the actions can reach.",
                                "list the allowed resources in Resource instead"};
constexpr LintMeta kNotPrincipal{"allow_with_notprincipal", Severity::kSecurityWarning, "Allow with NotPrincipal",
                                 "Allow with NotPrincipal grants access to everyone, anonymous callers included, "
                                 "except the principals listed.",
                                 "name the allowed principals in Principal instead"};

void run(LintContext& context) {
  // In a ceiling (SCP, RCP, permissions boundary) "Allow everything but ..." grants nothing: it is the
  // usual way to write a deny list.
  const policy::PolicyKind kind = context.kind();
  if (kind == policy::PolicyKind::kScp || kind == policy::PolicyKind::kRcp || kind == policy::PolicyKind::kBoundary) return;
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow) continue;
    const JsonNode& node = context.statement_node(st);
    auto at = [&](std::string_view element) {
      for (const JsonMember& m : node.members)
        if (m.key == element) return m.key_offset;
      return st.offset;
    };
    if (st.action_mode == policy::ElementMode::kNot)
      context.report("allow_with_notaction", at("NotAction"), st.pointer + "/NotAction",
                     "this statement allows every action except the ones listed");
    if (st.resource_mode == policy::ElementMode::kNot)
      context.report("allow_with_notresource", at("NotResource"), st.pointer + "/NotResource",
                     "this statement allows its actions on every resource except the ones listed");
    if (st.principal_mode == policy::ElementMode::kNot)
      context.report("allow_with_notprincipal", at("NotPrincipal"), st.pointer + "/NotPrincipal",
                     "this statement allows everyone except the principals listed");
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("allow_with_not_elements", run, kNotAction, kNotResource, kNotPrincipal);

}  // namespace iamwarden::lint
