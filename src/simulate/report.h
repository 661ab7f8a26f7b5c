// Rendering a decision and its trace for people (text) and machines (JSON).
#pragma once

#include <string>

#include "eval/evaluator.h"
#include "simulate/simulation_case.h"

namespace iamwarden::simulate {

/// The decision on the first line, then the deciding rule; with trace, every statement consulted.
std::string format_text(const SimulationCase& c, const eval::Outcome& outcome, const eval::Trace* trace);

/// {"decision", "reason", "rule": {...}, "trace": {...}} on one line.
std::string format_json(const SimulationCase& c, const eval::Outcome& outcome, const eval::Trace* trace);

}  // namespace iamwarden::simulate
