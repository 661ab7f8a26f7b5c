// What an audit check is: its metadata, the findings it reports, and the context it reads.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "audit/config.h"
#include "snapshot/account.h"

namespace iamwarden::catalog {
class Catalog;
}
namespace iamwarden::escalation {
struct Graph;
}

namespace iamwarden::audit {

class PolicyAnalysis;

/// Outcome of a check for one resource.
enum class Status : uint8_t {
  kPass,
  kFail,
  kNotEvaluated,  ///< the input it needs is missing; the message names the snapshot file
  kMuted,         ///< a FAIL suppressed by the configuration (the reason is kept)
};

/// "PASS", "FAIL", "NOT_EVALUATED", "MUTED".
std::string_view status_name(Status status);
/// Parses a status name (as status_name writes it); nullopt when unknown.
std::optional<Status> parse_status(std::string_view name);

/// Metadata of a check: everything a report says about it besides the per-resource result.
struct CheckMeta {
  std::string_view id;             ///< stable snake_case <service>_<subject>_<expected_state>; == file stem
  std::string_view title;          ///< one line, states the good state ("Root user has MFA enabled")
  Severity severity = Severity::kMedium;
  std::string_view service;        ///< "iam", "cloudtrail", "accessanalyzer", "organizations"
  std::string_view resource_type;  ///< AWS Security Hub resource type: "AwsAccount", "AwsIamUser", ...
  std::string_view description;    ///< what the check verifies, precisely
  std::string_view risk;           ///< why a FAIL matters
  std::string_view remediation;    ///< how to fix it, in words
  std::string_view remediation_cli;        ///< an AWS CLI command (placeholders in <angle brackets>)
  std::string_view remediation_terraform;  ///< a Terraform snippet
  std::vector<std::string_view> references;  ///< documentation URLs
  std::vector<std::string_view> inputs;      ///< snapshot files it reads ("credential-report.csv")
  /// Framework parameters it honours (audit/parameters.h): a requirement runs it with its values.
  std::vector<std::string_view> parameters = {};
};

/// One result of one check for one resource.
struct Finding {
  const CheckMeta* check = nullptr;
  Status status = Status::kPass;
  Severity severity = Severity::kMedium;  ///< the check's, or the configured override
  std::string resource;       ///< ARN (or the account id / region for account-level results)
  std::string resource_name;  ///< short name for tables ("alice", "<root_account>", "eu-west-1")
  std::string message;        ///< why it passes or fails, with the values that decided
  std::vector<std::string> evidence;  ///< supporting lines (statements, dates, policy names)
  std::string mute_reason;    ///< MUTED: the suppression's reason
  snapshot::Origin origin;    ///< where in the snapshot the resource is (file, pointer, line)
};

/// Everything a check may read. Immutable; shared by checks running in parallel.
struct CheckContext {
  const snapshot::Account& account;
  const AuditConfig& config;
  int64_t now = 0;                               ///< seconds since the epoch ("today" for age limits)
  const catalog::Catalog* catalog = nullptr;     ///< nullptr: policy checks are not evaluated
  const PolicyAnalysis* policies = nullptr;      ///< engine-based facts about every policy (lib_policies.h)
  const escalation::Graph* escalation = nullptr;  ///< every principal's path to administrator (nullptr: not computed)

  /// Whole days between a point in time and now (negative in the future).
  int64_t days_since(int64_t unix_seconds) const { return (now - unix_seconds) / 86400; }
};

/// Where a check writes its results; each call adds one finding and returns it for extra detail.
class FindingSink {
 public:
  FindingSink(const CheckMeta& meta, std::vector<Finding>& out) : meta_(meta), out_(out) {}

  Finding& pass(std::string resource, std::string message) { return add(Status::kPass, resource, message); }
  Finding& fail(std::string resource, std::string message) { return add(Status::kFail, resource, message); }
  /// The check could not run for this resource; the message names the missing snapshot input.
  Finding& not_evaluated(std::string resource, std::string message) {
    return add(Status::kNotEvaluated, resource, message);
  }
  /// Number of findings this sink has added.
  size_t count() const { return count_; }

 private:
  Finding& add(Status status, std::string& resource, std::string& message);

  const CheckMeta& meta_;
  std::vector<Finding>& out_;
  size_t count_ = 0;
};

/// A check function: reads the context, reports one finding per resource it examines.
using CheckFunction = void (*)(const CheckContext& context, FindingSink& out);

/// A registered check.
struct Check {
  const CheckMeta* meta = nullptr;
  CheckFunction run = nullptr;
  std::string file;  ///< source file that registered it (its stem must equal the id)
};

/// Adds a check; called by IAMWARDEN_REGISTER_CHECK from the check's own file.
bool register_check(const CheckMeta& meta, CheckFunction run, const char* registering_file);

/// All registered checks, sorted by id.
std::span<const Check> all_checks();

/// A check by id, or nullptr.
const Check* find_check(std::string_view id);

}  // namespace iamwarden::audit

/// Registers the check defined in the current file, src/audit/checks/<id>.cc.
#define IAMWARDEN_REGISTER_CHECK(meta, run)                        \
  [[maybe_unused]] static const bool iamwarden_check_registered = \
      ::iamwarden::audit::register_check(meta, run, __builtin_FILE())
