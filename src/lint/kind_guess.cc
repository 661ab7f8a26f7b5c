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

std::optional<KindGuess> guess_policy_kind(const JsonNode& policy) {
  const JsonNode* statements = policy.is_object() ? policy.find("Statement") : nullptr;
  if (!statements) return std::nullopt;
  std::vector<const JsonNode*> list;
  if (statements->is_array()) {
    for (const JsonNode& s : statements->items) list.push_back(&s);
  } else {
    list.push_back(statements);
  }
  size_t with_principal = 0;
  bool all_trust = !list.empty();
  for (const JsonNode* s : list) {
    if (!s->is_object()) return std::nullopt;
    bool principal = s->find("Principal") || s->find("NotPrincipal");
    if (principal) ++with_principal;
    std::vector<std::string_view> actions = strings_of(s->find("Action"));
    bool trust_actions = !actions.empty();
    for (std::string_view a : actions) trust_actions = trust_actions && is_trust_action(a);
    all_trust = all_trust && principal && trust_actions && !s->find("Resource") && !s->find("NotResource");
  }
  if (list.empty()) return std::nullopt;
  if (all_trust)
    return KindGuess{policy::PolicyKind::kTrust, "every statement lets a Principal call sts:AssumeRole*-style actions", false};
  if (with_principal == list.size())
    return KindGuess{policy::PolicyKind::kResource, "its statements name a Principal", false};
  if (with_principal > 0)
    return KindGuess{policy::PolicyKind::kResource,
                     "some statements name a Principal and some do not (give --type to choose)",
                     true};
  return KindGuess{policy::PolicyKind::kIdentity, "no statement names a Principal", false};
}

std::string_view kind_phrase(policy::PolicyKind kind) {
  switch (kind) {
    case policy::PolicyKind::kIdentity: return "an identity policy";
    case policy::PolicyKind::kResource: return "a resource policy";
    case policy::PolicyKind::kTrust: return "a role trust policy";
    case policy::PolicyKind::kBoundary: return "a permissions boundary";
    case policy::PolicyKind::kScp: return "an SCP";
    case policy::PolicyKind::kRcp: return "an RCP";
    case policy::PolicyKind::kSession: return "a session policy";
  }
  return "a policy";
}

bool kind_mismatch(policy::PolicyKind kind, policy::PolicyKind guessed) { return family(kind) != family(guessed); }

}  // namespace iamwarden::lint
