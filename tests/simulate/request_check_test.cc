// Request checks: unknown actions and condition keys with suggestions, values of the wrong type, locations.
#include "simulate/request_check.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "simulate/simulation_case.h"

namespace iamwarden::simulate {
namespace {

const catalog::Catalog& catalog() {
  static const catalog::Catalog instance = [] {
    Result<catalog::Catalog> loaded = catalog::load_catalog();
    EXPECT_TRUE(loaded.ok());
    return loaded.take();
  }();
  return instance;
}

std::vector<std::string> messages(const std::vector<Error>& warnings) {
  std::vector<std::string> out;
  for (const Error& w : warnings) out.push_back(w.format());
  return out;
}

// Loads a request file and checks its request; the warnings formatted with their locations.
std::vector<std::string> check_file(const std::string& request) {
  Result<JsonDocument> doc = parse_json(R"({"request":)" + request + "}", "r.json");
  EXPECT_TRUE(doc.ok());
  SimulationCase c;
  std::vector<Error> errors;
  EXPECT_TRUE(load_case(*doc, c, errors)) << (errors.empty() ? "" : errors.front().format());
  std::vector<Error> warnings = check_request(c.request, catalog(), &*doc);
  for (Error& w : warnings) w.hint.clear();
  return messages(warnings);
}

TEST(RequestCheck, KnownRequestHasNoWarnings) {
  EXPECT_TRUE(check_file(R"({"principal":"arn:aws:iam::1:user/a","action":"s3:GetObject","resource":"*",
      "context":{"aws:MultiFactorAuthPresent":"true","aws:MultiFactorAuthAge":"30","aws:SourceIp":"203.0.113.9",
                 "aws:TagKeys":["a"],"aws:PrincipalTag/team":"x","s3:prefix":"home/","accounts.google.com:aud":"x",
                 "aws:CurrentTime":"2026-01-01T00:00:00Z","aws:SourceArn":"arn:aws:sns:eu-west-1:1:t"}})")
                  .empty());
}

TEST(RequestCheck, UnknownActionAndServiceWithSuggestions) {
  EXPECT_EQ(check_file(R"({"principal":"arn:aws:iam::1:user/a","action":"ec2:TerminateInstance"})"),
            (std::vector<std::string>{"r.json:1:58: unknown action \"ec2:TerminateInstance\"; did you mean "
                                      "\"ec2:TerminateInstances\"? (at /request/action)"}));
  EXPECT_EQ(check_file(R"({"principal":"arn:aws:iam::1:user/a","action":"ec3:RunInstances"})"),
            (std::vector<std::string>{"r.json:1:58: unknown service \"ec3\" in action \"ec3:RunInstances\"; did you "
                                      "mean \"ec2\"? (at /request/action)"}));
}

TEST(RequestCheck, UnknownKeysAndWrongTypes) {
  std::vector<std::string> found = check_file(R"({"principal":"arn:aws:iam::1:user/a","action":"s3:GetObject",
"context":{"aws:MultiFactorAuthPresnt":"true","aws:MultiFactorAuthAge":"abc","aws:TagKeys":"a","aws:SourceIp":["1.2.3.4"],
"aws:MultiFactorAuthPresent":"yes"}})");
  EXPECT_EQ(found, (std::vector<std::string>{
                       "r.json:2:12: unknown condition key \"aws:MultiFactorAuthPresnt\"; did you mean "
                       "\"aws:MultiFactorAuthPresent\"? (at /request/context/aws:MultiFactorAuthPresnt)",
                       "r.json:2:47: \"aws:MultiFactorAuthAge\" is a Numeric key, but \"abc\" is not a number "
                       "(at /request/context/aws:MultiFactorAuthAge)",
                       "r.json:2:78: \"aws:TagKeys\" is multivalued (ArrayOfString), but the request gives one value "
                       "(at /request/context/aws:TagKeys)",
                       "r.json:2:96: \"aws:SourceIp\" holds one value (IPAddress), but the request gives a list "
                       "(at /request/context/aws:SourceIp)",
                       "r.json:3:1: \"aws:MultiFactorAuthPresent\" is a Bool key, but \"yes\" is not true or false "
                       "(at /request/context/aws:MultiFactorAuthPresent)"}));
}

TEST(RequestCheck, WithoutADocumentThereIsNoLocation) {
  Result<eval::Caller> caller = eval::parse_caller("arn:aws:iam::1:user/a");
  eval::Context ctx;
  ASSERT_TRUE(ctx.set("aws:MultiFactorAuthAge", "abc").ok());
  Result<eval::Request> request = eval::make_request(caller.take(), "s3:GetObject", "*", "", std::move(ctx));
  ASSERT_TRUE(request.ok());
  std::vector<Error> warnings = check_request(*request, catalog());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].loc.file, "");
  EXPECT_EQ(warnings[0].message, "\"aws:MultiFactorAuthAge\" is a Numeric key, but \"abc\" is not a number");
}

}  // namespace
}  // namespace iamwarden::simulate
