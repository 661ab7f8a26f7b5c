// CloudTrail per region: trail lists, then status and event selectors per trail keyed by trail ARN.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "collect/session.h"

namespace iamwarden::collect {

/// A trail found by describe-trails in one region.
struct TrailRef {
  std::string arn;
  std::string home_region;
};

/// The trail lists of every region, filled by the describe-trails tasks.
struct TrailLists {
  std::mutex mutex;
  std::map<std::string, std::vector<TrailRef>> by_region;  ///< only regions whose trails.json was written
};

/// True for what a trail ARN looks like ("arn:aws:cloudtrail:us-east-1:123456789012:trail/Name"):
/// printable ASCII without spaces, at most 2048 bytes.
bool is_trail_arn(std::string_view arn);

/// Trails of a describe-trails answer (trailList[].TrailARN, HomeRegion), in answer order; a TrailARN
/// that is not a trail ARN or a HomeRegion that is not a region name is an error.
Result<std::vector<TrailRef>> parse_trail_list(std::string text);

/// Adds `cloudtrail describe-trails` for each region; answers land in lists.
void add_trail_list_tasks(Session& session, const std::vector<std::string>& regions, TrailLists& lists, Tasks& tasks);

/// Calls get-trail-status and get-event-selectors once per distinct trail (in its home region) and writes
/// cloudtrail/<region>/trail-status.json and event-selectors.json for each listed region.
void collect_trail_details(Session& session, const TrailLists& lists);

}  // namespace iamwarden::collect
