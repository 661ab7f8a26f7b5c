// Entries that add nothing: an action or resource already covered by another entry of the same statement.
#include <fmt/format.h>

#include <algorithm>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kAction{"redundant_action", Severity::kSuggestion, "Action already covered by another entry",
                           "The entry matches only actions another entry of the same statement already matches.",
                           "remove the redundant entry"};
constexpr LintMeta kResource{"redundant_resource", Severity::kSuggestion, "Resource already covered by another entry",
                             "The ARN pattern matches only resources another entry of the same statement already "
                             "matches.",
                             "remove the redundant entry"};

void check_actions(LintContext& context, const policy::Statement& st) {
  const catalog::Catalog* catalog = context.catalog();
  std::vector<std::vector<uint32_t>> expanded(st.actions.size());
  if (catalog)
    for (size_t i = 0; i < st.actions.size(); ++i) catalog->expand(st.actions[i].value, expanded[i]);
  for (size_t i = 0; i < st.actions.size(); ++i) {
    for (size_t j = 0; j < st.actions.size(); ++j) {
      if (i == j) continue;
      const std::string& a = st.actions[i].value;
      const std::string& b = st.actions[j].value;
      bool covered = false;
      if (iequals(a, b)) {
        covered = j < i;  // report the later duplicate only
      } else if (catalog && !expanded[i].empty()) {
        covered = std::includes(expanded[j].begin(), expanded[j].end(), expanded[i].begin(), expanded[i].end()) &&
                  !(expanded[i].size() == expanded[j].size() && j > i);
      } else if (!catalog) {
        covered = glob_covers(b, a, true);
      }
      if (!covered) continue;
      context.report("redundant_action", st.actions[i].offset, context.item_pointer(st, context.action_element(st), i),
                     fmt::format("\"{}\" is already covered by \"{}\"", a, b));
      break;
    }
  }
}

void check_resources(LintContext& context, const policy::Statement& st) {
  for (size_t i = 0; i < st.resources.size(); ++i) {
    for (size_t j = 0; j < st.resources.size(); ++j) {
      if (i == j) continue;
      const std::string& a = st.resources[i].value;
      const std::string& b = st.resources[j].value;
      const bool covered = a == b ? j < i : glob_covers(b, a) && !(glob_covers(a, b) && j > i);
      if (!covered) continue;
      context.report("redundant_resource", st.resources[i].offset,
                     context.item_pointer(st, context.resource_element(st), i),
                     fmt::format("\"{}\" is already covered by \"{}\"", a, b));
      break;
    }
  }
}

void run(LintContext& context) {
  for (const policy::Statement& st : context.policy().statements) {
    if (st.actions.size() > 1 && st.actions.size() < 2000) check_actions(context, st);
    if (st.resources.size() > 1 && st.resources.size() < 2000) check_resources(context, st);
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("redundant_entries", run, kAction, kResource);

}  // namespace iamwarden::lint
