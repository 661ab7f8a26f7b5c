// Actions must exist in the catalog: unknown services and actions, and patterns that match nothing.
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kAction{"invalid_action", Severity::kWarning, "Unknown action",
                           "The action is not in the AWS Service Authorization Reference. IAM stores it, but it "
                           "matches no request.",
                           "check the action name (see `iamwarden actions`)"};
constexpr LintMeta kService{"invalid_service_in_action", Severity::kWarning, "Unknown service prefix in an action",
                            "The service prefix is not in the AWS Service Authorization Reference.",
                            "check the prefix (see `iamwarden actions 'prefix:*'`)"};
constexpr LintMeta kNothing{"action_pattern_matches_nothing", Severity::kWarning,
                            "The action pattern matches no action",
                            "A wildcard pattern that matches no known action grants or denies nothing.",
                            "fix the pattern (see `iamwarden actions 'pattern'`)"};

void run(LintContext& context) {
  const catalog::Catalog* catalog = context.catalog();
  if (!catalog) return;
  for (const policy::Statement& st : context.policy().statements) {
    for (size_t i = 0; i < st.actions.size(); ++i) {
      const std::string& action = st.actions[i].value;
      const size_t colon = action.find(':');
      // Malformed entries are reported by the grammar rule.
      if (action == "*" || colon == std::string::npos || colon == 0 || action.find(':', colon + 1) != std::string::npos ||
          has_wildcard(action.substr(0, colon)) || action.find("${") != std::string::npos)
        continue;
      const std::string prefix = action.substr(0, colon);
      const std::string pointer = context.item_pointer(st, context.action_element(st), i);
      if (!catalog->find_service(prefix)) {
        std::string suggestion = catalog->suggest_service(prefix);
        context.report("invalid_service_in_action", st.actions[i].offset, pointer,
                       fmt::format("service \"{}\" in \"{}\" does not exist{}", prefix, action,
                                   suggestion.empty() ? "" : fmt::format("; did you mean \"{}\"?", suggestion)));
        continue;
      }
      if (catalog->matches_any(action)) continue;
      if (has_wildcard(action)) {
        context.report("action_pattern_matches_nothing", st.actions[i].offset, pointer,
                       fmt::format("\"{}\" matches no {} action", action, prefix));
        continue;
      }
      std::string suggestion = catalog->suggest_action(action);
      context.report("invalid_action", st.actions[i].offset, pointer,
                     fmt::format("action \"{}\" does not exist{}", action,
                                 suggestion.empty() ? "" : fmt::format("; did you mean \"{}\"?", suggestion)));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("action_exists", run, kAction, kService, kNothing);

}  // namespace iamwarden::lint
