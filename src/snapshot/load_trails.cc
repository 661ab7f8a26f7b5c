// CloudTrail files per region: describe-trails, get-trail-status and get-event-selectors, merged by TrailARN.
#include <fmt/format.h>

#include <algorithm>

#include "catalog/pretty_json.h"
#include "snapshot/json_fields.h"
#include "snapshot/load_files.h"

namespace iamwarden::snapshot {
namespace {

Trail* find_trail(std::vector<Trail>& trails, std::string_view arn_or_name) {
  for (Trail& t : trails) {
    if (t.arn == arn_or_name || t.name == arn_or_name) return &t;
  }
  return nullptr;
}

// Calls f(trail_key, response, pointer) for each entry of an {ARN: response} map, or once with
// the key "" for a bare response (recognised by has_key).
template <class F>
Result<void> each_response(const JsonDocument& doc, std::string_view bare_key, F&& f) {
  std::string p;
  const JsonNode& root = unwrap_recording(doc.root, p);
  if (Result<void> k = expect_kind(doc, root, p, JsonNode::Kind::kObject); !k) return k;
  if (root.find(bare_key) || root.members.empty()) {
    if (root.members.empty()) return {};
    return f(std::string(), root, p);
  }
  for (const JsonMember& m : root.members) {
    std::string mp = child_pointer(p, m.key);
    const JsonNode& response = unwrap_recording(m.value, mp);
    if (Result<void> k = expect_kind(doc, response, mp, JsonNode::Kind::kObject); !k) return k;
    if (Result<void> r = f(m.key, response, mp); !r) return r;
  }
  return {};
}

}  // namespace

Result<void> load_trails(const JsonDocument& doc, const std::string& region, std::vector<Trail>& out) {
  std::string p;
  const JsonNode& root = unwrap_recording(doc.root, p);
  if (Result<void> k = expect_kind(doc, root, p, JsonNode::Kind::kObject); !k) return k;
  return each_object(doc, root, p, "trailList", [&](const JsonNode& d, const std::string& dp) -> Result<void> {
    Trail t;
    auto str = [&](std::string_view key, std::string& target) -> Result<void> {
      Result<std::string> s = get_string(doc, d, dp, key);
      if (!s) return s.error();
      target = s.take();
      return {};
    };
    auto flag = [&](std::string_view key, bool& target) -> Result<void> {
      Result<std::optional<bool>> b = get_bool(doc, d, dp, key);
      if (!b) return b.error();
      target = b->value_or(false);
      return {};
    };
    for (Result<void> r : {str("Name", t.name), str("TrailARN", t.arn), str("HomeRegion", t.home_region),
                           str("S3BucketName", t.s3_bucket), str("KmsKeyId", t.kms_key_id),
                           str("CloudWatchLogsLogGroupArn", t.cloudwatch_logs_group_arn),
                           flag("IsMultiRegionTrail", t.multi_region), flag("IsOrganizationTrail", t.organization_trail),
                           flag("IncludeGlobalServiceEvents", t.include_global_service_events),
                           flag("LogFileValidationEnabled", t.log_file_validation),
                           flag("HasCustomEventSelectors", t.has_custom_event_selectors)}) {
      if (!r) return r;
    }
    if (t.arn.empty()) t.arn = t.name;
    if (Trail* existing = find_trail(out, t.arn)) {
      if (std::find(existing->seen_in_regions.begin(), existing->seen_in_regions.end(), region) ==
          existing->seen_in_regions.end())
        existing->seen_in_regions.push_back(region);
      return {};
    }
    t.seen_in_regions.push_back(region);
    out.push_back(std::move(t));
    return {};
  });
}

Result<void> load_trail_status(const JsonDocument& doc, std::vector<Trail>& trails, std::vector<std::string>* unused) {
  return each_response(doc, "IsLogging", [&](const std::string& key, const JsonNode& r, const std::string& p) -> Result<void> {
    Trail* t = key.empty() ? (trails.size() == 1 ? &trails[0] : nullptr) : find_trail(trails, key);
    if (!t) {  // status of a trail describe-trails did not list (or a bare one for several): said, not used
      if (unused) unused->push_back(key);
      return {};
    }
    Result<std::optional<bool>> logging = get_bool(doc, r, p, "IsLogging");
    if (!logging) return logging.error();
    Result<Timestamp> delivery = get_timestamp(doc, r, p, "LatestDeliveryTime");
    if (!delivery) return delivery.error();
    t->status_known = true;
    t->is_logging = logging->value_or(false);
    t->latest_delivery_time = delivery.take();
    return {};
  });
}

Result<void> load_event_selectors(const JsonDocument& doc, std::vector<Trail>& trails, std::vector<std::string>* unused) {
  return each_response(doc, "TrailARN", [&](const std::string& key, const JsonNode& r, const std::string& p) -> Result<void> {
    std::string arn = key;
    if (arn.empty()) {
      Result<std::string> named = get_string(doc, r, p, "TrailARN");
      if (!named) return named.error();
      arn = named.take();
    }
    Trail* t = find_trail(trails, arn);
    if (!t) {
      if (unused) unused->push_back(arn);
      return {};
    }
    t->selectors_known = true;
    if (const JsonNode* es = r.find("EventSelectors"); es && es->kind != JsonNode::Kind::kNull) {
      if (Result<void> k = expect_kind(doc, *es, child_pointer(p, "EventSelectors"), JsonNode::Kind::kArray); !k) return k;
      t->event_selectors_json = catalog::pretty_json(*es);
    }
    if (const JsonNode* aes = r.find("AdvancedEventSelectors"); aes && aes->kind != JsonNode::Kind::kNull) {
      if (Result<void> k = expect_kind(doc, *aes, child_pointer(p, "AdvancedEventSelectors"), JsonNode::Kind::kArray); !k)
        return k;
      t->advanced_event_selectors_json = catalog::pretty_json(*aes);
    }
    return {};
  });
}

}  // namespace iamwarden::snapshot
