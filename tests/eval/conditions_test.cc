// Tests for condition operators, missing keys and set qualifiers (spec §4, §7.4).
#include <gtest/gtest.h>

#include "eval_fixture.h"

namespace iamwarden::eval {
namespace {

using testing::condition;

TEST(ConditionsTest, StringCaseSensitivity) {  // C1
  EXPECT_FALSE(condition(R"({"StringEquals":{"aws:username":"john"}})", R"({"aws:username":"John"})"));
  EXPECT_TRUE(condition(R"({"StringEqualsIgnoreCase":{"aws:username":"john"}})", R"({"aws:username":"John"})"));
  EXPECT_FALSE(condition(R"({"StringNotEqualsIgnoreCase":{"aws:username":"john"}})", R"({"aws:username":"John"})"));
}

TEST(ConditionsTest, KeyNamesIgnoreCase) {  // C2
  EXPECT_TRUE(condition(R"({"IpAddress":{"AWS:SourceIP":"203.0.113.0/24"}})", R"({"aws:SourceIp":"203.0.113.9"})"));
}

TEST(ConditionsTest, WildcardsOnlyInLike) {  // C3
  EXPECT_FALSE(condition(R"({"StringEquals":{"k":"*"}})", R"({"k":"abc"})"));
  EXPECT_TRUE(condition(R"({"StringLike":{"k":"*"}})", R"({"k":"abc"})"));
  EXPECT_TRUE(condition(R"({"StringLike":{"k":"*"}})", R"({"k":""})"));
  EXPECT_FALSE(condition(R"({"StringNotLike":{"k":"ab*"}})", R"({"k":"abc"})"));
}

TEST(ConditionsTest, NegatedOperatorsMatchNoneOfTheValues) {  // C4
  std::string block = R"({"StringNotEquals":{"aws:PrincipalAccount":["111111111111","222222222222"]}})";
  EXPECT_FALSE(condition(block, R"({"aws:PrincipalAccount":"111111111111"})"));
  EXPECT_TRUE(condition(block, R"({"aws:PrincipalAccount":"333333333333"})"));
}

TEST(ConditionsTest, MissingKeys) {  // C5
  EXPECT_FALSE(condition(R"({"StringEquals":{"k":"v"}})", "{}"));
  EXPECT_TRUE(condition(R"({"StringNotEquals":{"k":"v"}})", "{}"));
  EXPECT_TRUE(condition(R"({"StringEqualsIfExists":{"k":"v"}})", "{}"));
  EXPECT_TRUE(condition(R"({"StringNotEqualsIfExists":{"k":"v"}})", "{}"));
  EXPECT_FALSE(condition(R"({"StringLikeIfExists":{"ec2:InstanceType":["t2.*"]}})", R"({"ec2:InstanceType":"m2.micro"})"));
  EXPECT_FALSE(condition(R"({"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}})", "{}"));
  EXPECT_FALSE(condition(R"({"NumericLessThan":{"k":"5"}})", "{}"));
}

TEST(ConditionsTest, SetQualifiers) {  // C6-C9, §4.6
  std::string all = R"({"ForAllValues:StringEquals":{"aws:TagKeys":["environment","cost-center"]}})";
  EXPECT_TRUE(condition(all, R"({"aws:TagKeys":["environment"]})"));
  EXPECT_TRUE(condition(all, R"({"aws:TagKeys":["environment","cost-center"]})"));
  EXPECT_FALSE(condition(all, R"({"aws:TagKeys":["environment","dept"]})"));
  EXPECT_TRUE(condition(all, "{}"));
  EXPECT_TRUE(condition(all, R"({"aws:TagKeys":[]})"));
  std::string all_present = R"({"ForAllValues:StringEquals":{"aws:TagKeys":["environment","cost-center"]},"Null":{"aws:TagKeys":"false"}})";
  EXPECT_FALSE(condition(all_present, "{}"));
  std::string any = R"({"ForAnyValue:StringEquals":{"aws:TagKeys":["environment"]}})";
  EXPECT_FALSE(condition(any, "{}"));
  EXPECT_TRUE(condition(any, R"({"aws:TagKeys":["dept","environment"]})"));
  EXPECT_FALSE(condition(any, R"({"aws:TagKeys":[]})"));
  EXPECT_TRUE(condition(R"({"ForAllValues:StringNotEquals":{"aws:TagKeys":["secret"]}})", R"({"aws:TagKeys":["a","b"]})"));
  EXPECT_FALSE(condition(R"({"ForAllValues:StringNotEquals":{"aws:TagKeys":["secret"]}})", R"({"aws:TagKeys":["a","secret"]})"));
  EXPECT_TRUE(condition(R"({"ForAnyValue:StringNotEquals":{"aws:TagKeys":["secret"]}})", R"({"aws:TagKeys":["a","secret"]})"));
  EXPECT_FALSE(condition(R"({"ForAnyValue:StringNotEquals":{"aws:TagKeys":["secret"]}})", R"({"aws:TagKeys":["secret"]})"));
}

TEST(ConditionsTest, MultivaluedKeyWithoutQualifierIsFalse) {  // C10, D19
  EXPECT_FALSE(condition(R"({"StringEquals":{"aws:TagKeys":"a"}})", R"({"aws:TagKeys":["a"]})"));
  EXPECT_FALSE(condition(R"({"StringNotEquals":{"aws:TagKeys":"a"}})", R"({"aws:TagKeys":["b"]})"));
}

TEST(ConditionsTest, QualifierOnSingleValuedKey) {  // C11
  std::string block = R"({"ForAllValues:StringEquals":{"aws:RequestTag/env":["prod"]}})";
  EXPECT_TRUE(condition(block, "{}"));
  EXPECT_TRUE(condition(block, R"({"aws:RequestTag/env":"prod"})"));
  EXPECT_FALSE(condition(block, R"({"aws:RequestTag/env":"dev"})"));
}

TEST(ConditionsTest, NullOperator) {  // C12
  EXPECT_TRUE(condition(R"({"Null":{"aws:TokenIssueTime":"true"}})", "{}"));
  EXPECT_FALSE(condition(R"({"Null":{"aws:TokenIssueTime":"true"}})", R"({"aws:TokenIssueTime":"2024-01-01T00:00:00Z"})"));
  EXPECT_TRUE(condition(R"({"Null":{"aws:TagKeys":"false"}})", R"({"aws:TagKeys":[]})"));
}

TEST(ConditionsTest, Numeric) {  // C15
  std::string block = R"({"NumericLessThanEquals":{"s3:max-keys":"10"}})";
  EXPECT_TRUE(condition(block, R"({"s3:max-keys":"10"})"));
  EXPECT_FALSE(condition(block, R"({"s3:max-keys":"11"})"));
  EXPECT_FALSE(condition(block, "{}"));
  EXPECT_TRUE(condition(R"({"NumericEquals":{"k":"10"}})", R"({"k":"10.00"})"));
  EXPECT_FALSE(condition(R"({"NumericEquals":{"k":"10"}})", R"({"k":"ten"})"));
  EXPECT_TRUE(condition(R"({"NumericNotEquals":{"k":"10"}})", R"({"k":"ten"})"));
  EXPECT_TRUE(condition(R"({"NumericGreaterThan":{"k":10}})", R"({"k":11})"));
}

TEST(ConditionsTest, Dates) {  // C16, C17
  EXPECT_TRUE(condition(R"({"DateGreaterThan":{"aws:TokenIssueTime":"2020-01-01T00:00:01Z"}})",
                        R"({"aws:TokenIssueTime":"2021-05-01T00:00:00Z"})"));
  EXPECT_TRUE(condition(R"({"DateGreaterThan":{"aws:TokenIssueTime":"1577836801"}})",
                        R"({"aws:TokenIssueTime":"2021-05-01T00:00:00Z"})"));
  EXPECT_FALSE(condition(R"({"DateGreaterThan":{"aws:TokenIssueTime":"2020-01-01T00:00:01Z"}})", "{}"));
  std::string before = R"({"DateLessThan":{"aws:CurrentTime":"2020-06-30"}})";
  EXPECT_TRUE(condition(before, R"({"aws:CurrentTime":"2020-06-29T23:59:59Z"})"));
  EXPECT_FALSE(condition(before, R"({"aws:CurrentTime":"2020-06-30T00:00:00Z"})"));
  EXPECT_TRUE(condition(R"({"DateEquals":{"aws:CurrentTime":"2020-06-30"}})", R"({"aws:CurrentTime":"2020-06-30T00:00:00Z"})"));
}

TEST(ConditionsTest, IpAddresses) {  // C18, C19
  std::string block = R"({"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}})";
  EXPECT_TRUE(condition(block, R"({"aws:SourceIp":"203.0.113.1"})"));
  EXPECT_FALSE(condition(block, R"({"aws:SourceIp":"198.51.100.1"})"));
  EXPECT_FALSE(condition(block, R"({"aws:SourceIp":"2001:db8::1"})"));
  EXPECT_TRUE(condition(R"({"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}})", R"({"aws:SourceIp":"2001:db8::1"})"));
  EXPECT_TRUE(condition(R"({"IpAddress":{"aws:SourceIp":"2001:db8::/32"}})", R"({"aws:SourceIp":"2001:db8::1"})"));
}

TEST(ConditionsTest, BoolAndBinary) {  // C13, C14, C20
  EXPECT_TRUE(condition(R"({"Bool":{"aws:SecureTransport":"true"}})", R"({"aws:SecureTransport":"true"})"));
  EXPECT_TRUE(condition(R"({"Bool":{"aws:SecureTransport":true}})", R"({"aws:SecureTransport":"TRUE"})"));
  EXPECT_FALSE(condition(R"({"Bool":{"aws:MultiFactorAuthPresent":"false"}})", "{}"));
  EXPECT_TRUE(condition(R"({"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}})", "{}"));
  EXPECT_TRUE(condition(R"({"BinaryEquals":{"k":"QmluYXJ5VmFsdWVJbkJhc2U2NA=="}})", R"({"k":"BinaryValueInBase64"})"));
}

TEST(ConditionsTest, ArnOperators) {  // M14, M15
  std::string value = R"({"k":"arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt"})";
  EXPECT_FALSE(condition(R"({"ArnLike":{"k":"arn:aws:someservice:*:111122223333:finance/*"}})", value));
  EXPECT_TRUE(condition(R"({"StringLike":{"k":"arn:aws:someservice:*:111122223333:finance/*"}})", value));
  EXPECT_TRUE(condition(R"({"ArnLike":{"k":"arn:aws:s3:::b*"}})", R"({"k":"arn:aws:s3:::b"})"));
  EXPECT_FALSE(condition(R"({"ArnLike":{"k":"arn:aws:s3:::b*"}})", R"({"k":"not-an-arn"})"));
  EXPECT_FALSE(condition(R"({"ArnNotLike":{"k":"arn:aws:s3:::b*"}})", R"({"k":"not-an-arn"})"));
  EXPECT_TRUE(condition(R"({"ArnEquals":{"k":"arn:aws:iam::*:role/x"}})", R"({"k":"arn:aws:iam::111111111111:role/x"})"));
  EXPECT_TRUE(condition(R"({"ArnNotEquals":{"k":"arn:aws:iam::*:role/x"}})", R"({"k":"arn:aws:iam::111111111111:role/y"})"));
}

TEST(ConditionsTest, Variables) {  // C21-C25
  std::string prefix = R"({"StringLike":{"s3:prefix":["","home/","home/${aws:username}/"]}})";
  EXPECT_TRUE(condition(prefix, R"({"s3:prefix":"home/martha/","aws:username":"martha"})"));
  EXPECT_TRUE(condition(prefix, R"({"s3:prefix":""})"));
  EXPECT_FALSE(condition(prefix, R"({"s3:prefix":"home/x/"})"));
  EXPECT_TRUE(condition(R"({"StringLike":{"k":"a${*}"}})", R"({"k":"a*"})"));
  EXPECT_FALSE(condition(R"({"StringLike":{"k":"a${*}"}})", R"({"k":"ab"})"));
  EXPECT_FALSE(condition(R"({"StringEquals":{"k":"${aws:TagKeys}"}})", R"({"k":"a","aws:TagKeys":["a"]})"));
  EXPECT_TRUE(condition(R"({"StringNotEquals":{"k":"${aws:TagKeys}"}})", R"({"k":"a","aws:TagKeys":["a"]})"));
  EXPECT_FALSE(condition(R"({"StringLike":{"k":"home/${aws:PrincipalTag/p}"}})", R"({"k":"home/abc","aws:PrincipalTag/p":"a*"})"));
}

TEST(ConditionsTest, SeveralKeysAndOperatorsAreAnded) {  // C27
  std::string block = R"({"StringEquals":{"aws:PrincipalTag/dept":["hr","legal"],"aws:PrincipalAccount":"111111111111"}})";
  EXPECT_FALSE(condition(block, R"({"aws:PrincipalTag/dept":"hr","aws:PrincipalAccount":"222222222222"})"));
  EXPECT_TRUE(condition(block, R"({"aws:PrincipalTag/dept":"legal","aws:PrincipalAccount":"111111111111"})"));
}

}  // namespace
}  // namespace iamwarden::eval
