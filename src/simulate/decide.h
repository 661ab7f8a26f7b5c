// Deciding a case: the caller restrictions of data/caller-restrictions.json first (a role session
// cannot call sts:GetSessionToken, whatever the policies say), then the policy evaluator.
#pragma once

#include <string>

#include "catalog/caller_restrictions.h"
#include "eval/evaluator.h"
#include "simulate/simulation_case.h"

namespace iamwarden::simulate {

/// The decision of a case and why.
struct Answer {
  eval::Outcome outcome;  ///< an implicit deny with layer "caller" when refused
  std::string refusal;    ///< set when the caller's kind cannot call the action (caller_refusal's sentence)

  /// "implicit deny: sts:GetSessionToken cannot be called by a role session: ...", else outcome.describe().
  std::string reason() const;
};

/// The restriction that refuses this request's caller, or nullptr (none listed, or the kind may call it).
const catalog::CallerRestriction* refusing_restriction(const eval::Request& request,
                                                       const catalog::CallerRestrictions* restrictions);

/// Decides the case. The case's notes open the trace's notes; a refusal is a note too, and then no
/// policy is consulted (AWS refuses the call before evaluating policies).
Answer decide(const SimulationCase& c, const catalog::CallerRestrictions* restrictions, eval::Trace* trace);

}  // namespace iamwarden::simulate
