// The account model: everything a snapshot says about one AWS account, indexed by ARN, name and id.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "snapshot/credential_report.h"
#include "snapshot/inventory.h"
#include "snapshot/timestamp.h"

namespace iamwarden::snapshot {

/// Where a value came from: the snapshot file, the JSON pointer and the line:column of its start.
struct Origin {
  std::string file;
  std::string pointer;
  uint32_t line = 0;  ///< 0 when unknown
  uint32_t column = 0;
};

/// Owns the text that PolicyDocument::text views: whole loaded files (documents are slices of
/// them, not copies) and documents that had to be decoded. Views stay valid while the store lives.
class TextStore {
 public:
  /// Keeps a buffer (e.g. a loaded file) alive for as long as the store.
  void keep(std::shared_ptr<const void> buffer) { buffers_.push_back(std::move(buffer)); }
  /// Stores text; the view returned stays valid for the store's lifetime.
  std::string_view add(std::string text) { return strings_.emplace_back(std::move(text)); }

 private:
  std::vector<std::shared_ptr<const void>> buffers_;
  std::deque<std::string> strings_;  // a deque never moves its elements
};

/// A policy document as found in the snapshot, kept as JSON text and parsed on demand
/// (snapshot/policy_document.h). URL-encoded documents are already decoded here.
struct PolicyDocument {
  std::string_view text;  ///< the JSON text of the document (owned by a TextStore)
  Origin origin;          ///< where the document starts
  bool was_encoded = false;  ///< the snapshot gave it as a (URL-encoded) JSON string
};

/// One tag (Key, Value).
struct Tag {
  std::string key;
  std::string value;
};

/// An inline policy of a user, group or role.
struct InlinePolicy {
  std::string name;
  PolicyDocument document;
};

/// A reference to a managed policy (AttachedManagedPolicies entry or a permissions boundary).
struct PolicyRef {
  std::string name;  ///< empty for a boundary
  std::string arn;
};

/// One version of a managed policy.
struct PolicyVersion {
  std::string version_id;  ///< "v3"
  bool is_default = false;
  Timestamp create_date;
  PolicyDocument document;
};

/// Where a managed policy's data came from.
enum class PolicySource : uint8_t {
  kSnapshot,         ///< the authorization details listed it
  kBuiltinCatalog,   ///< an AWS-managed policy absent from the dump, taken from iamwarden's data
};

/// A customer- or AWS-managed policy with all its versions.
struct ManagedPolicy {
  std::string name;
  std::string id;
  std::string arn;
  std::string path;
  std::string default_version_id;
  std::string description;
  int64_t attachment_count = 0;
  int64_t boundary_usage_count = 0;
  bool is_attachable = true;
  Timestamp create_date;
  Timestamp update_date;
  std::vector<PolicyVersion> versions;
  PolicySource source = PolicySource::kSnapshot;
  Origin origin;

  /// True for arn:<partition>:iam::aws:policy/...
  bool aws_managed() const;
  /// The version marked IsDefaultVersion (or named by DefaultVersionId); nullptr when none.
  const PolicyVersion* default_version() const;
};

/// What users, groups, roles and instance profiles share: names, ids, ARN, path, creation date.
struct IamEntity {
  std::string name;
  std::string id;  ///< the unique id (AIDA..., AGPA..., AROA..., AIPA...)
  std::string arn;
  std::string path;
  Timestamp create_date;
};

/// Users, groups and roles: an entity that has policies of its own.
struct PolicyHolder : IamEntity {
  std::vector<InlinePolicy> inline_policies;
  std::vector<PolicyRef> attached;
  Origin origin;  ///< where the entity's object starts in the dump
};

/// A user in the authorization details.
struct User : PolicyHolder {
  std::vector<std::string> groups;  ///< group names, as listed (membership lives only here)
  std::optional<PolicyRef> boundary;
  std::vector<Tag> tags;
};

/// A group in the authorization details (its members are the users listing it).
struct Group : PolicyHolder {};

/// An instance profile a role belongs to.
struct InstanceProfile : IamEntity {
  std::vector<std::string> role_arns;  ///< roles in the profile
};

/// A role in the authorization details.
struct Role : PolicyHolder {
  std::optional<PolicyDocument> trust_policy;  ///< AssumeRolePolicyDocument
  std::vector<InstanceProfile> instance_profiles;
  std::optional<PolicyRef> boundary;
  std::vector<Tag> tags;
  bool last_used_known = false;  ///< RoleLastUsed was present (an empty object means never used)
  Timestamp last_used;
  std::string last_used_region;

  /// True when the role's path is /aws-service-role/ (service-linked: SCPs do not apply).
  bool service_linked() const;
};

/// The authorization details (GAAD): users, groups, roles and managed policies.
struct AuthorizationDetails {
  std::vector<User> users;
  std::vector<Group> groups;
  std::vector<Role> roles;
  std::vector<ManagedPolicy> policies;
  std::vector<std::string> files;  ///< the files it was read from (pages in order)
  std::shared_ptr<TextStore> text = std::make_shared<TextStore>();  ///< owns the documents' text
};

/// Three distinct states of the password policy.
enum class PasswordPolicyState : uint8_t {
  kNotCollected,  ///< no file: unknown
  kNone,          ///< AWS answered NoSuchEntity: the account has no custom policy
  kPresent,
};

/// The account password policy (optional members are absent when AWS omits them).
struct PasswordPolicy {
  PasswordPolicyState state = PasswordPolicyState::kNotCollected;
  std::optional<int64_t> minimum_length;
  std::optional<bool> require_symbols;
  std::optional<bool> require_numbers;
  std::optional<bool> require_uppercase;
  std::optional<bool> require_lowercase;
  std::optional<bool> allow_users_to_change;
  std::optional<bool> expire_passwords;
  std::optional<int64_t> max_age_days;
  std::optional<int64_t> reuse_prevention;
  std::optional<bool> hard_expiry;
};

/// A virtual MFA device (list-virtual-mfa-devices).
struct MfaDevice {
  std::string serial_number;
  std::string user_arn;   ///< empty when unassigned
  std::string user_name;  ///< empty for the root user or when unassigned
  Timestamp enable_date;
  /// Assigned to the root user (User.Arn ends with ":root").
  bool root() const;
};

/// A SAML or OIDC identity provider.
struct IdentityProvider {
  std::string arn;
  Timestamp create_date;
  Timestamp valid_until;  ///< SAML only
};

/// An IAM server certificate.
struct ServerCertificate {
  std::string name;
  std::string id;
  std::string arn;
  std::string path;
  Timestamp upload_date;
  Timestamp expiration;
};

/// One CloudTrail trail (de-duplicated by ARN across regions) with its status and selectors.
struct Trail {
  std::string name;
  std::string arn;
  std::string home_region;
  std::string s3_bucket;
  std::string kms_key_id;
  std::string cloudwatch_logs_group_arn;
  bool multi_region = false;
  bool organization_trail = false;
  bool include_global_service_events = false;
  bool log_file_validation = false;
  bool has_custom_event_selectors = false;
  bool status_known = false;  ///< trail-status.json had this trail
  bool is_logging = false;
  Timestamp latest_delivery_time;
  bool selectors_known = false;  ///< event-selectors.json had this trail
  std::string event_selectors_json;           ///< EventSelectors as JSON text ("" when absent)
  std::string advanced_event_selectors_json;  ///< AdvancedEventSelectors as JSON text
  std::vector<std::string> seen_in_regions;
};

/// An IAM Access Analyzer analyzer in one region.
struct Analyzer {
  std::string region;
  std::string arn;
  std::string name;
  std::string type;    ///< ACCOUNT, ORGANIZATION, ACCOUNT_UNUSED_ACCESS, ...
  std::string status;  ///< ACTIVE, CREATING, DISABLED, FAILED
};

/// An Organizations policy (SCP or RCP) with its content.
struct OrgPolicy {
  std::string id;
  std::string arn;
  std::string name;
  std::string type;  ///< SERVICE_CONTROL_POLICY or RESOURCE_CONTROL_POLICY
  bool aws_managed = false;
  bool content_known = false;  ///< organizations/policies/<id>.json was present
  PolicyDocument document;
};

/// One level of the organization path: the root, an OU, or the account itself.
struct OrgLevel {
  std::string id;    ///< r-..., ou-..., or the account id
  std::string type;  ///< ROOT, ORGANIZATIONAL_UNIT, ACCOUNT
  bool scps_known = false;
  bool rcps_known = false;
  std::vector<std::string> scp_ids;  ///< policies attached at this level
  std::vector<std::string> rcp_ids;
};

/// Organizations data: the organization, the root → OUs → account path and the SCPs/RCPs.
struct Organization {
  bool present = false;  ///< organization.json was read
  std::string id;
  std::string arn;
  std::string feature_set;
  std::string management_account_id;
  std::vector<OrgLevel> path;  ///< root first, the account last; empty when unknown
  std::map<std::string, OrgPolicy> policies;  ///< by policy id
  std::shared_ptr<TextStore> text = std::make_shared<TextStore>();  ///< owns the policies' text
};

/// One service in an entity's Access Advisor report (get-service-last-accessed-details).
struct ServiceLastAccessed {
  std::string service_name;       ///< "Amazon S3"
  std::string service_namespace;  ///< "s3"
  Timestamp last_authenticated;   ///< empty when not used within the tracking period
  std::string last_authenticated_entity;
  std::string last_authenticated_region;
  std::optional<int64_t> total_authenticated_entities;
};

/// How one snapshot file fared.
enum class FileStatus : uint8_t {
  kLoaded,       ///< read and understood
  kMissing,      ///< not in the snapshot (and no manifest entry)
  kNotFound,     ///< AWS said the thing does not exist (manifest not_found or NoSuchEntity)
  kFailed,       ///< the collector recorded a failure (manifest "failed")
};  // a file present but unreadable or of the wrong shape fails the whole load instead

/// Name used in output ("loaded", "missing", ...).
std::string_view file_status_name(FileStatus status);

/// One line of the "what is present / missing / failed" record.
struct FileRecord {
  std::string path;     ///< relative to the snapshot directory
  FileStatus status = FileStatus::kMissing;
  std::string detail;   ///< the manifest's error, or the loader's note
};

/// manifest.json, when present.
struct Manifest {
  bool present = false;
  std::string account_id;
  std::string partition;
  std::string collected_at;
  std::string tool;
  std::vector<std::string> regions;
  std::map<std::string, FileRecord> files;  ///< by path
};

/// An AWS-managed policy ARN referenced by the snapshot that neither the dump nor the built-in
/// data know: whatever depends on it cannot be evaluated.
struct UnresolvedPolicy {
  std::string arn;
  std::vector<std::string> referenced_by;  ///< principal ARNs (or "boundary of ...")
};

/// A whole snapshot. Immutable once loaded; the lookups return nullptr when absent. Move-only:
/// the indexes refer to the strings of the entities.
class Account {
 public:
  Account() = default;
  Account(Account&&) = default;
  Account& operator=(Account&&) = default;
  Account(const Account&) = delete;
  Account& operator=(const Account&) = delete;

  Manifest manifest;
  std::string account_id;  ///< from the manifest, else derived from ARNs
  std::string partition = "aws";
  AuthorizationDetails iam;
  bool iam_present = false;
  std::optional<CredentialReport> credential_report;
  PasswordPolicy password_policy;
  std::optional<std::map<std::string, int64_t>> account_summary;  ///< SummaryMap
  std::optional<std::vector<MfaDevice>> virtual_mfa_devices;
  std::optional<std::vector<IdentityProvider>> saml_providers;
  std::optional<std::vector<IdentityProvider>> oidc_providers;
  std::optional<std::vector<ServerCertificate>> server_certificates;
  std::optional<std::vector<std::string>> organizations_features;  ///< EnabledFeatures
  std::optional<std::vector<Trail>> trails;  ///< nullopt when no cloudtrail/ directory
  std::optional<std::vector<Analyzer>> analyzers;  ///< nullopt when no access-analyzers/
  std::vector<std::string> analyzer_regions;  ///< regions with a list-analyzers file
  Organization organization;
  /// Access Advisor reports by entity ARN (user, role, group or policy); nullopt when no
  /// service-last-accessed/ directory. Entities without a usable report are absent.
  std::optional<std::map<std::string, std::vector<ServiceLastAccessed>>> service_last_accessed;
  /// inventory.json: the resources that run as a role (privilege escalation through existing
  /// resources). nullopt when no inventory.json.
  std::optional<Inventory> inventory;
  std::vector<FileRecord> files;  ///< every known snapshot file and its status, sorted by path
  std::vector<UnresolvedPolicy> unresolved_policies;
  std::vector<std::string> warnings;  ///< non-fatal oddities (unparsable dates, duplicates, ...)

  /// Builds the indexes; called by the loaders after filling the vectors.
  void build_indexes();

  const User* find_user(std::string_view name_arn_or_id) const;
  const Role* find_role(std::string_view name_arn_or_id) const;
  const Group* find_group(std::string_view name_arn_or_id) const;
  /// A managed policy by ARN, id or (customer-managed first) name.
  const ManagedPolicy* find_policy(std::string_view arn_id_or_name) const;
  /// The Access Advisor report of an entity (ARN, or a user, role or group name or id); nullptr
  /// when not collected for it.
  const std::vector<ServiceLastAccessed>* find_service_last_accessed(std::string_view arn_name_or_id) const;
  /// The status of one snapshot file (kMissing when the record has no entry).
  FileStatus file_status(std::string_view path) const;

 private:
  /// By ARN, id and name (views into the entities' own strings).
  struct Index {
    std::unordered_map<std::string_view, uint32_t> arn, id, name;
  };
  Index users_, groups_, roles_, policies_;
};

}  // namespace iamwarden::snapshot
