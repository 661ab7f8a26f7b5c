// Catalog lookups: services, actions and condition keys by name, ignoring case.
#include "catalog/catalog.h"

#include <cctype>

namespace iamwarden::catalog {
namespace {

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Matches name against a template from position ti/ni; "${...}" matches one or more characters.
bool match_from(std::string_view t, size_t ti, std::string_view name, size_t ni) {
  while (ti < t.size()) {
    if (t[ti] == '$' && ti + 1 < t.size() && t[ti + 1] == '{') {
      size_t close = t.find('}', ti);
      if (close == std::string_view::npos) return false;
      size_t next = close + 1;
      for (size_t end = ni + 1; end <= name.size(); ++end)
        if (match_from(t, next, name, end)) return true;
      return false;
    }
    if (ni >= name.size() || fold(t[ti]) != fold(name[ni])) return false;
    ++ti;
    ++ni;
  }
  return ni == name.size();
}

}  // namespace

size_t CaseInsensitiveHash::operator()(std::string_view text) const noexcept {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a over folded bytes
  for (char c : text) {
    h ^= static_cast<unsigned char>(fold(c));
    h *= 1099511628211ULL;
  }
  return static_cast<size_t>(h);
}

bool CaseInsensitiveEqual::operator()(std::string_view a, std::string_view b) const noexcept {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (fold(a[i]) != fold(b[i])) return false;
  return true;
}

bool key_name_matches(std::string_view key_template, std::string_view name) {
  return match_from(key_template, 0, name, 0);
}

void Catalog::build_indices() {
  service_index_.reserve(services_.size());
  action_index_.reserve(actions_.size());
  for (uint32_t s = 0; s < services_.size(); ++s) {
    const Service& service = services_[s];
    service_index_.emplace(service.prefix, s);
    for (uint32_t a = service.first_action; a < service.first_action + service.action_count; ++a)
      action_index_.emplace(service.prefix + ":" + actions_[a].name, a);
    for (uint32_t k = 0; k < service.keys.size(); ++k) {
      uint64_t ref = (uint64_t{s} << 20) | k;
      if (service.keys[k].has_placeholder) service_key_patterns_.push_back(ref);
      else service_key_index_.emplace(service.keys[k].name, ref);
    }
  }
  for (uint32_t k = 0; k < global_keys_.size(); ++k) {
    if (global_keys_[k].has_placeholder) global_key_patterns_.push_back(k);
    else global_key_index_.emplace(global_keys_[k].name, k);
  }
}

const Service* Catalog::find_service(std::string_view prefix) const {
  auto it = service_index_.find(prefix);
  return it == service_index_.end() ? nullptr : &services_[it->second];
}

const Action* Catalog::find_action(std::string_view full_name) const {
  auto it = action_index_.find(full_name);
  return it == action_index_.end() ? nullptr : &actions_[it->second];
}

std::string Catalog::full_name(const Action& action) const {
  return services_[action.service].prefix + ":" + action.name;
}

const ConditionKey* Catalog::find_global_key(std::string_view name) const {
  auto it = global_key_index_.find(name);
  if (it != global_key_index_.end()) return &global_keys_[it->second];
  for (uint32_t k : global_key_patterns_)
    if (key_name_matches(global_keys_[k].name, name)) return &global_keys_[k];
  return nullptr;
}

const ConditionKey* Catalog::find_service_key(std::string_view name) const {
  size_t colon = name.find(':');
  if (colon != std::string_view::npos) {
    if (const Service* service = find_service(name.substr(0, colon))) {
      for (const ConditionKey& key : service->keys)
        if (key_name_matches(key.name, name)) return &key;
    }
  }
  auto it = service_key_index_.find(name);
  if (it != service_key_index_.end()) return &services_[it->second >> 20].keys[it->second & 0xFFFFF];
  for (uint64_t ref : service_key_patterns_) {
    const ConditionKey& key = services_[ref >> 20].keys[ref & 0xFFFFF];
    if (key_name_matches(key.name, name)) return &key;
  }
  return nullptr;
}

const ConditionKey* Catalog::find_key(std::string_view name) const {
  if (const ConditionKey* key = find_global_key(name)) return key;
  return find_service_key(name);
}

bool Catalog::action_supports_key(const Action& action, std::string_view name) const {
  const Service& service = services_[action.service];
  for (uint32_t k : action.keys)
    if (key_name_matches(service.keys[k].name, name)) return true;
  return false;
}

}  // namespace iamwarden::catalog
