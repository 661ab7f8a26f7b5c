// Reading data/risk-categories.json (format 1, data/README.md) with simdjson.
#include "catalog/risk_categories.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>

#include "base/ascii.h"
#include "catalog/catalog.h"
#include "catalog/data_files.h"

namespace iamwarden::catalog {
namespace {

constexpr std::string_view kFileName = "risk-categories.json";

Error bad_data(std::string_view file, std::string pointer, std::string_view what) {
  return malformed_data("risk category data", file, std::move(pointer), what);
}

std::string lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool concrete_action(std::string_view action) {
  const size_t colon = action.find(':');
  return colon != std::string_view::npos && colon > 0 && colon + 1 < action.size() &&
         action.find(':', colon + 1) == std::string_view::npos && action.find_first_of("*? ") == std::string_view::npos;
}

// A list of strings at `at`; each checked by `check` (an error message, or "" when fine).
template <typename Check>
std::optional<Error> read_strings(simdjson::dom::element value, std::string_view file, const std::string& at,
                                  std::vector<std::string>& out, Check check) {
  simdjson::dom::array array;
  if (value.get_array().get(array) || array.size() == 0) return bad_data(file, at, "must be a non-empty array of strings");
  size_t index = 0;
  for (simdjson::dom::element item : array) {
    const std::string item_at = fmt::format("{}/{}", at, index++);
    std::string_view text;
    if (item.get_string().get(text)) return bad_data(file, item_at, "must be a string");
    if (std::string problem = check(text); !problem.empty()) return bad_data(file, item_at, problem);
    out.emplace_back(text);
  }
  return std::nullopt;
}

Result<RiskCategory> read_category(simdjson::dom::element element, std::string_view file, const std::string& pointer) {
  simdjson::dom::object object;
  if (element.get_object().get(object)) return bad_data(file, pointer, "a category must be an object");
  RiskCategory out;
  for (simdjson::dom::key_value_pair member : object) {
    const std::string at = pointer + "/" + std::string(member.key);
    if (member.key == "actions") {
      if (auto e = read_strings(member.value, file, at, out.actions, [](std::string_view a) {
            return concrete_action(a) ? std::string() : fmt::format("\"{}\" is not one \"service:Action\"", a);
          }))
        return *e;
      continue;
    }
    if (member.key == "access_levels") {
      std::vector<std::string> names;
      if (auto e = read_strings(member.value, file, at, names, [](std::string_view n) {
            return parse_access_level(n) ? std::string() : fmt::format("\"{}\" is not an access level", n);
          }))
        return *e;
      for (const std::string& n : names) out.access_levels.push_back(*parse_access_level(n));
      continue;
    }
    std::string* target = member.key == "id" ? &out.id : member.key == "title" ? &out.title : member.key == "what" ? &out.what : nullptr;
    if (!target)
      return bad_data(file, at, fmt::format("unknown member \"{}\" (members: id, title, what, actions, access_levels)",
                                            std::string(member.key)));
    std::string_view text;
    if (member.value.get_string().get(text) || text.empty())
      return bad_data(file, at, fmt::format("\"{}\" must be a non-empty string", std::string(member.key)));
    *target = std::string(text);
  }
  if (out.id.empty() || out.title.empty() || out.what.empty())
    return bad_data(file, pointer, "a category needs id, title and what");
  if (out.actions.empty() == out.access_levels.empty())
    return bad_data(file, pointer, "a category has either actions or access_levels");
  std::sort(out.actions.begin(), out.actions.end(), [](const std::string& a, const std::string& b) {
    return lowered(a) < lowered(b);
  });
  for (size_t i = 1; i < out.actions.size(); ++i)
    if (ascii_iequals(out.actions[i - 1], out.actions[i]))
      return bad_data(file, pointer + "/actions", fmt::format("\"{}\" is listed twice", out.actions[i]));
  return out;
}

}  // namespace

bool RiskCategory::covers(const Action& action, std::string_view prefix) const {
  if (!access_levels.empty())
    return std::find(access_levels.begin(), access_levels.end(), action.level) != access_levels.end();
  const std::string full = lowered(fmt::format("{}:{}", prefix, action.name));
  auto it = std::lower_bound(actions.begin(), actions.end(), full,
                             [](const std::string& a, const std::string& b) { return lowered(a) < b; });
  return it != actions.end() && lowered(*it) == full;
}

Result<RiskCategories> RiskCategories::from_json(std::string_view json, std::string_view file) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto error = parser.parse(json.data(), json.size()).get(root))
    return Error{ErrorCode::kJsonSyntax, fmt::format("{} is not valid JSON: {}", file, simdjson::error_message(error)),
                 SourceLoc{std::string(file), 0, 0, ""}, ""};
  int64_t format = 0;
  if (root["format"].get_int64().get(format) || format != 1) return bad_data(file, "/format", "format must be 1");
  simdjson::dom::array categories;
  if (root["categories"].get_array().get(categories)) return bad_data(file, "/categories", "categories must be an array");
  RiskCategories out;
  size_t index = 0;
  for (simdjson::dom::element element : categories) {
    Result<RiskCategory> category = read_category(element, file, fmt::format("/categories/{}", index++));
    if (!category) return category.error();
    if (out.find(category->id)) return bad_data(file, fmt::format("/categories/{}/id", index - 1), "ids must be unique");
    out.categories_.push_back(category.take());
  }
  return out;
}

const RiskCategory* RiskCategories::find(std::string_view id) const {
  for (const RiskCategory& c : categories_)
    if (c.id == id) return &c;
  return nullptr;
}

Result<RiskCategories> load_risk_categories(const std::string& data_dir) {
  Result<std::string> text = read_data_file(kFileName, data_dir);
  if (!text) return text.error();
  return RiskCategories::from_json(*text,
                                   data_dir.empty() ? "data/" + std::string(kFileName) : data_file_label(kFileName, data_dir));
}

}  // namespace iamwarden::catalog
