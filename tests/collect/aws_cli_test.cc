// Tests for the AWS CLI argument vector and the check that an answer is one JSON object.
#include "collect/aws_cli.h"

#include <gtest/gtest.h>

namespace iamwarden::collect {
namespace {

std::string problem(std::string text) { return json_answer_problem(text); }

TEST(AwsCli, AcceptsOneJsonObject) {
  EXPECT_EQ(problem("{}"), "");
  EXPECT_EQ(problem("{\n    \"Users\": [{\"UserName\": \"\\u00e9\"}]\n}\n"), "");
}

TEST(AwsCli, RefusesWhatIsNotOneJsonObject) {
  EXPECT_EQ(problem(""), "the answer is empty, not JSON");
  EXPECT_EQ(problem(" \n"), "the answer is empty, not JSON");
  EXPECT_EQ(problem("[1, 2]"), "the answer is JSON but not an object");
  EXPECT_EQ(problem("\"text\""), "the answer is JSON but not an object");
  EXPECT_NE(problem("<html>Service Unavailable</html>").find("the answer is not valid JSON"), std::string::npos);
  EXPECT_NE(problem("{\"a\": 1").find("the answer is not valid JSON"), std::string::npos);     // cut short
  EXPECT_NE(problem("{\"a\": \"\xff\"}").find("the answer is not valid JSON"), std::string::npos);  // not UTF-8
  EXPECT_NE(problem("{} {}").find("the answer is not valid JSON"), std::string::npos);        // two values
}

TEST(AwsCli, ArgumentVectorAndDescription) {
  AwsCli cli("aws", "audit", ProcessLimits{});
  EXPECT_EQ(cli.argv({"iam", "get-account-summary"}, "eu-west-1"),
            (std::vector<std::string>{"aws", "iam", "get-account-summary", "--output", "json", "--no-cli-pager",
                                      "--profile", "audit", "--region", "eu-west-1"}));
  EXPECT_EQ(AwsCli::describe({"iam", "get-account-summary"}, "eu-west-1"),
            "aws iam get-account-summary --region eu-west-1");
}

}  // namespace
}  // namespace iamwarden::collect
