// Organizations: the organization, the path from the account to the root, SCPs/RCPs on it and their documents.
#include <fmt/format.h>

#include <set>
#include <string>
#include <vector>

#include "base/json.h"
#include "base/safe_text.h"
#include "collect/session.h"

namespace iamwarden::collect {
namespace {

constexpr int kMaxDepth = 8;  // AWS allows 5 OU levels under the root

/// One parent from a list-parents answer.
struct Parent {
  std::string id;
  std::string type;
};

std::optional<Parent> first_parent(std::string text, const std::string& file) {
  Result<JsonDocument> doc = parse_json(std::move(text), file);
  if (!doc) return std::nullopt;
  const JsonNode* parents = doc->root.find("Parents");
  if (!parents || !parents->is_array() || parents->items.empty()) return std::nullopt;
  const JsonNode* id = parents->items[0].find("Id");
  const JsonNode* type = parents->items[0].find("Type");
  if (!id || !id->is_string()) return std::nullopt;
  return Parent{id->text, type && type->is_string() ? type->text : ""};
}

/// Adds the policy ids of a list-policies-for-target answer; what is wrong with it, or empty.
std::string add_policy_ids(std::string text, const std::string& file, std::set<std::string>& ids) {
  Result<JsonDocument> doc = parse_json(std::move(text), file);
  if (!doc) return doc.error().message;
  const JsonNode* policies = doc->root.find("Policies");
  if (!policies || !policies->is_array()) return "no Policies list in the answer";
  for (const JsonNode& policy : policies->items) {
    const JsonNode* id = policy.find("Id");
    if (!id || !id->is_string()) continue;
    // The id names a file and is an argument of describe-policy.
    if (!is_safe_name(id->text)) return fmt::format("a policy Id is not an id: \"{}\"", safe_excerpt(id->text, 60));
    ids.insert(id->text);
  }
  return "";
}

}  // namespace

void collect_organizations(Session& session, const std::string& account_id) {
  if (!session.fetch("organizations/organization.json", {"organizations", "describe-organization"})) return;

  // The account, then each OU, then the root.
  std::vector<std::string> targets{account_id};
  std::string child = account_id;
  for (int depth = 0; depth < kMaxDepth; ++depth) {
    std::string file = fmt::format("organizations/parents/{}.json", child);
    std::optional<std::string> answer =
        session.fetch(file, {"organizations", "list-parents", "--child-id", child});
    if (!answer) break;
    std::optional<Parent> parent = first_parent(std::move(*answer), file);
    if (!parent || !is_safe_name(parent->id)) {
      session.mark_failed(file, parent ? fmt::format("unexpected answer: the parent Id is not an id: \"{}\"",
                                                     safe_excerpt(parent->id, 60))
                                       : "unexpected answer: no Parents[0].Id");
      break;
    }
    targets.push_back(parent->id);
    if (parent->type == "ROOT") break;
    child = parent->id;
  }

  std::set<std::string> policy_ids;
  for (const std::string& target : targets) {
    for (auto [dir, filter] : {std::pair{"scp-targets", "SERVICE_CONTROL_POLICY"},
                               std::pair{"rcp-targets", "RESOURCE_CONTROL_POLICY"}}) {
      std::string file = fmt::format("organizations/{}/{}.json", dir, target);
      std::optional<std::string> answer = session.fetch(
          file, {"organizations", "list-policies-for-target", "--target-id", target, "--filter", filter});
      if (!answer) continue;
      if (std::string problem = add_policy_ids(std::move(*answer), file, policy_ids); !problem.empty()) {
        session.mark_failed(file, "unexpected answer: " + problem);
      }
    }
  }
  for (const std::string& id : policy_ids) {
    session.fetch(fmt::format("organizations/policies/{}.json", id),
                  {"organizations", "describe-policy", "--policy-id", id});
  }
}

}  // namespace iamwarden::collect
