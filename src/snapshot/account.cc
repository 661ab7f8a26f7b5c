// Account indexes and lookups (see account.h).
#include "snapshot/account.h"

#include <algorithm>

namespace iamwarden::snapshot {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Indexes each entity by ARN, name and id; the first of duplicates wins.
template <class E, class I>
void index(const std::vector<E>& items, I& index, bool (*name_ok)(const E&) = nullptr) {
  index.arn.clear();
  index.id.clear();
  index.name.clear();
  index.arn.reserve(items.size());
  index.id.reserve(items.size());
  index.name.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    auto at = static_cast<uint32_t>(i);
    index.arn.emplace(items[i].arn, at);
    if (!items[i].id.empty()) index.id.emplace(items[i].id, at);
    if (!items[i].name.empty() && (!name_ok || name_ok(items[i]))) index.name.emplace(items[i].name, at);
  }
}

template <class E, class I>
const E* lookup(const std::vector<E>& items, const I& index, std::string_view key) {
  for (const auto* map : {&index.arn, &index.id, &index.name}) {
    if (auto it = map->find(key); it != map->end()) return &items[it->second];
  }
  return nullptr;
}

}  // namespace

bool ManagedPolicy::aws_managed() const { return arn.find(":iam::aws:policy/") != std::string::npos; }

const PolicyVersion* ManagedPolicy::default_version() const {
  for (const PolicyVersion& v : versions) {
    if (v.is_default) return &v;
  }
  for (const PolicyVersion& v : versions) {
    if (!default_version_id.empty() && v.version_id == default_version_id) return &v;
  }
  return versions.size() == 1 ? &versions[0] : nullptr;
}

bool Role::service_linked() const { return path.rfind("/aws-service-role/", 0) == 0; }

bool MfaDevice::root() const { return ends_with(user_arn, ":root"); }

std::string_view file_status_name(FileStatus status) {
  switch (status) {
    case FileStatus::kLoaded: return "loaded";
    case FileStatus::kMissing: return "missing";
    case FileStatus::kNotFound: return "not_found";
    case FileStatus::kFailed: return "failed";
  }
  return "unknown";
}

void Account::build_indexes() {
  index(iam.users, users_);
  index(iam.groups, groups_);
  index(iam.roles, roles_);
  // Policy names: customer-managed ones first, then AWS-managed ones (emplace keeps the first).
  index<ManagedPolicy>(iam.policies, policies_, [](const ManagedPolicy& p) { return !p.aws_managed(); });
  for (size_t i = 0; i < iam.policies.size(); ++i) {
    if (iam.policies[i].aws_managed()) policies_.name.emplace(iam.policies[i].name, static_cast<uint32_t>(i));
  }
  std::sort(files.begin(), files.end(), [](const FileRecord& a, const FileRecord& b) { return a.path < b.path; });
}

const User* Account::find_user(std::string_view key) const { return lookup(iam.users, users_, key); }
const Role* Account::find_role(std::string_view key) const { return lookup(iam.roles, roles_, key); }
const Group* Account::find_group(std::string_view key) const { return lookup(iam.groups, groups_, key); }
const ManagedPolicy* Account::find_policy(std::string_view key) const {
  return lookup(iam.policies, policies_, key);
}

const std::vector<ServiceLastAccessed>* Account::find_service_last_accessed(std::string_view key) const {
  if (!service_last_accessed) return nullptr;
  std::string_view arn = key;
  if (const User* u = find_user(key)) arn = u->arn;
  else if (const Role* r = find_role(key)) arn = r->arn;
  else if (const Group* g = find_group(key)) arn = g->arn;
  auto it = service_last_accessed->find(std::string(arn));
  return it == service_last_accessed->end() ? nullptr : &it->second;
}

FileStatus Account::file_status(std::string_view path) const {
  for (const FileRecord& f : files) {
    if (f.path == path) return f.status;
  }
  return FileStatus::kMissing;
}

}  // namespace iamwarden::snapshot
