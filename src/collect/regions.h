// Which regions to collect: a user list, the account's enabled regions, or a default per partition.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace iamwarden::collect {

/// Splits "r1,r2" into sorted unique region names; each must look like a region ("eu-west-1").
Result<std::vector<std::string>> parse_region_list(std::string_view text);

/// True for a plausible region name: lower-case letters, digits and dashes, starting with a letter.
bool is_region_name(std::string_view name);

/// Region names from `aws ec2 describe-regions` (Regions[].RegionName) or `aws account list-regions`
/// (Regions[].RegionName), sorted.
Result<std::vector<std::string>> regions_from_json(std::string text);

/// The regions to use when listing them fails: the commonly enabled ones of the partition.
std::vector<std::string> default_regions(std::string_view partition);

}  // namespace iamwarden::collect
