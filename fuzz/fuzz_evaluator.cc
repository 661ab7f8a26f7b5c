// Fuzzes the evaluator: the input is a whole request file (random request against random policies),
// evaluated with and without a trace.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/json.h"
#include "eval/evaluator.h"
#include "simulate/report.h"
#include "simulate/simulation_case.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  iamwarden::Result<iamwarden::JsonDocument> doc =
      iamwarden::parse_json(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  if (!doc) return 0;
  iamwarden::simulate::SimulationCase c;
  std::vector<iamwarden::Error> errors;
  if (!iamwarden::simulate::load_case(*doc, c, errors)) return 0;
  iamwarden::eval::Outcome fast = iamwarden::eval::evaluate(c.request, c.set);
  iamwarden::eval::Trace trace;
  iamwarden::eval::Outcome traced = iamwarden::eval::evaluate(c.request, c.set, &trace);
  // The trace must never change the decision.
  if (fast.decision != traced.decision) __builtin_trap();
  const iamwarden::simulate::Answer answer{traced, {}};
  (void)iamwarden::simulate::format_json(c, answer, trace);
  (void)iamwarden::simulate::format_text(c, answer, trace, true);
  return 0;
}
