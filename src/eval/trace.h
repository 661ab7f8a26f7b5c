// The explanation of a decision: every statement consulted and why it applied or not.
#pragma once

#include <string>
#include <vector>

#include "policy/document.h"

namespace iamwarden::eval {

/// One statement as it was evaluated.
struct StatementTrace {
  std::string policy;  ///< policy name ("identity[0]", "scp level 2 [0]")
  std::string layer;   ///< "identity", "resource", "scp", ...
  std::string statement;  ///< Sid or #index
  std::string pointer;    ///< JSON pointer of the statement
  policy::Effect effect = policy::Effect::kAllow;
  bool applied = false;
  std::string reason;     ///< why it applied or did not (action, resource, principal, condition)
};

/// The whole explanation; filled only when the caller asks for it.
struct Trace {
  /// False: only notes and missing keys are collected (no per-statement text), for callers that
  /// want AWS's "missing context values" without paying for the full explanation.
  bool record_statements = true;
  std::vector<StatementTrace> statements;
  std::vector<std::string> notes;          ///< layers skipped and why (e.g. SCPs for the management account)
  /// Condition keys of the statements that match the request's action, resource and principal, in
  /// every layer that applies, absent from the context (AWS's MissingContextValues); first spelling.
  std::vector<std::string> missing_keys;
  std::vector<std::string> derived_keys;   ///< keys filled in from the principal (flag form only)
};

}  // namespace iamwarden::eval
