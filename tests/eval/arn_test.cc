// Tests for Resource ARN matching (spec §3.3) and ARN splitting.
#include "eval/arn.h"

#include <gtest/gtest.h>

namespace iamwarden::eval {
namespace {

bool matches(std::string_view pattern, std::string_view resource,
             ShortArnMode mode = ShortArnMode::kPadWithWildcards) {
  Context ctx;
  ResourcePattern p(pattern, true, mode);
  return p.match(resource, split_arn(resource), ctx) == MatchResult::kMatch;
}

TEST(ArnTest, SplitsAtFirstFiveColons) {
  ArnParts parts = split_arn("arn:aws:sqs:us-east-1:111111111111:queue:with:colons");
  ASSERT_TRUE(parts.ok);
  EXPECT_EQ(parts.service(), "sqs");
  EXPECT_EQ(parts.account(), "111111111111");
  EXPECT_EQ(parts.resource(), "queue:with:colons");
  EXPECT_FALSE(split_arn("arn:aws:sqs").ok);
}

TEST(ArnTest, DocumentedExamples) {
  EXPECT_TRUE(matches("arn:aws:s3:::bkt/*/test/*", "arn:aws:s3:::bkt/1/2/test/3/obj.jpg"));
  EXPECT_FALSE(matches("arn:aws:s3:::bkt/*/test/*", "arn:aws:s3:::bkt/test/obj.jpg"));
  EXPECT_TRUE(matches("arn:aws:s3:::bkt/*/test/*", "arn:aws:s3:::bkt//test/obj.jpg"));
  EXPECT_TRUE(matches("arn:aws:s3:::bkt/*/test/*", "arn:aws:s3:::bkt/1///test///object.jpg"));
  EXPECT_TRUE(matches("arn:aws:s3:::bkt/*/test/*", "arn:aws:s3:::bkt/1/test/"));
  EXPECT_FALSE(matches("arn:aws:s3:::bkt/*/test/*", "arn:aws:s3:::bkt/1-test/object.jpg"));
  EXPECT_FALSE(matches("arn:aws:iam::111122223333:user/Bob", "arn:aws:iam::111122223333:user/bob"));
  EXPECT_TRUE(matches("arn:aws:sqs:*:111111111111:q", "arn:aws:sqs:us-east-1:111111111111:q"));
  EXPECT_TRUE(matches("arn:aws:ec2:us-*-1:*:instance/*", "arn:aws:ec2:us-east-1:1:instance/i-1"));
}

TEST(ArnTest, TrailingStarOfAShortPatternSpansColons) {
  EXPECT_TRUE(matches("arn:aws:sqs:us-east-1:*", "arn:aws:sqs:us-east-1:111111111111:q", ShortArnMode::kNoMatch));
  EXPECT_FALSE(matches("arn:aws:sqs:us-west-2:*", "arn:aws:sqs:us-east-1:111111111111:q"));
}

TEST(ArnTest, ShortPatternsDependOnMode) {
  EXPECT_TRUE(matches("arn:aws:sqs", "arn:aws:sqs:us-east-1:111111111111:q", ShortArnMode::kPadWithWildcards));
  EXPECT_FALSE(matches("arn:aws:sqs", "arn:aws:sqs:us-east-1:111111111111:q", ShortArnMode::kNoMatch));
}

TEST(ArnTest, WildcardOnlyRequestsNeedAStar) {
  EXPECT_TRUE(matches("*", "*"));
  EXPECT_FALSE(matches("arn:aws:s3:::*", "*"));
}

TEST(ArnTest, ServiceSegmentIsExact) {
  EXPECT_FALSE(matches("arn:aws:s3:::*", "arn:aws:s3express:us-east-1:1:bucket/x"));
  EXPECT_FALSE(matches("arn:aws:s3:::b*", "arn:aws:S3:::b1"));
}

TEST(ArnTest, UnresolvedVariableMatchesNothing) {
  Context ctx;
  ResourcePattern p("arn:aws:s3:::b/${aws:PrincipalTag/team}/*", true, ShortArnMode::kPadWithWildcards);
  std::string_view r = "arn:aws:s3:::b/x/1";
  EXPECT_EQ(p.match(r, split_arn(r), ctx), MatchResult::kUnresolved);
  ASSERT_TRUE(ctx.set("aws:PrincipalTag/team", "x").ok());
  EXPECT_EQ(p.match(r, split_arn(r), ctx), MatchResult::kMatch);
}

}  // namespace
}  // namespace iamwarden::eval
