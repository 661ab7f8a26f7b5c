// Pieces of the evaluator shared between its files (not part of the public API).
#pragma once

#include <cstdint>
#include <string>

#include "eval/compiled_policy.h"
#include "eval/request.h"

namespace iamwarden::eval::detail {

/// True when one (operator, key) clause holds for the context (spec §4.3).
bool condition_holds(const CompiledCondition& condition, const Context& context);

/// Appends a readable account of a clause and the request's values for it.
void describe_condition(const CompiledCondition& condition, const Context& context, bool holds, std::string& out);

/// How a caller matched a Principal list (spec §5.2): a bit set of these classes.
enum PrincipalClass : uint8_t {
  kClassWildcard = 1,       ///< "*" or NotPrincipal that excludes the caller not
  kClassAccount = 2,        ///< the caller's account
  kClassDirect = 4,         ///< the caller's own ARN (user, session, federated user, service)
  kClassRoleOfSession = 8,  ///< the role behind the caller's session
  kClassUserOfFederatedSession = 16,
};

/// Classes by which the statement's Principal/NotPrincipal covers the caller (0 = does not apply).
/// caller_has_boundary: a Deny+NotPrincipal statement always applies to such callers [PB].
uint8_t principal_classes(const CompiledStatement& statement, const Caller& caller, bool caller_has_boundary,
                          bool strict_not_principal_chain);

}  // namespace iamwarden::eval::detail
