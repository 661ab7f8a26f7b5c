// The privilege-escalation method catalog (data/escalation/*.json, docs/escalation-methods.md): one
// truth about how a principal can become more privileged, read by `paths`, lint and audit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace iamwarden::escalation {

enum class Category : uint8_t { kSelfEscalation, kPrincipalAccess, kNewPassRole, kExistingPassRole, kHostAccess };
/// What a method acts on.
enum class TargetKind : uint8_t { kSelf, kOwnGroup, kGroup, kUser, kRole };
/// What the source holds afterwards: whatever it writes (admin) or the target's permissions.
enum class Gains : uint8_t { kAdmin, kTarget };
/// Which resource a permission is requested on.
enum class ResourceRole : uint8_t { kSelf, kTarget, kAttachedPolicy, kExistingResource, kAny, kTemplate };

/// One request the method makes.
struct Permission {
  std::string action;  ///< "iam:PutRolePolicy"
  ResourceRole resource = ResourceRole::kAny;
  std::string arn_template;  ///< kTemplate: "arn:${Partition}:lambda:${Region}:${Account}:function:${Name}"
  std::vector<std::pair<std::string, std::string>> context;  ///< keys the request carries
  std::string note;
};

enum class PrerequisiteKind : uint8_t {
  kTrustAllowsSource,
  kTrustsService,
  kInstanceProfile,
  kAccessKeysBelow,
  kAccessKeysAtLeast,
  kLoginProfile,
  kPolicyVersionsAtLeast,
  kExistingResource,
  kOutsideSnapshot,
};

struct Prerequisite {
  PrerequisiteKind kind = PrerequisiteKind::kOutsideSnapshot;
  int count = 0;         ///< access keys, policy versions
  bool present = false;  ///< login profile
  std::string service;   ///< trusts-service, when it names its own
  std::string text;      ///< outside-snapshot
};

struct Method {
  std::string id;
  std::vector<std::string> aliases;
  std::string name;
  Category category = Category::kSelfEscalation;
  bool from_user = false, from_role = false;  ///< "sources"
  TargetKind target = TargetKind::kSelf;
  Gains gains = Gains::kAdmin;
  std::vector<std::string> services;  ///< service principals the target role must trust
  std::string resource_type;          ///< inventory type of the existing resource
  std::vector<Permission> permissions;
  std::vector<Prerequisite> prerequisites;
  std::string description;
  std::vector<std::string> references;
  std::string file;  ///< where it was read from

  bool has(PrerequisiteKind kind) const;
};

std::string_view category_name(Category category);

/// True when a policy that allows every action of the method on every resource lets whoever holds
/// it escalate, whatever else the account holds: self-escalation (but not boundary removal, which
/// only matters under a boundary), credential or trust rewrites on any principal, passing roles to
/// new compute. Methods that need an existing resource or a trust policy that admits the holder are
/// for the graph (`paths`) to decide.
bool policy_level(const Method& method);

/// Every method, sorted by id.
class MethodCatalog {
 public:
  /// Parses one file of format 1; errors name the file and JSON pointer.
  static Result<Method> parse(std::string text, const std::string& file);
  /// data/escalation/*.json: from DIR/escalation when data_dir is set, else the embedded copies.
  /// Duplicate ids or aliases are errors.
  static Result<MethodCatalog> load(const std::string& data_dir = "");
  static Result<MethodCatalog> from_methods(std::vector<Method> methods);

  const std::vector<Method>& all() const { return methods_; }
  /// By id or alias (any case), or nullptr.
  const Method* find(std::string_view id_or_alias) const;

 private:
  std::vector<Method> methods_;
};

}  // namespace iamwarden::escalation
