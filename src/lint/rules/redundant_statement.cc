// Two statements that say exactly the same thing (ignoring Sid and the order of list entries).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "lint/rule.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kStatement{"redundant_statement", Severity::kSuggestion, "Statement repeats another",
                              "The statement has the same effect, principals, actions, resources and conditions as "
                              "an earlier one.",
                              "remove one of them"};

std::vector<std::string> sorted(const std::vector<policy::Located>& items) {
  std::vector<std::string> out;
  for (const policy::Located& l : items) out.push_back(l.value);
  std::sort(out.begin(), out.end());
  return out;
}

// A canonical text of everything but Sid.
std::string canonical(const policy::Statement& st) {
  std::string out = fmt::format("{}|{}|{}|{}|{}|", static_cast<int>(st.effect), static_cast<int>(st.action_mode),
                                static_cast<int>(st.resource_mode), static_cast<int>(st.principal_mode),
                                st.principal_wildcard);
  for (const std::string& a : sorted(st.actions)) out += a + "\x1f";
  out += "|";
  for (const std::string& r : sorted(st.resources)) out += r + "\x1f";
  out += "|";
  std::vector<std::string> principals;
  for (const policy::PrincipalEntry& p : st.principals)
    principals.push_back(fmt::format("{}={}", static_cast<int>(p.type), p.value.value));
  std::sort(principals.begin(), principals.end());
  for (const std::string& p : principals) out += p + "\x1f";
  out += "|";
  std::vector<std::string> clauses;
  for (const policy::ConditionClause& c : st.conditions) {
    std::string clause = c.op_name.value + "\x1e" + c.key.value;
    for (const std::string& v : sorted(c.values)) clause += "\x1e" + v;
    clauses.push_back(std::move(clause));
  }
  std::sort(clauses.begin(), clauses.end());
  for (const std::string& c : clauses) out += c + "\x1f";
  return out;
}

void run(LintContext& context) {
  std::map<std::string, uint32_t> seen;
  for (const policy::Statement& st : context.policy().statements) {
    auto [it, inserted] = seen.emplace(canonical(st), st.index);
    if (inserted) continue;
    context.report("redundant_statement", st.offset, st.pointer,
                   fmt::format("statement {} repeats statement {}", st.index, it->second));
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("redundant_statement", run, kStatement);

}  // namespace iamwarden::lint
