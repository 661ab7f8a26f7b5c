// The AWS action catalog: services, actions with access levels, resource types and condition keys.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "catalog/access_level.h"
#include "catalog/key_type.h"

namespace iamwarden::catalog {

/// A condition key; names may hold placeholders such as "${TagKey}" that match any non-empty text.
struct ConditionKey {
  std::string name;
  KeyTypeInfo type;
  bool has_placeholder = false;
};

/// A resource type of a service with its ARN template ("arn:${Partition}:s3:::${BucketName}").
struct ResourceType {
  std::string name;
  std::string arn_template;
  std::vector<uint32_t> keys;  ///< indices into the service's keys
};

/// A resource type an action can act on, and whether the action always needs it.
struct ResourceRef {
  uint32_t index = 0;  ///< into the service's resources
  bool required = false;
};

/// One action ("GetObject") of one service.
struct Action {
  std::string name;
  AccessLevel level = AccessLevel::kRead;
  uint32_t service = 0;            ///< index into Catalog::services()
  std::vector<ResourceRef> resources;
  std::vector<uint32_t> keys;      ///< indices into the service's keys
};

/// One service prefix ("s3") and what it defines.
struct Service {
  std::string prefix;
  std::string name;  ///< "Amazon S3"
  std::vector<ConditionKey> keys;
  std::vector<ResourceType> resources;
  uint32_t first_action = 0;  ///< the service's actions are a contiguous, name-sorted range
  uint32_t action_count = 0;
};

/// Case-insensitive (ASCII) hashing and equality for lookups without lower-casing copies.
struct CaseInsensitiveHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const noexcept;
};
struct CaseInsensitiveEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const noexcept;
};

/// The whole catalog, immutable after loading.
class Catalog {
 public:
  /// Builds a catalog from the text of data/catalog.json (uncompressed); errors name file and a JSON pointer.
  static Result<Catalog> from_json(std::string_view json, std::string_view file = "catalog.json");

  const std::vector<Service>& services() const { return services_; }
  const std::vector<Action>& actions() const { return actions_; }
  const std::vector<ConditionKey>& global_keys() const { return global_keys_; }

  /// A service by prefix, ignoring case; nullptr when unknown.
  const Service* find_service(std::string_view prefix) const;
  /// An action by "service:Name", ignoring case; nullptr when unknown.
  const Action* find_action(std::string_view full_name) const;
  /// "s3:GetObject" for an action.
  std::string full_name(const Action& action) const;
  /// The service an action belongs to.
  const Service& service_of(const Action& action) const { return services_[action.service]; }
  /// Index of an action in actions().
  uint32_t index_of(const Action& action) const { return static_cast<uint32_t>(&action - actions_.data()); }
  /// The actions of a service.
  std::span<const Action> actions_of(const Service& service) const {
    return {actions_.data() + service.first_action, service.action_count};
  }

  /// Appends the indices of the actions an Action element entry ("*", "s3:Get*", "iam:PassRole") matches,
  /// ignoring case, in catalog order. Entries that are not "*" or "service:pattern" match nothing.
  void expand(std::string_view pattern, std::vector<uint32_t>& out) const;
  /// The actions matched by a list of entries (deduplicated, catalog order).
  std::vector<uint32_t> expand_all(std::span<const std::string_view> patterns) const;
  /// The actions NOT matched by any of the entries (what NotAction allows).
  std::vector<uint32_t> expand_not(std::span<const std::string_view> patterns) const;
  /// True when the entry matches at least one action.
  bool matches_any(std::string_view pattern) const;

  /// A global condition key ("aws:SourceIp", "aws:PrincipalTag/team"); nullptr when not global.
  const ConditionKey* find_global_key(std::string_view name) const;
  /// A key defined by a service's table (the service named by the key prefix, or, for keys such as
  /// "token.actions.githubusercontent.com:sub", any service that lists it); nullptr when unknown.
  const ConditionKey* find_service_key(std::string_view name) const;
  /// Global or service key.
  const ConditionKey* find_key(std::string_view name) const;
  /// True when the action lists the key (service keys, including aws:RequestTag/... where listed).
  bool action_supports_key(const Action& action, std::string_view name) const;

  /// The closest action name in the same service ("s3:GetObject" for "s3:GetObjekt"), or "".
  std::string suggest_action(std::string_view full_name) const;
  /// The closest service prefix, or "".
  std::string suggest_service(std::string_view prefix) const;
  /// The closest condition key among the global keys and those of the service the key's prefix
  /// names ("aws:MultiFactorAuthPresent" for "aws:MultiFactorAuthPresnt"), or "". For keys with a
  /// placeholder the user's suffix is kept ("aws:PrincipalTag/team" for "aws:PrincipalTg/team").
  std::string suggest_key(std::string_view name) const;
  /// For an Action entry that matches nothing ("s3:GetObjekt*", "s3:GetObjekt", "s4:Get*"): a near
  /// entry that matches ("s3:GetObject*"), keeping the wildcard part as written; or "".
  std::string suggest_pattern(std::string_view pattern) const;

 private:
  void build_indices();

  std::vector<Service> services_;
  std::vector<Action> actions_;
  std::vector<ConditionKey> global_keys_;
  std::unordered_map<std::string, uint32_t, CaseInsensitiveHash, CaseInsensitiveEqual> service_index_;
  std::unordered_map<std::string, uint32_t, CaseInsensitiveHash, CaseInsensitiveEqual> action_index_;
  std::unordered_map<std::string, uint32_t, CaseInsensitiveHash, CaseInsensitiveEqual> global_key_index_;
  std::vector<uint32_t> global_key_patterns_;
  /// Exact key name -> (service << 20 | key index) for every service key; patterns kept apart.
  std::unordered_map<std::string, uint64_t, CaseInsensitiveHash, CaseInsensitiveEqual> service_key_index_;
  std::vector<uint64_t> service_key_patterns_;
};

/// Loads the catalog from data_dir, or the embedded copy when data_dir is empty.
Result<Catalog> load_catalog(const std::string& data_dir = "");

/// True when a key name matches a key template whose "${...}" placeholders match any non-empty text.
bool key_name_matches(std::string_view key_template, std::string_view name);

}  // namespace iamwarden::catalog
