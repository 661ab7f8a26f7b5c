// Helpers for evaluator tests: build a request file in JSON and decide it.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/json.h"
#include "eval/evaluator.h"
#include "simulate/simulation_case.h"

namespace iamwarden::eval::testing {

inline constexpr const char* kUser = "arn:aws:iam::111111111111:user/alice";
inline constexpr const char* kSession = "arn:aws:sts::111111111111:assumed-role/Dev/s1";
inline constexpr const char* kRole = "arn:aws:iam::111111111111:role/team/Dev";

/// A 2012-10-17 policy document around the given statements.
inline std::string doc(const std::string& statements) {
  return R"({"Version":"2012-10-17","Statement":[)" + statements + "]}";
}

/// Decides a whole request file given as JSON text; fails the test if it does not load.
inline Decision decide_file(const std::string& json) {
  Result<JsonDocument> parsed = parse_json(json, "test.json");
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().format());
  if (!parsed.ok()) return Decision::kImplicitDeny;
  simulate::SimulationCase c;
  std::vector<Error> errors;
  bool loaded = simulate::load_case(*parsed, c, errors);
  EXPECT_TRUE(loaded) << (errors.empty() ? "" : errors.front().format());
  if (!loaded) return Decision::kImplicitDeny;
  Decision fast = evaluate(c.request, c.set).decision;
  Trace trace;
  EXPECT_EQ(evaluate(c.request, c.set, &trace).decision, fast) << "tracing changed the decision";
  return fast;
}

/// Decides principal/action/resource/context against the given "policies" object body.
inline Decision decide(const std::string& principal, const std::string& action, const std::string& resource,
                       const std::string& policies, const std::string& context = "{}",
                       const std::string& extra_request = "") {
  return decide_file(R"({"request":{"principal":")" + principal + R"(","action":")" + action + R"(","resource":")" +
                     resource + R"(","context":)" + context + extra_request + R"(},"policies":{)" + policies + "}}");
}

/// A condition test: identity Allow s3:GetObject on * with the given Condition block.
inline bool condition(const std::string& block, const std::string& context) {
  std::string policies = R"("identity":[)" +
                         doc(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":)" + block + "}") +
                         "]";
  return decide(kUser, "s3:GetObject", "arn:aws:s3:::b/k", policies, context) == Decision::kAllowed;
}

}  // namespace iamwarden::eval::testing
