// Linting one policy, or one input text in any of the accepted shapes, with every registered rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/json.h"
#include "catalog/catalog.h"
#include "lint/finding.h"
#include "policy/document.h"

namespace iamwarden::lint {

/// What to lint against.
struct LintOptions {
  /// The kind to lint as; nullopt decides it per document (the wrapper it came in, else its statements).
  std::optional<policy::PolicyKind> kind = std::nullopt;
  const catalog::Catalog* catalog = nullptr;  ///< null skips the catalog checks
  bool aws_managed = false;  ///< an AWS-managed policy: customer size quotas do not apply
  std::vector<std::string> sensitive_resources;
  /// The resource a resource policy is attached to (--resource-type, "AWS::S3::Bucket"); "" takes it from a
  /// CloudFormation wrapper when there is one.
  std::string resource_type;  ///< ARN patterns whose access is reported ([lint] in iamwarden.toml)
};

/// The outcome for one input: its findings (sorted by position), notes, or why it could not be read.
struct LintResult {
  std::string file;
  policy::PolicyKind kind = policy::PolicyKind::kIdentity;  ///< what it was linted as
  bool kind_given = false;  ///< --type said so (else decided: see kind_why)
  std::string kind_why;     ///< the evidence for a decided kind ("its statements name a Principal")
  bool kind_mixed = false;  ///< decided from evidence pointing both ways
  std::vector<Finding> findings;
  std::vector<std::string> notes;  ///< e.g. "this looks like a trust policy; lint it with --type trust"
  std::optional<Error> input_error;  ///< unreadable or not JSON (also reported as a finding)
  std::string source;  ///< the text the findings' line:column refer to (for quoting source lines)
  /// Valid JSON that is no policy: not an object, or an object with no Version, Statement or Id and no known
  /// wrapper (an SDK model, a log). Still linted; a directory walk skips such files with a note.
  bool not_a_policy = false;
};

/// Runs every rule over the policy object `node` found at `pointer` in `doc`, linted as `kind`.
std::vector<Finding> lint_policy(const JsonDocument& doc, const JsonNode& node, const std::string& pointer,
                                 policy::PolicyKind kind, const LintOptions& options, bool kind_mixed = false,
                                 std::string resource_type = {});

/// Parses text (a policy in any accepted shape) and lints it.
LintResult lint_text(std::string text, std::string file, const LintOptions& options);

}  // namespace iamwarden::lint
