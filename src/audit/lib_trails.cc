// Shared pieces of the CloudTrail checks (see lib_trails.h).
#include "audit/lib_trails.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "audit/lib_roles.h"
#include "base/json.h"

namespace iamwarden::audit {
namespace {

// String values of an array member (or of a single string member) of a JSON object.
std::vector<std::string> strings_of(const JsonNode& object, std::string_view key) {
  std::vector<std::string> out;
  const JsonNode* node = object.find(key);
  if (!node) return out;
  if (node->is_string()) out.push_back(node->text);
  for (const JsonNode& item : node->items)
    if (item.is_string()) out.push_back(item.text);
  return out;
}

bool contains(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Classic selectors: IncludeManagementEvents (default true) by ReadWriteType (default All).
void read_classic(const JsonNode& list, ManagementEvents& ev, std::vector<std::string>& notes) {
  for (size_t i = 0; i < list.items.size(); ++i) {
    const JsonNode& s = list.items[i];
    if (!s.is_object()) continue;
    const JsonNode* include = s.find("IncludeManagementEvents");
    if (include && include->kind == JsonNode::Kind::kBool && include->text == "false") {
      notes.push_back(fmt::format("event selector #{}: IncludeManagementEvents false", i));
      continue;
    }
    const JsonNode* type = s.find("ReadWriteType");
    const std::string rw = type && type->is_string() ? type->text : "All";
    const std::vector<std::string> excluded = strings_of(s, "ExcludeManagementEventSources");
    if (!excluded.empty()) {
      notes.push_back(fmt::format("event selector #{}: ReadWriteType {} but excludes management events of {}", i, rw,
                                  fmt::join(excluded, ", ")));
      continue;
    }
    ev.reads = ev.reads || rw == "All" || rw == "ReadOnly";
    ev.writes = ev.writes || rw == "All" || rw == "WriteOnly";
    notes.push_back(fmt::format("event selector #{}: ReadWriteType {}, IncludeManagementEvents true", i, rw));
  }
}

// Advanced selectors: eventCategory Equals Management, split by readOnly, with no other filter.
void read_advanced(const JsonNode& list, ManagementEvents& ev, std::vector<std::string>& notes) {
  for (size_t i = 0; i < list.items.size(); ++i) {
    const JsonNode& s = list.items[i];
    if (!s.is_object()) continue;
    const JsonNode* name = s.find("Name");
    const std::string label =
        name && name->is_string() && !name->text.empty() ? "\"" + name->text + "\"" : fmt::format("#{}", i);
    const JsonNode* fields = s.find("FieldSelectors");
    bool management = false, reads = true, writes = true;
    std::vector<std::string> filters;
    for (const JsonNode& f : fields ? fields->items : std::vector<JsonNode>{}) {
      const JsonNode* field = f.is_object() ? f.find("Field") : nullptr;
      if (!field || !field->is_string()) continue;
      if (field->text == "eventCategory") {
        management = management || contains(strings_of(f, "Equals"), "Management");
      } else if (field->text == "readOnly" && (f.find("Equals") || f.find("NotEquals"))) {
        const std::vector<std::string> equals = strings_of(f, "Equals"), not_equals = strings_of(f, "NotEquals");
        if (f.find("Equals")) {
          reads = reads && contains(equals, "true");
          writes = writes && contains(equals, "false");
        }
        reads = reads && !contains(not_equals, "true");
        writes = writes && !contains(not_equals, "false");
      } else {
        filters.push_back(field->text);
      }
    }
    if (!management) continue;
    if (!filters.empty()) {
      notes.push_back(
          fmt::format("advanced selector {}: management events filtered by {}", label, fmt::join(filters, ", ")));
      continue;
    }
    ev.reads = ev.reads || reads;
    ev.writes = ev.writes || writes;
    const char* which = reads && writes ? "read and write" : reads ? "read-only" : writes ? "write-only" : "none";
    notes.push_back(fmt::format("advanced selector {}: management events, {}", label, which));
  }
}

}  // namespace

bool require_trails(const CheckContext& context, FindingSink& out) {
  if (context.account.trails) return true;
  account_finding(context, out, Status::kNotEvaluated,
                  missing_input(context.account, "cloudtrail/") +
                      ": no cloudtrail/<region>/trails.json, so the trails are unknown",
                  "cloudtrail/");
  return false;
}

std::string trail_file(const snapshot::Trail& trail, std::string_view file) {
  const std::vector<std::string>& seen = trail.seen_in_regions;
  std::string region = trail.home_region;
  if (!seen.empty() && std::find(seen.begin(), seen.end(), region) == seen.end()) region = seen.front();
  return fmt::format("cloudtrail/{}/{}", region, file);
}

std::string trail_owner_note(const snapshot::Account& account, const snapshot::Trail& trail) {
  // arn:partition:cloudtrail:region:ACCOUNT:trail/name
  size_t start = 0;
  for (int i = 0; i < 4 && start != std::string::npos; ++i) {
    start = trail.arn.find(':', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos) return "";
  const std::string owner = trail.arn.substr(start, trail.arn.find(':', start) - start);
  if (owner.empty() || account.account_id.empty() || owner == account.account_id) return "";
  return fmt::format(" ({}trail of account {}: it is configured there)",
                     trail.organization_trail ? "organization " : "", owner);
}

Finding& trail_finding(FindingSink& out, Status status, const snapshot::Trail& trail, std::string message) {
  Finding& f = report(out, status, trail.arn, std::move(message));
  f.resource_name = trail.name;
  f.origin.file = trail_file(trail);
  return f;
}

void check_each_trail(const CheckContext& context, FindingSink& out, TrailJudge judge, std::string_view setting) {
  if (!require_trails(context, out)) return;
  if (context.account.trails->empty()) {
    account_finding(context, out, Status::kFail,
                    fmt::format("no CloudTrail trail in any collected region, so no trail has {}", setting),
                    "cloudtrail/");
    return;
  }
  for (const snapshot::Trail& trail : *context.account.trails) {
    auto [status, message] = judge(trail);
    trail_finding(out, status, trail, message + trail_owner_note(context.account, trail));
  }
}

ManagementEvents management_events(const snapshot::Trail& trail) {
  ManagementEvents ev;
  const bool none_listed = trail.event_selectors_json.empty() && trail.advanced_event_selectors_json.empty();
  if (!trail.has_custom_event_selectors && (!trail.selectors_known || none_listed)) {
    ev.known = ev.reads = ev.writes = true;
    ev.how = "no custom event selectors: all management events are recorded";
    return ev;
  }
  if (!trail.selectors_known) {
    ev.how = fmt::format("the trail has custom event selectors and {} has none for it",
                         trail_file(trail, "event-selectors.json"));
    return ev;
  }
  std::vector<std::string> notes;
  for (const auto& [text, reader] : {std::pair{&trail.event_selectors_json, &read_classic},
                                     std::pair{&trail.advanced_event_selectors_json, &read_advanced}}) {
    if (text->empty()) continue;
    Result<JsonDocument> doc = parse_json(*text, trail_file(trail, "event-selectors.json"));
    if (!doc || !doc->root.is_array()) {
      ev.how = fmt::format("the event selectors of the trail in {} cannot be read",
                           trail_file(trail, "event-selectors.json"));
      return ev;
    }
    reader(doc->root, ev, notes);
  }
  ev.known = true;
  ev.how = notes.empty() ? "no event selector records management events" : fmt::format("{}", fmt::join(notes, "; "));
  return ev;
}

}  // namespace iamwarden::audit
