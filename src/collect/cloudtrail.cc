// CloudTrail: describe-trails per region, then one status and selectors call per distinct trail.
#include "collect/cloudtrail.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/json.h"
#include "base/json_writer.h"
#include "base/safe_text.h"
#include "collect/regions.h"

namespace iamwarden::collect {
namespace {

/// The answers of one per-trail call for every distinct trail.
struct PerTrail {
  const char* name;             ///< "trail-status" / "event-selectors"
  const char* operation;        ///< CLI operation
  const char* option;           ///< how the trail is named
  std::map<std::string, AwsResult> answers;  ///< trail ARN → answer
};

std::string trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  size_t end = text.find_last_not_of(" \t\r\n");
  return begin == std::string::npos ? "" : text.substr(begin, end - begin + 1);
}

/// Writes cloudtrail/<region>/<name>.json: an object trail ARN → answer, failed when any call failed.
void write_region_file(Session& session, const std::string& region, const std::vector<TrailRef>& trails,
                       const PerTrail& calls) {
  std::string file = fmt::format("cloudtrail/{}/{}.json", region, calls.name);
  std::string command = fmt::format("aws cloudtrail {} {} <trail ARN> (per trail, in its home region)",
                                    calls.operation, calls.option);
  std::string body = "{";
  std::string errors;
  size_t written = 0;
  for (const TrailRef& trail : trails) {
    const AwsResult& answer = calls.answers.at(trail.arn);
    if (!answer.ok) {
      errors += fmt::format("{}{}: {}", errors.empty() ? "" : "; ", trail.arn, answer.error);
      continue;
    }
    body += fmt::format("{}\n  {}: {}", written++ ? "," : "", json_quote(trail.arn), trim(answer.output));
  }
  body += written ? "\n}\n" : "}\n";
  errors = safe_excerpt(errors, 2000);
  if (written == 0 && !trails.empty()) {
    session.record_missing(file, FileStatus::kFailed, command, errors);
    return;
  }
  if (session.write(file, body, command) && !errors.empty()) session.mark_failed(file, "incomplete: " + errors);
}

}  // namespace

bool is_trail_arn(std::string_view arn) {
  if (arn.size() > 2048 || arn.substr(0, 4) != "arn:" || arn.find(":trail/") == std::string_view::npos) return false;
  return std::all_of(arn.begin(), arn.end(), [](char c) { return c > ' ' && c < 0x7F; });
}

Result<std::vector<TrailRef>> parse_trail_list(std::string text) {
  Result<JsonDocument> doc = parse_json(std::move(text), "describe-trails");
  if (!doc) return doc.error();
  const JsonNode* list = doc->root.find("trailList");
  if (!list || !list->is_array()) return Error{ErrorCode::kInvalidInput, "no trailList in the answer", {}, ""};
  std::vector<TrailRef> trails;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const JsonNode& item = list->items[i];
    const JsonNode* arn = item.find("TrailARN");
    const JsonNode* home = item.find("HomeRegion");
    if (!arn || !arn->is_string() || arn->text.empty()) continue;
    // Both become arguments of further aws calls: an ARN, a region name, never something that reads as an option.
    if (!is_trail_arn(arn->text)) {
      return Error{ErrorCode::kInvalidInput,
                   fmt::format("trailList[{}].TrailARN is not a trail ARN: \"{}\"", i, safe_excerpt(arn->text, 80)),
                   {}, ""};
    }
    if (home && home->is_string() && !is_region_name(home->text)) {
      return Error{ErrorCode::kInvalidInput,
                   fmt::format("trailList[{}].HomeRegion is not a region name: \"{}\"", i, safe_excerpt(home->text, 40)),
                   {}, ""};
    }
    trails.push_back(TrailRef{arn->text, home && home->is_string() ? home->text : ""});
  }
  return trails;
}

void add_trail_list_tasks(Session& session, const std::vector<std::string>& regions, TrailLists& lists, Tasks& tasks) {
  for (const std::string& region : regions) {
    tasks.push_back([&session, &region, &lists] {
      std::string file = fmt::format("cloudtrail/{}/trails.json", region);
      std::optional<std::string> answer = session.fetch(file, {"cloudtrail", "describe-trails"}, region);
      if (!answer) return;
      Result<std::vector<TrailRef>> trails = parse_trail_list(std::move(*answer));
      if (!trails) {
        session.mark_failed(file, "unexpected answer: " + trails.error().message);
        return;
      }
      for (TrailRef& trail : *trails) {
        if (trail.home_region.empty()) trail.home_region = region;
      }
      std::lock_guard lock(lists.mutex);
      lists.by_region[region] = trails.take();
    });
  }
}

void collect_trail_details(Session& session, const TrailLists& lists) {
  std::map<std::string, std::string> home;  // distinct trail ARN → home region
  for (const auto& [region, trails] : lists.by_region) {
    for (const TrailRef& trail : trails) home.emplace(trail.arn, trail.home_region);
  }
  PerTrail status{"trail-status", "get-trail-status", "--name", {}};
  PerTrail selectors{"event-selectors", "get-event-selectors", "--trail-name", {}};
  for (PerTrail* calls : {&status, &selectors}) {
    for (const auto& [arn, region] : home) calls->answers[arn];  // every slot exists before the workers start
  }
  Tasks tasks;
  for (PerTrail* calls : {&status, &selectors}) {
    for (const auto& [arn, region] : home) {
      AwsResult* slot = &calls->answers[arn];
      tasks.push_back([&session, calls, slot, arn = arn, region = region] {
        *slot = session.aws().run({"cloudtrail", calls->operation, calls->option, arn}, region);
      });
    }
  }
  session.progress(fmt::format("  {:<10} {} distinct trails: status and event selectors", "...", home.size()));
  run_tasks(session, tasks);
  for (const auto& [region, trails] : lists.by_region) {
    write_region_file(session, region, trails, status);
    write_region_file(session, region, trails, selectors);
  }
}

}  // namespace iamwarden::collect
