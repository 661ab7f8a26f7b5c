// Kind guessing from the statements' elements.
#include "lint/kind_guess.h"

#include <cctype>
#include <string_view>
#include <vector>

namespace iamwarden::lint {
namespace {

bool is_trust_action(std::string_view action) {
  constexpr std::string_view kPrefix = "sts:";
  if (action.size() < kPrefix.size()) return false;
  for (size_t i = 0; i < kPrefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(action[i])) != kPrefix[i]) return false;
  std::string_view name = action.substr(kPrefix.size());
  for (std::string_view trust : {"AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "TagSession",
                                 "SetSourceIdentity", "SetContext", "AssumeRole*"}) {
    if (name.size() != trust.size()) continue;
    bool same = true;
    for (size_t i = 0; i < name.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(name[i])) == std::tolower(static_cast<unsigned char>(trust[i]));
    if (same) return true;
  }
  return false;
}

std::vector<std::string_view> strings_of(const JsonNode* node) {
  std::vector<std::string_view> out;
  if (!node) return out;
  if (node->is_string()) out.push_back(node->text);
  for (const JsonNode& item : node->items)
    if (item.is_string()) out.push_back(item.text);
  return out;
}

enum class Family { kIdentity, kResource, kTrust };

Family family(policy::PolicyKind kind) {
  switch (kind) {
    case policy::PolicyKind::kTrust: return Family::kTrust;
    case policy::PolicyKind::kResource:
    case policy::PolicyKind::kRcp: return Family::kResource;
    default: return Family::kIdentity;
  }
}

}  // namespace

std::optional<policy::PolicyKind> guess_policy_kind(const JsonNode& policy) {
  const JsonNode* statements = policy.is_object() ? policy.find("Statement") : nullptr;
  if (!statements) return std::nullopt;
  std::vector<const JsonNode*> list;
  if (statements->is_array()) {
    for (const JsonNode& s : statements->items) list.push_back(&s);
  } else {
    list.push_back(statements);
  }
  bool any_principal = false, all_trust = !list.empty();
  for (const JsonNode* s : list) {
    if (!s->is_object()) return std::nullopt;
    bool principal = s->find("Principal") || s->find("NotPrincipal");
    any_principal = any_principal || principal;
    std::vector<std::string_view> actions = strings_of(s->find("Action"));
    bool trust_actions = !actions.empty();
    for (std::string_view a : actions) trust_actions = trust_actions && is_trust_action(a);
    all_trust = all_trust && principal && trust_actions && !s->find("Resource") && !s->find("NotResource");
  }
  if (all_trust) return policy::PolicyKind::kTrust;
  if (any_principal) return policy::PolicyKind::kResource;
  return policy::PolicyKind::kIdentity;
}

bool kind_mismatch(policy::PolicyKind kind, policy::PolicyKind guessed) { return family(kind) != family(guessed); }

}  // namespace iamwarden::lint
