// Reading data/managed-policies.json and resolving policies by name or ARN.
#include "catalog/managed_policies.h"

#include <simdjson.h>

#include "catalog/data_files.h"

namespace iamwarden::catalog {
namespace {

Error bad_data(std::string_view file, std::string pointer, std::string_view what) {
  return Error{ErrorCode::kInvalidInput, "the managed policy data is malformed: " + std::string(what),
               SourceLoc{std::string(file), 0, 0, std::move(pointer)}, "regenerate it with scripts/update-data"};
}

}  // namespace

Result<ManagedPolicies> ManagedPolicies::from_json(std::string_view json, std::string_view file) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  if (auto error = parser.parse(padded).get(root)) return bad_data(file, "", simdjson::error_message(error));
  simdjson::dom::array policies;
  if (root["policies"].get_array().get(policies)) return bad_data(file, "/policies", "no \"policies\" array");
  ManagedPolicies out;
  out.policies_.reserve(policies.size());
  size_t index = 0;
  for (simdjson::dom::element p : policies) {
    std::string pointer = "/policies/" + std::to_string(index++);
    std::string_view name, arn, path, version;
    simdjson::dom::element document;
    if (p["name"].get_string().get(name) || p["arn"].get_string().get(arn) || p["path"].get_string().get(path) ||
        p["version"].get_string().get(version) || p["document"].get(document))
      return bad_data(file, pointer, "a policy needs string name, arn, path and version, and a document");
    out.policies_.push_back({std::string(name), std::string(arn), std::string(path), std::string(version),
                             simdjson::minify(document)});
  }
  for (size_t i = 0; i < out.policies_.size(); ++i) out.by_name_.emplace(out.policies_[i].name, i);
  return out;
}

const ManagedPolicy* ManagedPolicies::find(std::string_view name_or_arn) const {
  std::string_view name = name_or_arn;
  if (name.rfind("arn:", 0) == 0) {
    // arn:<partition>:iam::aws:policy[/path]/Name
    size_t marker = name.find(":iam::aws:policy/");
    if (marker == std::string_view::npos) return nullptr;
    name = name.substr(name.rfind('/') + 1);
  }
  auto it = by_name_.find(name);
  if (it == by_name_.end()) return nullptr;
  const ManagedPolicy& policy = policies_[it->second];
  if (name.size() != name_or_arn.size()) {
    // An ARN must also carry the policy's path.
    std::string_view rest = name_or_arn.substr(name_or_arn.find(":iam::aws:policy") + 16);
    if (!CaseInsensitiveEqual{}(rest, policy.path + policy.name)) return nullptr;
  }
  return &policy;
}

Result<ManagedPolicies> load_managed_policies(const std::string& data_dir) {
  Result<std::string> text = read_data_file("managed-policies.json", data_dir);
  if (!text) return text.error();
  return ManagedPolicies::from_json(*text, data_file_label("managed-policies.json", data_dir));
}

}  // namespace iamwarden::catalog
