// iam:PassRole on every role (Access Analyzer's six PassRole checks) and the same for CreateServiceLinkedRole.
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"
#include "lint/statement_facts.h"

namespace iamwarden::lint {
namespace {

constexpr std::string_view kPassHint = "name the roles in Resource and add an iam:PassedToService condition";
constexpr LintMeta kPass1{"pass_role_with_star_in_resource", Severity::kSecurityWarning,
                          "iam:PassRole on every role",
                          "Passing any role lets the holder hand a more privileged role to a service they control.",
                          kPassHint};
constexpr LintMeta kPass2{"pass_role_with_star_in_action_and_resource", Severity::kSecurityWarning,
                          "iam:PassRole on every role through a wildcard action",
                          "A wildcard action includes iam:PassRole; with a \"*\" resource any role can be passed.",
                          kPassHint};
constexpr LintMeta kPass3{"pass_role_with_star_in_resource_and_notaction", Severity::kSecurityWarning,
                          "iam:PassRole on every role through NotAction",
                          "NotAction that does not exclude iam:PassRole allows passing any role.", kPassHint};
constexpr LintMeta kPass4{"pass_role_with_notresource", Severity::kSecurityWarning, "iam:PassRole with NotResource",
                          "NotResource allows passing every role but the listed ones.", kPassHint};
constexpr LintMeta kPass5{"pass_role_with_star_in_action_and_notresource", Severity::kSecurityWarning,
                          "iam:PassRole through a wildcard action with NotResource",
                          "A wildcard action with NotResource allows passing almost every role.", kPassHint};
constexpr LintMeta kPass6{"pass_role_with_notaction_and_notresource", Severity::kSecurityWarning,
                          "iam:PassRole through NotAction with NotResource",
                          "NotAction with NotResource allows passing almost every role.", kPassHint};

constexpr std::string_view kSlrHint = "name the service-linked roles in Resource or condition on iam:AWSServiceName";
constexpr LintMeta kSlr1{"create_slr_with_star_in_resource", Severity::kWarning,
                         "iam:CreateServiceLinkedRole on every role",
                         "Creating any service-linked role can enable services nobody asked for.", kSlrHint};
constexpr LintMeta kSlr2{"create_slr_with_star_in_action_and_resource", Severity::kWarning,
                         "iam:CreateServiceLinkedRole on every role through a wildcard action",
                         "A wildcard action includes iam:CreateServiceLinkedRole on all resources.", kSlrHint};
constexpr LintMeta kSlr3{"create_slr_with_star_in_resource_and_notaction", Severity::kWarning,
                         "iam:CreateServiceLinkedRole on every role through NotAction",
                         "NotAction that does not exclude iam:CreateServiceLinkedRole allows creating any of them.",
                         kSlrHint};
constexpr LintMeta kSlr4{"create_slr_with_notresource", Severity::kWarning, "iam:CreateServiceLinkedRole with NotResource",
                         "NotResource allows creating almost every service-linked role.", kSlrHint};
constexpr LintMeta kSlr5{"create_slr_with_star_in_action_and_notresource", Severity::kWarning,
                         "iam:CreateServiceLinkedRole through a wildcard action with NotResource",
                         "A wildcard action with NotResource allows creating almost every service-linked role.",
                         kSlrHint};
constexpr LintMeta kSlr6{"create_slr_with_notaction_and_notresource", Severity::kWarning,
                         "iam:CreateServiceLinkedRole through NotAction with NotResource",
                         "NotAction with NotResource allows creating almost every service-linked role.", kSlrHint};

struct Family {
  std::string_view action;
  std::string_view prefix;  // code prefix: "pass_role" or "create_slr"
};

void check(LintContext& context, const policy::Statement& st, const Family& family) {
  const Coverage coverage = statement_covers(context, st, family.action);
  if (coverage == Coverage::kNone) return;
  std::string_view shape;
  if (st.resource_mode == policy::ElementMode::kNot) {
    shape = coverage == Coverage::kNamed      ? "with_notresource"
            : coverage == Coverage::kWildcard ? "with_star_in_action_and_notresource"
                                              : "with_notaction_and_notresource";
  } else if (has_star_resource(st)) {
    shape = coverage == Coverage::kNamed      ? "with_star_in_resource"
            : coverage == Coverage::kWildcard ? "with_star_in_action_and_resource"
                                              : "with_star_in_resource_and_notaction";
  } else {
    return;
  }
  const std::string code = fmt::format("{}_{}", family.prefix, shape);
  const std::string_view element = st.resource_mode == policy::ElementMode::kNot ? "NotResource" : "Resource";
  context.report(code, member_offset(context, st, element), fmt::format("{}/{}", st.pointer, element),
                 fmt::format("this statement allows {} on {}{}", family.action,
                             st.resource_mode == policy::ElementMode::kNot ? "every resource but the listed ones"
                                                                           : "every role",
                             coverage == Coverage::kWildcard   ? " (through a wildcard action)"
                             : coverage == Coverage::kNotAction ? " (through NotAction)"
                                                                : ""));
}

void run(LintContext& context) {
  if (!grants_permissions(context.kind())) return;  // a ceiling's "*" passes no role
  for (const policy::Statement& st : context.policy().statements) {
    if (st.effect != policy::Effect::kAllow) continue;
    check(context, st, {"iam:PassRole", "pass_role"});
    check(context, st, {"iam:CreateServiceLinkedRole", "create_slr"});
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("pass_role", run, kPass1, kPass2, kPass3, kPass4, kPass5, kPass6, kSlr1, kSlr2, kSlr3, kSlr4,
                        kSlr5, kSlr6);

}  // namespace iamwarden::lint
