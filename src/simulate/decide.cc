// Caller restrictions, then the evaluator.
#include "simulate/decide.h"

namespace iamwarden::simulate {

std::string Answer::reason() const { return refusal.empty() ? outcome.describe() : "implicit deny: " + refusal; }

const catalog::CallerRestriction* refusing_restriction(const eval::Request& request,
                                                       const catalog::CallerRestrictions* restrictions) {
  if (!restrictions) return nullptr;
  const catalog::CallerRestriction* r = restrictions->find(request.action);
  return r && !catalog::caller_allowed(*r, request.caller.kind) ? r : nullptr;
}

Answer decide(const SimulationCase& c, const catalog::CallerRestrictions* restrictions, eval::Trace* trace) {
  if (trace) trace->notes.insert(trace->notes.begin(), c.notes.begin(), c.notes.end());
  Answer answer;
  if (const catalog::CallerRestriction* r = refusing_restriction(c.request, restrictions)) {
    answer.refusal = catalog::caller_refusal(*r, c.request.caller.kind);
    answer.outcome.decision = eval::Decision::kImplicitDeny;
    answer.outcome.layer = "caller";
    if (trace) trace->notes.push_back(answer.refusal);
    return answer;
  }
  answer.outcome = eval::evaluate(c.request, c.set, trace);
  return answer;
}

}  // namespace iamwarden::simulate
