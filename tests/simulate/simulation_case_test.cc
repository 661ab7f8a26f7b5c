// Tests for request files: shapes, located errors, expectations, and batch runs.
#include "simulate/simulation_case.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "simulate/batch.h"
#include "simulate/report.h"

namespace iamwarden::simulate {
namespace {

bool load(const std::string& text, SimulationCase& c, std::vector<Error>& errors) {
  static std::vector<JsonDocument> keep;
  Result<JsonDocument> doc = parse_json(text, "case.json");
  EXPECT_TRUE(doc.ok());
  keep.push_back(doc.take());
  return load_case(keep.back(), c, errors);
}

TEST(SimulationCaseTest, LoadsTheDocumentedFormat) {
  SimulationCase c;
  std::vector<Error> errors;
  ASSERT_TRUE(load(R"({"name":"n","request":{"principal":"arn:aws:iam::111111111111:user/alice","action":"S3:GetObject",
      "resource":"arn:aws:s3:::bucket/key","resourceAccount":"111111111111",
      "context":{"aws:SourceIp":"203.0.113.5","aws:TagKeys":["a","b"],"s3:max-keys":10}},
      "policies":{"identity":[{"Version":"2012-10-17","Statement":[]}],"scp":[[{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}],[]],
      "rcp":[[]]},"expect":"ImplicitDeny"})", c, errors)) << errors.front().format();
  EXPECT_EQ(c.name, "n");
  EXPECT_EQ(c.request.service, "s3");
  EXPECT_EQ(c.request.action_name, "getobject");
  EXPECT_EQ(c.request.caller.kind, eval::CallerKind::kUser);
  EXPECT_EQ(c.set.scp_levels.size(), 2u);
  EXPECT_TRUE(c.set.scp_levels[1].empty());
  const eval::ContextEntry* tags = c.request.context.find("aws:tagkeys");
  ASSERT_NE(tags, nullptr);
  EXPECT_TRUE(tags->is_list);
  EXPECT_EQ(c.request.context.find("s3:max-keys")->values.front(), "10");
  ASSERT_TRUE(c.expect);
  EXPECT_EQ(c.expect->decision, eval::Decision::kImplicitDeny);
}

TEST(SimulationCaseTest, ResourceAccountComesFromTheArnOrTheCaller) {
  SimulationCase a, b;
  std::vector<Error> errors;
  ASSERT_TRUE(load(R"({"request":{"principal":"arn:aws:iam::111111111111:user/a","action":"sqs:SendMessage",
      "resource":"arn:aws:sqs:us-east-1:222222222222:q"}})", a, errors));
  EXPECT_EQ(a.request.resource_account, "222222222222");
  ASSERT_TRUE(load(R"({"request":{"principal":"arn:aws:iam::111111111111:user/a","action":"s3:GetObject",
      "resource":"arn:aws:s3:::b/k"}})", b, errors));
  EXPECT_EQ(b.request.resource_account, "111111111111");
}

TEST(SimulationCaseTest, ReportsEveryErrorWithPointers) {
  SimulationCase c;
  std::vector<Error> errors;
  EXPECT_FALSE(load(R"({"request":{"principal":"arn:aws:iam::111111111111:user/a","action":"s3:GetObject","resource":"*"},
      "policies":{"identity":[{"Statement":{"Effect":"Allow","Action":"s3:*"}},{"Statement":{"Effect":"Maybe","Action":"s3:*","Resource":"*"}}],
      "identities":[]}})", c, errors));
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].loc.json_pointer, "/policies/identity/0/Statement");
  EXPECT_EQ(errors[1].loc.json_pointer, "/policies/identity/1/Statement/Effect");
  EXPECT_EQ(errors[2].message, "unknown policy set \"identities\"");
}

TEST(SimulationCaseTest, BadRequests) {
  std::vector<std::string> bad = {
      R"({"policies":{}})",
      R"({"request":{"principal":"bob","action":"s3:GetObject"}})",
      R"({"request":{"principal":"arn:aws:iam::1:user/a","action":"s3:*"}})",
      R"({"request":{"principal":"arn:aws:iam::1:user/a","action":"s3:GetObject","context":{"k":null}}})",
      R"({"request":{"principal":"arn:aws:iam::1:user/a","action":"s3:GetObject","context":{"K":"a","k":"b"}}})",
      R"({"request":{"principal":"arn:aws:iam::1:user/a","action":"s3:GetObject","Resource":"*"}})",
      R"({"request":{"principal":"arn:aws:iam::1:user/a","action":"s3:GetObject"},"expect":"Allow"})",
      R"({"request":{"principal":"arn:aws:iam::1:user/a","action":"s3:GetObject"},"policies":{"scp":[[],[],[],[],[],[],[],[],[]]}})",
  };
  for (const std::string& text : bad) {
    SimulationCase c;
    std::vector<Error> errors;
    EXPECT_FALSE(load(text, c, errors)) << text;
    EXPECT_FALSE(errors.empty()) << text;
  }
}

TEST(SimulationCaseTest, CallerKinds) {
  struct Case { const char* principal; eval::CallerKind kind; };
  for (const Case& c : {Case{"111111111111", eval::CallerKind::kRoot},
                        Case{"arn:aws:iam::111111111111:root", eval::CallerKind::kRoot},
                        Case{"arn:aws:iam::111111111111:user/a/b", eval::CallerKind::kUser},
                        Case{"arn:aws:iam::111111111111:role/Dev", eval::CallerKind::kRoleSession},
                        Case{"arn:aws:sts::111111111111:assumed-role/Dev/s", eval::CallerKind::kRoleSession},
                        Case{"arn:aws:sts::111111111111:federated-user/x", eval::CallerKind::kFederatedUser},
                        Case{"s3.amazonaws.com", eval::CallerKind::kServicePrincipal},
                        Case{"accounts.google.com", eval::CallerKind::kWebIdentity},
                        Case{"anonymous", eval::CallerKind::kAnonymous}, Case{"*", eval::CallerKind::kAnonymous}}) {
    Result<eval::Caller> caller = eval::parse_caller(c.principal);
    ASSERT_TRUE(caller.ok()) << c.principal;
    EXPECT_EQ(caller->kind, c.kind) << c.principal;
  }
  EXPECT_EQ(eval::parse_caller("111111111111")->arn, "arn:aws:iam::111111111111:root");
  EXPECT_TRUE(eval::parse_caller("arn:aws:sts::1:assumed-role/AWSServiceRoleForSupport/s")->service_linked);
  EXPECT_FALSE(eval::parse_caller("arn:aws:s3:::bucket").ok());
  EXPECT_FALSE(eval::parse_caller("arn:aws:sts::1:assumed-role/NoSession").ok());
  EXPECT_FALSE(eval::parse_caller("arn:aws:sts::1:assumed-role/Dev/s", "arn:aws:iam::1:role/Other").ok());
}

TEST(SimulationCaseTest, TrustPolicyKindFollowsTheAction) {
  EXPECT_EQ(resource_policy_kind("sts:AssumeRole", "arn:aws:iam::1:role/x"), policy::PolicyKind::kTrust);
  EXPECT_EQ(resource_policy_kind("sts:AssumeRoleWithSAML", "arn:aws:iam::1:role/x"), policy::PolicyKind::kTrust);
  EXPECT_EQ(resource_policy_kind("s3:GetObject", "arn:aws:s3:::b"), policy::PolicyKind::kResource);
}

TEST(BatchTest, RunsJsonLinesAndReportsBadLines) {
  std::filesystem::path file = std::filesystem::temp_directory_path() / "iamwarden_batch_test.jsonl";
  {
    std::ofstream out(file);
    out << R"({"name":"ok","request":{"principal":"arn:aws:iam::1:root","action":"s3:GetObject","resource":"*"},"expect":"Allowed"})" << "\n";
    out << R"({"name":"wrong","request":{"principal":"arn:aws:iam::1:user/a","action":"s3:GetObject","resource":"*"},"expect":"Allowed"})" << "\n\n";
    out << R"({"name":"broken", "request": )" << "\n";
  }
  Result<BatchResult> result = run_batch(file.string(), {.threads = 2});
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->lines.size(), 3u);
  EXPECT_EQ(result->passed, 1u);
  EXPECT_EQ(result->failed, 2u);
  EXPECT_EQ(result->lines[1].decision, "ImplicitDeny");
  EXPECT_EQ(result->lines[2].decision, "ERROR");
  EXPECT_EQ(result->lines[2].file, file.string() + ":4");
  EXPECT_EQ(format_batch_line(result->lines[0]),
            "{\"file\":" + std::string("\"") + file.string() +
                ":1\",\"name\":\"ok\",\"decision\":\"Allowed\",\"expect\":\"Allowed\",\"ok\":true,"
                "\"missingContextValues\":[],\"warnings\":[]}");
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace iamwarden::simulate
