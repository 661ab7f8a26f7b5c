// Expanding Action/NotAction entries ("*", "s3:Get*", "iam:PassRole") to catalog actions.
#include <algorithm>

#include "catalog/catalog.h"
#include "eval/pattern.h"

namespace iamwarden::catalog {
namespace {

bool has_wildcard(std::string_view text) { return text.find_first_of("*?") != std::string_view::npos; }

}  // namespace

void Catalog::expand(std::string_view pattern, std::vector<uint32_t>& out) const {
  if (pattern == "*") {
    const size_t start = out.size();
    out.resize(start + actions_.size());
    for (uint32_t i = 0; i < actions_.size(); ++i) out[start + i] = i;
    return;
  }
  const size_t colon = pattern.find(':');
  if (colon == std::string_view::npos || colon == 0) return;
  const std::string_view service_part = pattern.substr(0, colon);
  const std::string_view name_part = pattern.substr(colon + 1);
  if (!has_wildcard(service_part) && !has_wildcard(name_part)) {
    if (const Action* action = find_action(pattern)) out.push_back(index_of(*action));
    return;
  }
  const eval::Pattern name_pattern(name_part, eval::PatternOptions{});
  auto expand_service = [&](const Service& service) {
    for (uint32_t a = service.first_action; a < service.first_action + service.action_count; ++a)
      if (name_pattern.match_plain(actions_[a].name, true)) out.push_back(a);
  };
  if (!has_wildcard(service_part)) {
    if (const Service* service = find_service(service_part)) expand_service(*service);
    return;
  }
  const eval::Pattern service_pattern(service_part, eval::PatternOptions{});
  for (const Service& service : services_)
    if (service_pattern.match_plain(service.prefix, true)) expand_service(service);
}

std::vector<uint32_t> Catalog::expand_all(std::span<const std::string_view> patterns) const {
  std::vector<uint32_t> out;
  for (std::string_view p : patterns) expand(p, out);
  if (patterns.size() > 1) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
  return out;
}

std::vector<uint32_t> Catalog::expand_not(std::span<const std::string_view> patterns) const {
  std::vector<uint32_t> excluded = expand_all(patterns);
  std::sort(excluded.begin(), excluded.end());
  std::vector<uint32_t> out;
  out.reserve(actions_.size() - std::min(actions_.size(), excluded.size()));
  size_t e = 0;
  for (uint32_t i = 0; i < actions_.size(); ++i) {
    while (e < excluded.size() && excluded[e] < i) ++e;
    if (e < excluded.size() && excluded[e] == i) continue;
    out.push_back(i);
  }
  return out;
}

bool Catalog::matches_any(std::string_view pattern) const {
  std::vector<uint32_t> found;
  expand(pattern, found);
  return !found.empty();
}

}  // namespace iamwarden::catalog
