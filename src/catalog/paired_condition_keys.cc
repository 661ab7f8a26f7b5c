// Reading data/paired-condition-keys.json (format 1, data/README.md) with simdjson.
#include "catalog/paired_condition_keys.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "catalog/data_files.h"

namespace iamwarden::catalog {
namespace {

constexpr std::string_view kFileName = "paired-condition-keys.json";

Error bad_data(std::string_view file, std::string pointer, std::string_view what) {
  return malformed_data("paired condition key data", file, std::move(pointer), what);
}

Result<PairedConditionKey> read_pair(simdjson::dom::element element, std::string_view file, const std::string& at) {
  simdjson::dom::object object;
  if (element.get_object().get(object)) return bad_data(file, at, "a pair must be an object");
  PairedConditionKey out;
  for (auto member : object) {
    const std::string key(member.key);
    if (key == "recommended") {
      simdjson::dom::array array;
      if (member.value.get_array().get(array)) return bad_data(file, at + "/recommended", "must be an array");
      for (simdjson::dom::element item : array) {
        std::string_view text;
        if (item.get_string().get(text) || text.empty())
          return bad_data(file, at + "/recommended", "holds non-empty strings");
        out.recommended.emplace_back(text);
      }
      continue;
    }
    std::string_view text;
    if (member.value.get_string().get(text) || text.empty())
      return bad_data(file, at + "/" + key, "must be a non-empty string");
    if (key == "key") {
      out.key = std::string(text);
    } else if (key == "why") {
      out.why = std::string(text);
    } else if (key == "when") {
      if (text != "arn_without_account")
        return bad_data(file, at + "/when", fmt::format("\"{}\" is not a known condition (arn_without_account)", text));
      out.when = PairCondition::kArnWithoutAccount;
    } else {
      return bad_data(file, at, fmt::format("unknown member \"{}\" (members: key, when, recommended, why)", key));
    }
  }
  if (out.key.empty() || out.why.empty() || out.recommended.empty())
    return bad_data(file, at, "a pair needs key, recommended and why");
  return out;
}

}  // namespace

Result<std::vector<PairedConditionKey>> paired_condition_keys_from_json(std::string_view json, std::string_view file) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto error = parser.parse(json.data(), json.size()).get(root))
    return Error{ErrorCode::kJsonSyntax, fmt::format("{} is not valid JSON: {}", file, simdjson::error_message(error)),
                 SourceLoc{std::string(file), 0, 0, ""}, ""};
  int64_t format = 0;
  if (root["format"].get_int64().get(format) || format != 1) return bad_data(file, "/format", "format must be 1");
  simdjson::dom::array pairs;
  if (root["pairs"].get_array().get(pairs)) return bad_data(file, "/pairs", "pairs must be an array");
  std::vector<PairedConditionKey> out;
  for (simdjson::dom::element element : pairs) {
    Result<PairedConditionKey> pair = read_pair(element, file, fmt::format("/pairs/{}", out.size()));
    if (!pair) return pair.error();
    out.push_back(pair.take());
  }
  return out;
}

Result<std::vector<PairedConditionKey>> load_paired_condition_keys(const std::string& data_dir) {
  Result<std::string> text = read_data_file(kFileName, data_dir);
  if (!text) return text.error();
  return paired_condition_keys_from_json(
      *text, data_dir.empty() ? "data/" + std::string(kFileName) : data_file_label(kFileName, data_dir));
}

}  // namespace iamwarden::catalog
