// A simulation case: the request file format of `iamwarden simulate` (docs/request-format.md).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "eval/evaluator.h"

namespace iamwarden::simulate {

/// What a case expects: a decision, or that the input is refused ("Error").
struct Expectation {
  bool error = false;
  eval::Decision decision = eval::Decision::kImplicitDeny;
  std::string text;  ///< as written
};

/// A loaded case: the request, the compiled policies it owns, and the set pointing into them.
struct SimulationCase {
  std::string file;
  std::string name;
  eval::Request request;
  std::vector<std::unique_ptr<eval::CompiledPolicy>> policies;
  eval::PolicySet set;
  std::optional<Expectation> expect;
  std::vector<Error> warnings;  ///< ignored fields and policy warnings
  std::vector<std::string> notes;  ///< how the case was built (a trust policy taken from a snapshot), for the trace

  SimulationCase() = default;
  SimulationCase(const SimulationCase&) = delete;
  SimulationCase& operator=(const SimulationCase&) = delete;
  SimulationCase(SimulationCase&&) = default;
  SimulationCase& operator=(SimulationCase&&) = default;
};

/// Loads a case from a parsed document. On failure returns false with every error found.
bool load_case(const JsonDocument& doc, SimulationCase& out, std::vector<Error>& errors);

/// Reads the "expect" and "name" members even when the rest fails to load (for batch reports).
void peek_case_header(const JsonDocument& doc, std::string& name, std::optional<Expectation>& expect);

/// Parses "Allowed", "ExplicitDeny", "ImplicitDeny" or "Error".
std::optional<Expectation> parse_expectation(std::string_view text);

/// Compiles one policy document of a given kind into the case, recording errors.
const eval::CompiledPolicy* add_policy(SimulationCase& c, const JsonDocument& doc, const JsonNode& node,
                                       const std::string& pointer, policy::PolicyKind kind, std::vector<Error>& errors);

/// True for the actions a role's trust policy decides (sts:AssumeRole, sts:AssumeRoleWithSAML,
/// sts:AssumeRoleWithWebIdentity, sts:TagSession, sts:SetSourceIdentity; any case) on a role ARN.
bool decided_by_trust_policy(std::string_view action, std::string_view resource);

/// The kind the resource policy has for this action and resource: a role trust policy when
/// decided_by_trust_policy, else a resource-based policy.
policy::PolicyKind resource_policy_kind(std::string_view action, std::string_view resource);

}  // namespace iamwarden::simulate
