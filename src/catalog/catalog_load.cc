// Reading data/catalog.json (format 1, see data/README.md) into a Catalog with simdjson.
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <string>

#include "catalog/catalog.h"
#include "catalog/data_files.h"

namespace iamwarden::catalog {
namespace {

Error bad_data(std::string_view file, std::string pointer, std::string_view what) {
  return Error{ErrorCode::kInvalidInput, "the action catalog data is malformed: " + std::string(what),
               SourceLoc{std::string(file), 0, 0, std::move(pointer)}, "regenerate it with scripts/update-data"};
}

bool read_keys(simdjson::dom::array array, std::vector<ConditionKey>& out) {
  for (simdjson::dom::element item : array) {
    simdjson::dom::array pair;
    std::string_view name, type;
    if (item.get_array().get(pair) || pair.size() != 2) return false;
    if (pair.at(0).get_string().get(name) || pair.at(1).get_string().get(type)) return false;
    ConditionKey key;
    key.name = std::string(name);
    key.type = parse_key_type(type).value_or(KeyTypeInfo{});
    key.has_placeholder = name.find("${") != std::string_view::npos;
    out.push_back(std::move(key));
  }
  return true;
}

bool read_indices(simdjson::dom::element element, std::vector<uint32_t>& out) {
  simdjson::dom::array array;
  if (element.get_array().get(array)) return false;
  out.reserve(array.size());
  for (simdjson::dom::element item : array) {
    uint64_t value = 0;
    // Range first: a truncated 2^32 + 1 would pass the callers' index checks as 1.
    if (item.get_uint64().get(value) || value > std::numeric_limits<uint32_t>::max()) return false;
    out.push_back(static_cast<uint32_t>(value));
  }
  return true;
}

bool less_ignoring_case(const std::string& a, const std::string& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) < std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

Result<Catalog> Catalog::from_json(std::string_view json, std::string_view file) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  if (auto error = parser.parse(padded).get(root)) return bad_data(file, "", simdjson::error_message(error));
  uint64_t format = 0;
  if (root["format"].get_uint64().get(format) || format != 1) return bad_data(file, "/format", "unsupported format (expected 1)");

  Catalog catalog;
  simdjson::dom::array globals, services;
  if (root["global_keys"].get_array().get(globals) || !read_keys(globals, catalog.global_keys_))
    return bad_data(file, "/global_keys", "global_keys must be an array of [name, type] pairs");
  if (root["services"].get_array().get(services)) return bad_data(file, "/services", "no \"services\" array");
  catalog.services_.reserve(services.size());
  size_t service_number = 0;
  for (simdjson::dom::element s : services) {
    const std::string at = "/services/" + std::to_string(service_number++);
    Service service;
    std::string_view prefix, name;
    simdjson::dom::array keys, resources, actions;
    if (s["prefix"].get_string().get(prefix) || s["name"].get_string().get(name) || s["keys"].get_array().get(keys) ||
        s["resources"].get_array().get(resources) || s["actions"].get_array().get(actions))
      return bad_data(file, at, "a service needs prefix, name, keys, resources and actions");
    service.prefix = std::string(prefix);
    service.name = std::string(name);
    if (!read_keys(keys, service.keys)) return bad_data(file, at + "/keys", "keys of " + service.prefix);
    size_t resource_number = 0;
    for (simdjson::dom::element r : resources) {
      const std::string resource_at = at + "/resources/" + std::to_string(resource_number++);
      simdjson::dom::array triple;
      std::string_view rname, arn;
      ResourceType type;
      if (r.get_array().get(triple) || triple.size() != 3 || triple.at(0).get_string().get(rname) ||
          triple.at(1).get_string().get(arn) || !read_indices(triple.at(2).value_unsafe(), type.keys))
        return bad_data(file, resource_at, "resource of " + service.prefix);
      type.name = std::string(rname);
      type.arn_template = std::string(arn);
      service.resources.push_back(std::move(type));
    }
    const uint32_t service_index = static_cast<uint32_t>(catalog.services_.size());
    service.first_action = static_cast<uint32_t>(catalog.actions_.size());
    size_t action_number = 0;
    for (simdjson::dom::element a : actions) {
      const std::string action_at = at + "/actions/" + std::to_string(action_number++);
      simdjson::dom::array fields;
      std::string_view aname, level;
      std::vector<uint32_t> refs;
      Action action;
      if (a.get_array().get(fields) || fields.size() != 4 || fields.at(0).get_string().get(aname) ||
          fields.at(1).get_string().get(level) || level.size() != 1 || !read_indices(fields.at(2).value_unsafe(), refs) ||
          !read_indices(fields.at(3).value_unsafe(), action.keys))
        return bad_data(file, action_at, "action of " + service.prefix);
      std::optional<AccessLevel> parsed_level = access_level_from_code(level[0]);
      if (!parsed_level) return bad_data(file, action_at + "/1", "access level of " + std::string(aname));
      action.name = std::string(aname);
      action.level = *parsed_level;
      action.service = service_index;
      for (uint32_t ref : refs) {
        if (ref / 2 >= service.resources.size())
          return bad_data(file, action_at + "/2", "resource index of " + action.name);
        action.resources.push_back({ref / 2, (ref & 1) != 0});
      }
      for (uint32_t k : action.keys)
        if (k >= service.keys.size()) return bad_data(file, action_at + "/3", "key index of " + action.name);
      catalog.actions_.push_back(std::move(action));
    }
    service.action_count = static_cast<uint32_t>(catalog.actions_.size()) - service.first_action;
    std::sort(catalog.actions_.begin() + service.first_action, catalog.actions_.end(),
              [](const Action& x, const Action& y) { return less_ignoring_case(x.name, y.name); });
    catalog.services_.push_back(std::move(service));
  }
  catalog.build_indices();
  return catalog;
}

Result<Catalog> load_catalog(const std::string& data_dir) {
  Result<std::string> text = read_data_file("catalog.json", data_dir);
  if (!text) return text.error();
  return Catalog::from_json(*text, data_file_label("catalog.json", data_dir));
}

}  // namespace iamwarden::catalog
