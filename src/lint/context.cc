// LintContext: locating statement elements and caching expanded actions.
#include "lint/context.h"

#include <fmt/format.h>

#include "base/safe_text.h"
#include "lint/rule.h"

namespace iamwarden::lint {
namespace {
constexpr size_t kMaxMessageBytes = 1024;
}  // namespace

LintContext::LintContext(const JsonDocument& doc, const JsonNode& node, std::string pointer,
                         const policy::ParsedPolicy& parsed, const catalog::Catalog* catalog,
                         std::vector<Finding>& out)
    : doc_(doc), node_(node), pointer_(std::move(pointer)), parsed_(parsed), catalog_(catalog), out_(out) {
  if (const JsonNode* statements = node.is_object() ? node.find("Statement") : nullptr) {
    if (statements->is_array()) {
      for (const JsonNode& item : statements->items) statement_nodes_.push_back(&item);
    } else {
      statement_nodes_.push_back(statements);
    }
  }
}

void LintContext::report(std::string_view code, uint32_t offset, std::string pointer, std::string message,
                         std::string hint) {
  report_at(code, doc_.locate(offset, std::move(pointer)), std::move(message), std::move(hint));
}

void LintContext::report_at(std::string_view code, SourceLoc loc, std::string message, std::string hint) {
  const LintMeta* meta = find_lint_code(code);
  Finding f;
  f.code = std::string(code);
  f.severity = meta ? meta->severity : Severity::kWarning;
  // Messages quote values from the input: a 100 MB value must not be echoed whole.
  f.message = message.size() > kMaxMessageBytes ? bounded_text(message, kMaxMessageBytes) : std::move(message);
  f.hint = !hint.empty() ? std::move(hint) : meta ? std::string(meta->hint) : std::string();
  f.loc = std::move(loc);
  out_.push_back(std::move(f));
}

const JsonNode& LintContext::statement_node(const policy::Statement& st) const {
  return st.index < statement_nodes_.size() ? *statement_nodes_[st.index] : node_;
}

std::string_view LintContext::action_element(const policy::Statement& st) const {
  return st.action_mode == policy::ElementMode::kNot ? "NotAction" : "Action";
}
std::string_view LintContext::resource_element(const policy::Statement& st) const {
  return st.resource_mode == policy::ElementMode::kNot ? "NotResource" : "Resource";
}
std::string_view LintContext::principal_element(const policy::Statement& st) const {
  return st.principal_mode == policy::ElementMode::kNot ? "NotPrincipal" : "Principal";
}

std::string LintContext::item_pointer(const policy::Statement& st, std::string_view element, size_t i) const {
  const JsonNode* value = statement_node(st).find(element);
  if (value && value->is_array()) return fmt::format("{}/{}/{}", st.pointer, element, i);
  return fmt::format("{}/{}", st.pointer, element);
}

std::string LintContext::clause_pointer(const policy::Statement& st, const policy::ConditionClause& clause) const {
  return fmt::format("{}/Condition/{}/{}", st.pointer, json_pointer_token(clause.op_name.value),
                     json_pointer_token(clause.key.value));
}

std::string LintContext::value_pointer(const policy::Statement& st, const policy::ConditionClause& clause,
                                       size_t i) const {
  std::string p = clause_pointer(st, clause);
  return clause.values_array ? fmt::format("{}/{}", p, i) : p;
}

const std::vector<uint32_t>& LintContext::statement_actions(const policy::Statement& st) {
  auto [it, inserted] = actions_cache_.try_emplace(st.index);
  if (!inserted || !catalog_) return it->second;
  std::vector<std::string_view> patterns;
  patterns.reserve(st.actions.size());
  for (const policy::Located& a : st.actions) patterns.push_back(a.value);
  it->second = st.action_mode == policy::ElementMode::kNot ? catalog_->expand_not(patterns) : catalog_->expand_all(patterns);
  return it->second;
}

}  // namespace iamwarden::lint
