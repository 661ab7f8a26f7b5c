// AWS-managed policies (name, ARN, path, default version document), resolved offline.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "catalog/catalog.h"

namespace iamwarden::catalog {

/// One AWS-managed policy with its default version's document as minified JSON text.
struct ManagedPolicy {
  std::string name;
  std::string arn;
  std::string path;
  std::string version;
  std::string document;
};

/// All AWS-managed policies, sorted by name.
class ManagedPolicies {
 public:
  /// Builds the set from the text of data/managed-policies.json; errors name file and a JSON pointer.
  static Result<ManagedPolicies> from_json(std::string_view json, std::string_view file = "managed-policies.json");

  const std::vector<ManagedPolicy>& all() const { return policies_; }
  /// A policy by name ("ReadOnlyAccess") or ARN ("arn:aws:iam::aws:policy/ReadOnlyAccess", any
  /// partition), ignoring case; nullptr when unknown.
  const ManagedPolicy* find(std::string_view name_or_arn) const;

 private:
  std::vector<ManagedPolicy> policies_;
  std::unordered_map<std::string, size_t, CaseInsensitiveHash, CaseInsensitiveEqual> by_name_;
};

/// Loads the managed policies from data_dir, or the embedded copy when data_dir is empty.
Result<ManagedPolicies> load_managed_policies(const std::string& data_dir = "");

}  // namespace iamwarden::catalog
