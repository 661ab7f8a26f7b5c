// Deciding a case: caller restrictions (data/caller-restrictions.json) before the policies, in
// single answers, reports and batches.
#include "simulate/decide.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "simulate/batch.h"
#include "simulate/report.h"

namespace iamwarden::simulate {
namespace {

const catalog::CallerRestrictions& restrictions() {
  static const catalog::CallerRestrictions instance = [] {
    Result<catalog::CallerRestrictions> loaded = catalog::load_caller_restrictions();
    EXPECT_TRUE(loaded.ok());
    return loaded.ok() ? loaded.take() : catalog::CallerRestrictions{};
  }();
  return instance;
}

// A case whose identity policy allows everything: only a restriction can deny it.
SimulationCase admin_case(const std::string& principal, const std::string& action) {
  static std::vector<JsonDocument> keep;
  Result<JsonDocument> doc = parse_json(R"({"request":{"principal":")" + principal + R"(","action":")" + action +
                                            R"(","resource":"*"},"policies":{"identity":{"Version":"2012-10-17",
      "Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}}})",
                                        "case.json");
  EXPECT_TRUE(doc.ok());
  keep.push_back(doc.take());
  SimulationCase c;
  std::vector<Error> errors;
  EXPECT_TRUE(load_case(keep.back(), c, errors)) << (errors.empty() ? "" : errors.front().format());
  return c;
}

constexpr const char* kSession = "arn:aws:sts::111111111111:assumed-role/Dev/s1";
constexpr const char* kUser = "arn:aws:iam::111111111111:user/alice";

TEST(DecideTest, RoleSessionCannotGetASessionToken) {
  SimulationCase c = admin_case(kSession, "sts:GetSessionToken");
  eval::Trace trace;
  Answer answer = decide(c, &restrictions(), &trace);
  EXPECT_EQ(answer.outcome.decision, eval::Decision::kImplicitDeny);
  EXPECT_EQ(answer.outcome.layer, "caller");
  EXPECT_EQ(answer.reason().rfind("implicit deny: sts:GetSessionToken cannot be called by a role session: it needs "
                                  "the long-term credentials of an IAM user or the root user",
                                  0),
            0u)
      << answer.reason();
  EXPECT_NE(answer.reason().find("(data/caller-restrictions.json)"), std::string::npos);
  ASSERT_EQ(trace.notes.size(), 1u);
  EXPECT_EQ("implicit deny: " + trace.notes.front(), answer.reason());
  EXPECT_TRUE(trace.statements.empty());  // refused before any policy

  const std::string text = format_text(c, answer, trace, false);
  EXPECT_EQ(text, "ImplicitDeny\n  " + answer.reason() + "\n");
  const std::string json = format_json(c, answer, trace);
  EXPECT_NE(json.find("\"decision\":\"ImplicitDeny\",\"reason\":\"implicit deny: sts:GetSessionToken cannot be called "
                      "by a role session: "),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"decidedBy\":{\"layer\":\"caller\"}"), std::string::npos) << json;
}

TEST(DecideTest, IamUserIsEvaluatedNormally) {
  SimulationCase token = admin_case(kUser, "sts:GetSessionToken");
  Answer answer = decide(token, &restrictions(), nullptr);
  EXPECT_TRUE(answer.refusal.empty());
  EXPECT_EQ(answer.outcome.decision, eval::Decision::kAllowed);
  EXPECT_EQ(answer.outcome.rule, eval::Rule::kUngatedAction);
  EXPECT_EQ(answer.reason(), answer.outcome.describe());

  SimulationCase password = admin_case(kUser, "iam:ChangePassword");
  answer = decide(password, &restrictions(), nullptr);
  EXPECT_EQ(answer.outcome.decision, eval::Decision::kAllowed);
  EXPECT_EQ(answer.outcome.rule, eval::Rule::kIdentityAllow);
  // The same request with no policy: the evaluator's implicit deny, not the restriction's.
  password.set.identity.clear();
  answer = decide(password, &restrictions(), nullptr);
  EXPECT_EQ(answer.outcome.decision, eval::Decision::kImplicitDeny);
  EXPECT_EQ(answer.outcome.rule, eval::Rule::kNoAllow);
  EXPECT_TRUE(answer.refusal.empty());
}

TEST(DecideTest, OtherRestrictedCallersAndNoData) {
  EXPECT_EQ(decide(admin_case(kSession, "iam:changepassword"), &restrictions(), nullptr).outcome.decision,
            eval::Decision::kImplicitDeny);
  EXPECT_FALSE(decide(admin_case("arn:aws:iam::111111111111:root", "iam:ChangePassword"), &restrictions(), nullptr)
                   .refusal.empty());
  EXPECT_TRUE(decide(admin_case("arn:aws:iam::111111111111:root", "sts:GetFederationToken"), &restrictions(), nullptr)
                  .refusal.empty());
  EXPECT_FALSE(decide(admin_case("arn:aws:sts::111111111111:federated-user/bob", "sts:GetFederationToken"),
                      &restrictions(), nullptr)
                   .refusal.empty());
  // Without the data, only the policies decide.
  EXPECT_EQ(decide(admin_case(kSession, "sts:GetSessionToken"), nullptr, nullptr).outcome.decision,
            eval::Decision::kAllowed);
}

TEST(DecideTest, CaseNotesOpenTheTrace) {
  SimulationCase c = admin_case(kUser, "s3:GetObject");
  c.notes.push_back("resource policy: from somewhere");
  eval::Trace trace;
  decide(c, &restrictions(), &trace);
  ASSERT_FALSE(trace.notes.empty());
  EXPECT_EQ(trace.notes.front(), "resource policy: from somewhere");
}

TEST(DecideTest, BatchAppliesTheRestrictions) {
  std::filesystem::path file = std::filesystem::temp_directory_path() / "iamwarden_decide_batch_test.jsonl";
  {
    std::ofstream out(file);
    out << R"({"name":"session","request":{"principal":")" << kSession
        << R"(","action":"sts:GetSessionToken"},"expect":"ImplicitDeny"})" << "\n";
    out << R"({"name":"user","request":{"principal":")" << kUser
        << R"(","action":"sts:GetSessionToken"},"expect":"Allowed"})" << "\n";
  }
  BatchOptions options;
  options.threads = 1;
  options.restrictions = &restrictions();
  Result<BatchResult> result = run_batch(file.string(), options);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->lines.size(), 2u);
  EXPECT_EQ(result->lines[0].decision, "ImplicitDeny");
  EXPECT_EQ(result->lines[1].decision, "Allowed");
  EXPECT_EQ(result->failed, 0u);
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace iamwarden::simulate
