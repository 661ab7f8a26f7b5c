// Tests for reading AWS CLI error output and redacting credentials from it.
#include "collect/aws_error.h"

#include <gtest/gtest.h>

namespace iamwarden::collect {
namespace {

TEST(AwsError, ExtractsCodeAndMessage) {
  AwsError e = parse_aws_error(
      "\nAn error occurred (NoSuchEntity) when calling the GetAccountPasswordPolicy operation: The Password Policy "
      "with domain name 123456789012 cannot be found.\n",
      254);
  EXPECT_EQ(e.code, "NoSuchEntity");
  EXPECT_EQ(e.text, "NoSuchEntity: The Password Policy with domain name 123456789012 cannot be found.");
}

TEST(AwsError, KeepsOtherMessagesOnOneLine) {
  AwsError e = parse_aws_error("\nCould not connect to the endpoint URL:\n \"https://iam.amazonaws.com/\"\n", 255);
  EXPECT_EQ(e.code, "");
  EXPECT_EQ(e.text, "Could not connect to the endpoint URL: \"https://iam.amazonaws.com/\"");
  EXPECT_EQ(parse_aws_error("", 3).text, "aws exited with status 3 and no message");
}

TEST(AwsError, BoundsLongMessages) {
  AwsError e = parse_aws_error(std::string(5000, 'x'), 1);
  EXPECT_LT(e.text.size(), 700u);
}

TEST(AwsError, RedactsKeysAndTokens) {
  EXPECT_EQ(redact_secrets("key AKIAIOSFODNN7EXAMPLE used"), "key <redacted> used");
  EXPECT_EQ(redact_secrets("secret: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY end"), "secret: <redacted> end");
  // ARNs, account ids and ordinary words stay.
  std::string arn = "arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:GetUser";
  EXPECT_EQ(redact_secrets(arn), arn);
  EXPECT_EQ(redact_secrets("AKIA1234"), "AKIA1234");
}

}  // namespace
}  // namespace iamwarden::collect
