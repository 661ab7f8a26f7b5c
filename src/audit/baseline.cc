// Reading a previous JSON report and comparing its failures with the current ones.
#include "audit/baseline.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "base/json.h"

namespace iamwarden::audit {

Result<std::vector<BaselineFinding>> load_baseline(const std::string& path) {
  Result<JsonDocument> parsed = read_json_file(path);
  if (!parsed) return parsed.error();
  const JsonDocument& doc = *parsed;
  const JsonNode* results = doc.root.is_object() ? doc.root.find("results") : nullptr;
  if (!results || !results->is_array())
    return Error{ErrorCode::kInvalidInput, "a baseline must be a report of `iamwarden audit --format json` (no \"results\" array)",
                 doc.locate(doc.root.offset, ""), {}};
  std::vector<BaselineFinding> out;
  for (size_t i = 0; i < results->items.size(); ++i) {
    const JsonNode& r = results->items[i];
    auto field = [&](std::string_view key) -> const JsonNode* {
      const JsonNode* n = r.is_object() ? r.find(key) : nullptr;
      return n && n->is_string() ? n : nullptr;
    };
    const JsonNode* check = field("check");
    const JsonNode* status = field("status");
    const JsonNode* resource = field("resource");
    if (!check || !status || !resource)
      return Error{ErrorCode::kInvalidInput, "a result needs string \"check\", \"status\" and \"resource\"",
                   doc.locate(r.offset, fmt::format("/results/{}", i)), {}};
    if (status->text != "FAIL") continue;
    BaselineFinding f{check->text, resource->text, {}, {}};
    if (const JsonNode* s = field("severity")) f.severity = s->text;
    if (const JsonNode* m = field("message")) f.message = m->text;
    out.push_back(std::move(f));
  }
  return out;
}

BaselineDiff diff_baseline(const AuditReport& report, const std::vector<BaselineFinding>& baseline, std::string file) {
  BaselineDiff diff;
  diff.file = std::move(file);
  std::set<std::pair<std::string_view, std::string_view>> before, now;
  for (const BaselineFinding& b : baseline) before.emplace(b.check, b.resource);
  for (const Finding& f : report.results) {
    if (f.status != Status::kFail) continue;
    now.emplace(f.check->id, f.resource);
    if (before.count({f.check->id, f.resource})) ++diff.unchanged;
    else diff.added.push_back(&f);
  }
  for (const BaselineFinding& b : baseline)
    if (!now.count({b.check, b.resource})) diff.resolved.push_back(b);
  return diff;
}

}  // namespace iamwarden::audit
