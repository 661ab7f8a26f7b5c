// Reading data/caller-restrictions.json (format 1, data/README.md) with simdjson, and applying it to caller kinds.
#include "catalog/caller_restrictions.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <simdjson.h>

#include <algorithm>
#include <array>

#include "base/ascii.h"
#include "catalog/data_files.h"
#include "eval/request.h"

namespace iamwarden::catalog {
namespace {

constexpr std::string_view kFileName = "caller-restrictions.json";

constexpr std::array<std::string_view, 7> kKindIds = {"root",    "user",         "role-session", "federated-user",
                                                      "service", "web-identity", "anonymous"};

Error bad_data(std::string_view file, std::string pointer, std::string_view what) {
  return malformed_data("caller restriction data", file, std::move(pointer), what);
}

// "service:Action": one colon, no wildcard, nothing empty.
bool concrete_action(std::string_view action) {
  size_t colon = action.find(':');
  return colon != std::string_view::npos && colon > 0 && colon + 1 < action.size() &&
         action.find(':', colon + 1) == std::string_view::npos && action.find_first_of("*? ") == std::string_view::npos;
}

// One entry of "restrictions"; an error names the member at fault.
Result<CallerRestriction> read_entry(simdjson::dom::element element, std::string_view file, const std::string& pointer) {
  simdjson::dom::object object;
  if (element.get_object().get(object)) return bad_data(file, pointer, "a restriction must be an object");
  CallerRestriction out;
  bool has_callers = false;
  for (simdjson::dom::key_value_pair member : object) {
    const std::string at = pointer + "/" + std::string(member.key);
    std::string_view text;
    if (member.key == "callers") {
      simdjson::dom::array callers;
      if (member.value.get_array().get(callers) || callers.size() == 0)
        return bad_data(file, at, "\"callers\" must be a non-empty array of caller kinds");
      size_t index = 0;
      for (simdjson::dom::element kind : callers) {
        const std::string kind_at = fmt::format("{}/{}", at, index++);
        if (kind.get_string().get(text) || std::find(kKindIds.begin(), kKindIds.end(), text) == kKindIds.end())
          return bad_data(file, kind_at, fmt::format("a caller kind is one of: {}", fmt::join(kKindIds, ", ")));
        out.callers.emplace_back(text);
      }
      has_callers = true;
      continue;
    }
    std::string* target = member.key == "action"      ? &out.action
                          : member.key == "reason"    ? &out.reason
                          : member.key == "reference" ? &out.reference
                                                      : nullptr;
    if (!target)
      return bad_data(file, at, fmt::format("unknown member \"{}\" (members: action, callers, reason, reference)",
                                            std::string(member.key)));
    if (member.value.get_string().get(text) || text.empty())
      return bad_data(file, at, fmt::format("\"{}\" must be a non-empty string", std::string(member.key)));
    *target = std::string(text);
  }
  if (out.action.empty() || !has_callers || out.reason.empty() || out.reference.empty())
    return bad_data(file, pointer, "a restriction needs action, callers, reason and reference");
  if (!concrete_action(out.action))
    return bad_data(file, pointer + "/action", fmt::format("\"{}\" is not one \"service:Action\"", out.action));
  return out;
}

std::string_view article(std::string_view noun) {
  return !noun.empty() && std::string_view("aeiouAEIOU").find(noun.front()) != std::string_view::npos ? "an" : "a";
}

}  // namespace

Result<CallerRestrictions> CallerRestrictions::from_json(std::string_view json, std::string_view file) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  if (auto error = parser.parse(padded).get(root)) return bad_data(file, "", simdjson::error_message(error));
  uint64_t format = 0;
  if (root["format"].get_uint64().get(format) || format != 1)
    return bad_data(file, "/format", "\"format\" must be 1 (this build reads format 1)");
  simdjson::dom::array entries;
  if (root["restrictions"].get_array().get(entries))
    return bad_data(file, "/restrictions", "no \"restrictions\" array");
  CallerRestrictions out;
  size_t index = 0;
  for (simdjson::dom::element element : entries) {
    const std::string pointer = fmt::format("/restrictions/{}", index++);
    Result<CallerRestriction> entry = read_entry(element, file, pointer);
    if (!entry) return entry.error();
    if (out.find(entry->action))
      return bad_data(file, pointer + "/action", fmt::format("\"{}\" is listed twice", entry->action));
    entry->source = std::string(file);
    out.restrictions_.push_back(entry.take());
  }
  return out;
}

const CallerRestriction* CallerRestrictions::find(std::string_view action) const {
  for (const CallerRestriction& r : restrictions_)
    if (ascii_iequals(r.action, action)) return &r;
  return nullptr;
}

Result<CallerRestrictions> load_caller_restrictions(const std::string& data_dir) {
  Result<std::string> text = read_data_file(kFileName, data_dir);
  if (!text) return text.error();
  // Explanations cite the file: the source tree's name for the built-in copy, else the path read.
  return CallerRestrictions::from_json(
      *text, data_dir.empty() ? "data/" + std::string(kFileName) : data_file_label(kFileName, data_dir));
}

std::string_view caller_kind_id(eval::CallerKind kind) {
  switch (kind) {
    case eval::CallerKind::kRoot: return kKindIds[0];
    case eval::CallerKind::kUser: return kKindIds[1];
    case eval::CallerKind::kRoleSession: return kKindIds[2];
    case eval::CallerKind::kFederatedUser: return kKindIds[3];
    case eval::CallerKind::kServicePrincipal: return kKindIds[4];
    case eval::CallerKind::kWebIdentity: return kKindIds[5];
    case eval::CallerKind::kAnonymous: return kKindIds[6];
  }
  return kKindIds[6];
}

bool caller_allowed(const CallerRestriction& restriction, eval::CallerKind kind) {
  return std::find(restriction.callers.begin(), restriction.callers.end(), caller_kind_id(kind)) !=
         restriction.callers.end();
}

std::string caller_refusal(const CallerRestriction& restriction, eval::CallerKind kind) {
  std::string_view who = eval::caller_kind_name(kind);
  return fmt::format("{} cannot be called by {} {}: {} ({})", restriction.action, article(who), who, restriction.reason,
                     restriction.source);
}

}  // namespace iamwarden::catalog
