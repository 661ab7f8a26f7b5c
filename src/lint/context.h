// What a lint rule sees: the located JSON, the parsed policy, the catalog, and a way to report.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/json.h"
#include "catalog/catalog.h"
#include "lint/finding.h"
#include "policy/parser.h"

namespace iamwarden::lint {

/// One policy being linted. Rules read it and call report(); caches are per policy.
class LintContext {
 public:
  /// node is the policy object found at pointer within doc; catalog may be null (catalog rules then skip).
  LintContext(const JsonDocument& doc, const JsonNode& node, std::string pointer, const policy::ParsedPolicy& parsed,
              const catalog::Catalog* catalog, std::vector<Finding>& out);

  const JsonDocument& doc() const { return doc_; }
  const JsonNode& node() const { return node_; }
  const std::string& pointer() const { return pointer_; }
  const policy::ParsedPolicy& parsed() const { return parsed_; }
  const policy::Policy& policy() const { return parsed_.policy; }
  policy::PolicyKind kind() const { return parsed_.policy.kind; }
  const catalog::Catalog* catalog() const { return catalog_; }
  /// True when linting an AWS-managed policy (customer quotas do not apply).
  bool aws_managed() const { return aws_managed_; }
  void set_aws_managed(bool value) { aws_managed_ = value; }
  /// The resource type a resource policy is attached to ("AWS::S3::Bucket"), "" when unknown.
  const std::string& resource_type() const { return resource_type_; }
  void set_resource_type(std::string type) { resource_type_ = std::move(type); }
  /// Resource ARN patterns the configuration calls sensitive ([lint] sensitive_resources).
  const std::vector<std::string>& sensitive_resources() const { return *sensitive_resources_; }
  void set_sensitive_resources(const std::vector<std::string>* patterns) {
    sensitive_resources_ = patterns ? patterns : &kNone;
  }
  /// The kind was decided from mixed evidence (some statements name a Principal, some do not):
  /// findings that only a wrong guess would cause must not be errors.
  bool kind_mixed() const { return kind_mixed_; }
  void set_kind_mixed(bool value) { kind_mixed_ = value; }

  /// Reports code at a byte offset; severity comes from the code's metadata and the hint defaults to it.
  void report(std::string_view code, uint32_t offset, std::string pointer, std::string message, std::string hint = {});

  /// Reports code at an already computed location.
  void report_at(std::string_view code, SourceLoc loc, std::string message, std::string hint = {});

  /// The JSON object of a statement.
  const JsonNode& statement_node(const policy::Statement& st) const;
  /// "Action" or "NotAction" (as written), likewise for resources and principals.
  std::string_view action_element(const policy::Statement& st) const;
  std::string_view resource_element(const policy::Statement& st) const;
  std::string_view principal_element(const policy::Statement& st) const;
  /// Pointer of item i of an element of a statement (".../Action/2", or ".../Action" for a single string).
  std::string item_pointer(const policy::Statement& st, std::string_view element, size_t i) const;
  /// Pointer of a condition clause (".../Condition/StringEquals/aws:SourceIp").
  std::string clause_pointer(const policy::Statement& st, const policy::ConditionClause& clause) const;
  /// Pointer of value i of a clause.
  std::string value_pointer(const policy::Statement& st, const policy::ConditionClause& clause, size_t i) const;

  /// Catalog indices of the actions a statement covers: its expanded Action, or everything its NotAction
  /// does not name. Empty without a catalog. Cached per statement.
  const std::vector<uint32_t>& statement_actions(const policy::Statement& st);

 private:
  const JsonDocument& doc_;
  const JsonNode& node_;
  std::string pointer_;
  const policy::ParsedPolicy& parsed_;
  const catalog::Catalog* catalog_;
  std::vector<Finding>& out_;
  bool aws_managed_ = false;
  static inline const std::vector<std::string> kNone;
  const std::vector<std::string>* sensitive_resources_ = &kNone;
  bool kind_mixed_ = false;
  std::string resource_type_;
  std::vector<const JsonNode*> statement_nodes_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> actions_cache_;
};

}  // namespace iamwarden::lint
