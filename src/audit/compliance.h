// Compliance frameworks as data (data/compliance/*.json): requirements mapped to check ids, and
// their status computed from the findings of an audit.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "audit/check.h"
#include "base/result.h"

namespace iamwarden::audit {

/// One requirement of a framework (a CIS control, an AWS Config rule, a checklist item).
struct Requirement {
  std::string id;       ///< "2.5", "iam-password-policy", "root-mfa"
  std::string title;
  std::string section;  ///< "Identity and Access Management"; may be empty
  std::string description;
  std::vector<std::string> checks;  ///< check ids; empty for manual requirements
  bool manual = false;              ///< "assessment": "manual"
  /// The framework's parameters (name, value): the checks run with those they honour
  /// (audit/parameters.h); the others are informational (manual requirements only).
  std::vector<std::pair<std::string, std::string>> parameters;
};

/// A framework: CIS AWS Foundations v7.0, AWS Config rules, iamwarden's checklist, ...
struct Framework {
  std::string id;       ///< the file stem: "cis-7.0", "aws-config", "iam-best-practices"
  std::string name;     ///< "CIS AWS Foundations Benchmark"
  std::string version;  ///< "7.0.0"
  std::string description;
  std::vector<Requirement> requirements;
};

/// Parses one framework file ({framework, version, description, requirements: [...]}).
Result<Framework> parse_framework(std::string_view json, const std::string& file, std::string id);

/// The frameworks embedded in the binary (or read from data_dir/compliance/*.json), sorted by id.
Result<std::vector<Framework>> load_frameworks(const std::string& data_dir = "");

/// Status of a requirement in an audit.
enum class RequirementStatus : uint8_t { kPass, kFail, kNotEvaluated, kManual };

/// "PASS", "FAIL", "NOT_EVALUATED", "MANUAL".
std::string_view requirement_status_name(RequirementStatus status);

/// A requirement's outcome: FAIL if any of its checks failed, else NOT_EVALUATED if any could not
/// be evaluated (or no check produced a result), else PASS; MANUAL without checks. MUTED counts as PASS.
struct RequirementResult {
  const Requirement* requirement = nullptr;
  RequirementStatus status = RequirementStatus::kManual;
  size_t failed = 0;  ///< failing findings of its checks
  /// The parameters its checks ran with: those of the requirement that one of its checks honours.
  std::vector<std::pair<std::string, std::string>> parameters;
};

/// A framework's outcome and its score: passed / (passed + failed) automated requirements, in percent.
struct FrameworkResult {
  const Framework* framework = nullptr;
  std::vector<RequirementResult> requirements;
  size_t passed = 0, failed = 0, not_evaluated = 0, manual = 0;
  double score_percent = 0;  ///< 0 when nothing passed or failed
};

/// The findings of one check as run for one requirement (with the requirement's parameters).
using FindingsFor = std::function<std::span<const Finding>(const Requirement& requirement, std::string_view check_id)>;

/// Computes a framework's requirement statuses, each from its checks' findings for it.
FrameworkResult evaluate_framework(const Framework& framework, const FindingsFor& findings_for);

/// The same when every check ran once, with one parameter set (the findings of all checks).
FrameworkResult evaluate_framework(const Framework& framework, std::span<const Finding> findings);

/// The requirement's parameters that one of its checks honours (known parameters only).
std::vector<std::pair<std::string, std::string>> applied_parameters(const Requirement& requirement);

}  // namespace iamwarden::audit
