// Rendering a decision and its trace for people (text) and machines (JSON).
#pragma once

#include <string>
#include <vector>

#include "eval/evaluator.h"
#include "simulate/decide.h"
#include "simulate/simulation_case.h"

namespace iamwarden::simulate {

/// The decision on the first line, then the deciding rule (naming its layer), then the condition keys
/// the decision consulted that the request lacks (always); with explain, every statement consulted.
std::string format_text(const SimulationCase& c, const Answer& answer, const eval::Trace& trace, bool explain);

/// {"file", "name", "decision", "reason", "decidedBy": {...}, "missingContextValues": [...],
/// "warnings": [...], "trace": {...}} on one line (the trace only when it recorded statements).
std::string format_json(const SimulationCase& c, const Answer& answer, const eval::Trace& trace);

/// One answer of a matrix: {"action", "resource", "decision", "reason", "decidedBy", "missingContextValues",
/// "warnings"}, without the trace.
std::string format_json_answer(const eval::Request& request, const Answer& answer, const eval::Trace& trace,
                               const std::vector<Error>& warnings);

/// The JSON array of warnings, each formatted as "file:line:col: message (at /pointer)".
std::string format_json_warnings(const std::vector<Error>& warnings);

}  // namespace iamwarden::simulate
