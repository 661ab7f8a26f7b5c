// Tests for region lists: user input, CLI answers and defaults.
#include "collect/regions.h"

#include <gtest/gtest.h>

namespace iamwarden::collect {
namespace {

using Names = std::vector<std::string>;

TEST(Regions, ParsesUserList) {
  EXPECT_EQ(*parse_region_list("us-east-1,eu-west-1, us-east-1"), (Names{"eu-west-1", "us-east-1"}));
  EXPECT_FALSE(parse_region_list("").ok());
  EXPECT_FALSE(parse_region_list("us-east-1,../etc").ok());
  EXPECT_FALSE(parse_region_list("US-EAST-1").ok());
  EXPECT_FALSE(parse_region_list("all").ok());
}

TEST(Regions, ReadsDescribeRegionsAndListRegions) {
  EXPECT_EQ(*regions_from_json(R"({"Regions": [{"RegionName": "us-west-2", "OptInStatus": "opt-in-not-required"},
                                              {"RegionName": "af-south-1", "OptInStatus": "opted-in"}]})"),
            (Names{"af-south-1", "us-west-2"}));
  EXPECT_EQ(*regions_from_json(R"({"Regions": [{"RegionName": "eu-west-1", "RegionOptStatus": "ENABLED_BY_DEFAULT"},
                                              {"RegionName": "me-south-1", "RegionOptStatus": "DISABLED"}]})"),
            (Names{"eu-west-1"}));
  EXPECT_FALSE(regions_from_json("{}").ok());
  EXPECT_FALSE(regions_from_json("{\"Regions\": [").ok());
}

TEST(Regions, DefaultsPerPartition) {
  EXPECT_EQ(default_regions("aws-cn"), (Names{"cn-north-1", "cn-northwest-1"}));
  Names aws = default_regions("aws");
  EXPECT_NE(std::find(aws.begin(), aws.end(), "us-east-1"), aws.end());
  EXPECT_TRUE(std::is_sorted(aws.begin(), aws.end()));
}

}  // namespace
}  // namespace iamwarden::collect
