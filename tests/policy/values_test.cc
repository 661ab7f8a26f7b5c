// Tests for typed condition values: numbers, dates, IP networks, booleans, base64.
#include "policy/values.h"

#include <gtest/gtest.h>

namespace iamwarden::policy {
namespace {

TEST(ValuesTest, Numbers) {
  EXPECT_EQ(parse_number("10"), parse_number("10.00"));
  EXPECT_EQ(*parse_number("-3.5"), -3.5L);
  EXPECT_EQ(*parse_number("1e3"), 1000.0L);
  EXPECT_FALSE(parse_number("abc"));
  EXPECT_FALSE(parse_number(""));
  EXPECT_FALSE(parse_number("1.2.3"));
  EXPECT_FALSE(parse_number("10 "));
}

TEST(ValuesTest, IsoDatesAndEpochSeconds) {
  EXPECT_EQ(*parse_date_millis("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(*parse_date_millis("2020-01-01T00:00:01Z"), *parse_date_millis("1577836801"));
  EXPECT_EQ(*parse_date_millis("2020-06-30"), *parse_date_millis("2020-06-30T00:00:00Z"));
  EXPECT_EQ(*parse_date_millis("2020-06-30T02:00:00+02:00"), *parse_date_millis("2020-06-30T00:00:00Z"));
  EXPECT_EQ(*parse_date_millis("2020-06-30T00:00:00.250Z") - *parse_date_millis("2020-06-30T00:00:00Z"), 250);
  EXPECT_EQ(*parse_date_millis("2020-06"), *parse_date_millis("2020-06-01"));
  EXPECT_FALSE(parse_date_millis("2020-02-30"));
  EXPECT_FALSE(parse_date_millis("yesterday"));
  EXPECT_FALSE(parse_date_millis("2020-01-01T25:00Z"));
}

TEST(ValuesTest, IpNetworks) {
  auto net = parse_ip_network("203.0.113.0/24");
  ASSERT_TRUE(net);
  EXPECT_TRUE(net->contains(*parse_ip_network("203.0.113.7")));
  EXPECT_FALSE(net->contains(*parse_ip_network("198.51.100.1")));
  EXPECT_FALSE(net->contains(*parse_ip_network("2001:db8::1")));
  auto host_bits = parse_ip_network("203.0.113.5/24");
  ASSERT_TRUE(host_bits);
  EXPECT_TRUE(host_bits->contains(*parse_ip_network("203.0.113.200")));
  auto v6 = parse_ip_network("2001:db8::/32");
  ASSERT_TRUE(v6);
  EXPECT_TRUE(v6->contains(*parse_ip_network("2001:db8:1::5")));
  EXPECT_FALSE(v6->contains(*parse_ip_network("2001:db9::5")));
  auto single = parse_ip_network("203.0.113.7");
  EXPECT_FALSE(single->contains(*parse_ip_network("203.0.113.8")));
  EXPECT_FALSE(parse_ip_network("203.0.113.0/33"));
  EXPECT_FALSE(parse_ip_network("300.1.1.1"));
  EXPECT_FALSE(parse_ip_network("not-an-ip"));
}

TEST(ValuesTest, BoolAndBase64) {
  EXPECT_EQ(parse_bool("TRUE"), true);
  EXPECT_EQ(parse_bool("false"), false);
  EXPECT_FALSE(parse_bool("yes"));
  EXPECT_EQ(*decode_base64("QmluYXJ5VmFsdWVJbkJhc2U2NA=="), "BinaryValueInBase64");
  EXPECT_EQ(*decode_base64("QmluYXJ5VmFsdWVJbkJhc2U2NA"), "BinaryValueInBase64");
  EXPECT_FALSE(decode_base64("@@@"));
}

}  // namespace
}  // namespace iamwarden::policy
