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

TEST(AwsError, EscapesControlsAndDistrustsOddCodes) {
  AwsError e = parse_aws_error("An error occurred (Access\x1b[2JDenied) when calling the X operation: boom\x07", 254);
  EXPECT_EQ(e.code, "");  // not a code AWS would send: not used to decide "not found"
  EXPECT_EQ(e.text.find('\x1b'), std::string::npos);
  EXPECT_EQ(e.text.find('\x07'), std::string::npos);
  EXPECT_NE(e.text.find("\\x1b[2J"), std::string::npos) << e.text;
  EXPECT_NE(e.text.find("boom\\x07"), std::string::npos) << e.text;
  EXPECT_EQ(parse_aws_error("An error occurred (Throttling.Rate) when calling: slow", 254).code, "Throttling.Rate");
}

TEST(AwsError, RedactsBeforeCutting) {
  // The key straddles the point where the excerpt is cut: no part of it may survive.
  AwsError e = parse_aws_error(std::string(295, 'a') + " AKIAIOSFODNN7EXAMPLE " + std::string(1000, 'b'), 1);
  EXPECT_EQ(e.text.find("AKIA"), std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("EXAMPLE"), std::string::npos) << e.text;
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
