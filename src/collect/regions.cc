// Region lists: parsing, validation and per-partition defaults.
#include "collect/regions.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/json.h"

namespace iamwarden::collect {
namespace {

void sort_unique(std::vector<std::string>& names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
}

}  // namespace

bool is_region_name(std::string_view name) {
  if (name.empty() || name.size() > 32 || !(name[0] >= 'a' && name[0] <= 'z')) return false;
  if (name.find('-') == std::string_view::npos) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

Result<std::vector<std::string>> parse_region_list(std::string_view text) {
  std::vector<std::string> names;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view name = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty()) continue;
    if (!is_region_name(name)) {
      return Error{ErrorCode::kUsage, fmt::format("not a region name: \"{}\"", name), {},
                   "use --regions all or a comma-separated list such as eu-west-1,us-east-1"};
    }
    names.emplace_back(name);
  }
  if (names.empty()) return Error{ErrorCode::kUsage, "--regions lists no region", {}, ""};
  sort_unique(names);
  return names;
}

Result<std::vector<std::string>> regions_from_json(std::string text) {
  Result<JsonDocument> doc = parse_json(std::move(text), "describe-regions");
  if (!doc) return doc.error();
  const JsonNode* list = doc->root.find("Regions");
  if (!list || !list->is_array()) return Error{ErrorCode::kInvalidInput, "no Regions list in the answer", {}, ""};
  std::vector<std::string> names;
  for (const JsonNode& item : list->items) {
    const JsonNode* name = item.find("RegionName");
    if (!name || !name->is_string() || !is_region_name(name->text)) continue;
    const JsonNode* status = item.find("RegionOptStatus");  // account list-regions
    if (status && status->is_string() && status->text != "ENABLED" && status->text != "ENABLED_BY_DEFAULT") continue;
    names.push_back(name->text);
  }
  if (names.empty()) return Error{ErrorCode::kInvalidInput, "the answer lists no region", {}, ""};
  sort_unique(names);
  return names;
}

std::vector<std::string> default_regions(std::string_view partition) {
  if (partition == "aws-cn") return {"cn-north-1", "cn-northwest-1"};
  if (partition == "aws-us-gov") return {"us-gov-east-1", "us-gov-west-1"};
  return {"ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1", "ap-southeast-2",
          "ca-central-1",   "eu-central-1",   "eu-north-1",     "eu-west-1",  "eu-west-2",      "eu-west-3",
          "sa-east-1",      "us-east-1",      "us-east-2",      "us-west-1",  "us-west-2"};
}

}  // namespace iamwarden::collect
