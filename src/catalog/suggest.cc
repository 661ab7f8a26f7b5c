// "Did you mean ...?": the closest service prefix or action name, ignoring case (base/closest_match.h).
#include "base/closest_match.h"
#include "catalog/catalog.h"

namespace iamwarden::catalog {

std::string Catalog::suggest_service(std::string_view prefix) const {
  ClosestMatch match(prefix);
  for (const Service& service : services_) match.consider(service.prefix);
  return match.best();
}

std::string Catalog::suggest_action(std::string_view wanted) const {
  size_t colon = wanted.find(':');
  if (colon == std::string_view::npos) return {};
  const Service* service = find_service(wanted.substr(0, colon));
  if (!service) return {};
  ClosestMatch match(wanted.substr(colon + 1));
  for (const Action& action : actions_of(*service)) match.consider(action.name);
  return match.best().empty() ? std::string() : service->prefix + ":" + match.best();
}

std::string Catalog::suggest_key(std::string_view name) const {
  ClosestMatch match(name);
  const size_t slash = name.find('/');
  auto consider = [&](const ConditionKey& key) {
    if (!key.has_placeholder) return match.consider(key.name);
    const size_t placeholder = key.name.find("${");
    if (slash == std::string_view::npos || placeholder == 0 || key.name[placeholder - 1] != '/') return;
    match.consider(key.name.substr(0, placeholder) + std::string(name.substr(slash + 1)));
  };
  for (const ConditionKey& key : global_keys_) consider(key);
  const size_t colon = name.find(':');
  if (const Service* service = colon == std::string_view::npos ? nullptr : find_service(name.substr(0, colon)))
    for (const ConditionKey& key : service->keys) consider(key);
  return match.best();
}

std::string Catalog::suggest_pattern(std::string_view pattern) const {
  const size_t colon = pattern.find(':');
  if (colon == std::string_view::npos) return {};
  const std::string_view prefix = pattern.substr(0, colon), name = pattern.substr(colon + 1);
  const Service* service = find_service(prefix);
  if (!service) {
    std::string near = suggest_service(prefix);
    std::string candidate = near.empty() ? near : near + ":" + std::string(name);
    return !near.empty() && matches_any(candidate) ? candidate : std::string();
  }
  const size_t wildcard = name.find_first_of("*?");
  if (wildcard == std::string_view::npos) return suggest_action(pattern);
  // Correct the literal part before the first wildcard against the same-length start of each action.
  const std::string_view literal = name.substr(0, wildcard);
  if (literal.empty()) return {};
  ClosestMatch match(literal);
  for (const Action& action : actions_of(*service))
    if (action.name.size() >= literal.size()) match.consider(std::string_view(action.name).substr(0, literal.size()));
  if (match.best().empty()) return {};
  std::string candidate = service->prefix + ":" + match.best() + std::string(name.substr(wildcard));
  return matches_any(candidate) ? candidate : std::string();
}

}  // namespace iamwarden::catalog
