// Loading framework files and computing requirement statuses.
#include "audit/compliance.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "audit/parameters.h"
#include "base/files.h"
#include "base/json.h"
#include "catalog/embedded.h"

namespace iamwarden::audit {
namespace {

Error shape_error(const JsonDocument& doc, const JsonNode& node, std::string pointer, std::string message) {
  Error e{ErrorCode::kInvalidInput, std::move(message), doc.locate(node.offset, std::move(pointer)), {}};
  return e;
}

Result<std::string> string_member(const JsonDocument& doc, const JsonNode& obj, std::string_view key,
                                  const std::string& pointer, bool required) {
  const JsonNode* n = obj.find(key);
  if (!n) {
    if (!required) return std::string();
    return shape_error(doc, obj, pointer, fmt::format("missing \"{}\"", key));
  }
  if (!n->is_string())
    return shape_error(doc, *n, pointer + "/" + std::string(key), fmt::format("\"{}\" must be a string", key));
  return n->text;
}

// The frameworks embedded from data/compliance/<id>.json (tests check this list against the folder).
constexpr std::string_view kEmbeddedIds[] = {"aws-config", "cis-3.0", "cis-7.0", "iam-best-practices", "security-hub"};

}  // namespace

Result<Framework> parse_framework(std::string_view json, const std::string& file, std::string id) {
  Result<JsonDocument> parsed = parse_json(std::string(json), file);
  if (!parsed) return parsed.error();
  const JsonDocument& doc = *parsed;
  const JsonNode& root = doc.root;
  if (!root.is_object()) return shape_error(doc, root, "", "a framework file must be a JSON object");
  Framework fw;
  fw.id = std::move(id);
  for (auto [key, out] : {std::pair{"framework", &fw.name}, {"version", &fw.version}, {"description", &fw.description}}) {
    Result<std::string> v = string_member(doc, root, key, "", std::string_view(key) != "description");
    if (!v) return v.error();
    *out = v.take();
  }
  const JsonNode* reqs = root.find("requirements");
  if (!reqs || !reqs->is_array()) return shape_error(doc, root, "", "\"requirements\" must be an array");
  for (size_t i = 0; i < reqs->items.size(); ++i) {
    const JsonNode& r = reqs->items[i];
    std::string pointer = fmt::format("/requirements/{}", i);
    if (!r.is_object()) return shape_error(doc, r, pointer, "a requirement must be an object");
    Requirement req;
    for (auto [key, out] : {std::pair{"id", &req.id}, {"title", &req.title}, {"section", &req.section},
                            {"description", &req.description}}) {
      Result<std::string> v = string_member(doc, r, key, pointer, std::string_view(key) == "id" || std::string_view(key) == "title");
      if (!v) return v.error();
      *out = v.take();
    }
    Result<std::string> assessment = string_member(doc, r, "assessment", pointer, false);
    if (!assessment) return assessment.error();
    if (*assessment != "" && *assessment != "automated" && *assessment != "manual")
      return shape_error(doc, *r.find("assessment"), pointer + "/assessment", "\"assessment\" must be \"automated\" or \"manual\"");
    req.manual = *assessment == "manual";
    if (const JsonNode* checks = r.find("checks")) {
      if (!checks->is_array()) return shape_error(doc, *checks, pointer + "/checks", "\"checks\" must be an array of check ids");
      for (size_t k = 0; k < checks->items.size(); ++k) {
        if (!checks->items[k].is_string())
          return shape_error(doc, checks->items[k], fmt::format("{}/checks/{}", pointer, k), "a check id must be a string");
        req.checks.push_back(checks->items[k].text);
      }
    }
    if (!req.manual && req.checks.empty())
      return shape_error(doc, r, pointer, fmt::format("requirement {} has no checks: say \"assessment\": \"manual\"", req.id));
    if (const JsonNode* params = r.find("parameters")) {
      if (!params->is_object()) return shape_error(doc, *params, pointer + "/parameters", "\"parameters\" must be an object");
      for (const JsonMember& m : params->members) {
        const std::string where = pointer + "/parameters/" + m.key;
        if (!m.value.is_string())
          return shape_error(doc, m.value, where, fmt::format("parameter \"{}\" must be a string", m.key));
        // A known parameter must have a value its setting accepts, or the requirement would be
        // evaluated with something else than the framework says.
        if (const ParameterDef* def = find_parameter(m.key)) {
          AuditConfig probe;
          if (!def->apply(probe, m.value.text))
            return shape_error(doc, m.value, where,
                               fmt::format("parameter \"{}\" must be {}, not \"{}\"", m.key, def->values, m.value.text));
        }
        req.parameters.emplace_back(m.key, m.value.text);
      }
    }
    fw.requirements.push_back(std::move(req));
  }
  return fw;
}

Result<std::vector<Framework>> load_frameworks(const std::string& data_dir) {
  std::vector<Framework> out;
  if (data_dir.empty()) {
    for (std::string_view id : kEmbeddedIds) {
      std::string name = std::string(id) + ".json";
      std::string_view bytes = catalog::embedded_file(name);
      if (bytes.empty()) return Error{ErrorCode::kInternal, "no embedded " + name + " in this build", {}, {}};
      Result<Framework> fw = parse_framework(bytes, "embedded data/compliance/" + std::string(id) + ".json", std::string(id));
      if (!fw) return fw.error();
      out.push_back(fw.take());
    }
    return out;
  }
  std::string dir = (std::filesystem::path(data_dir) / "compliance").string();
  std::vector<std::string> skipped;
  Result<std::vector<std::string>> files = list_files(dir, ".json", &skipped);
  if (!files) return files.error();
  if (!skipped.empty())
    return Error{ErrorCode::kIo, "a framework file is a symbolic link or special file, which is not followed",
                 SourceLoc{skipped.front(), 0, 0, ""}, ""};
  for (const std::string& path : *files) {
    Result<std::string> text = read_tree_file(path);
    if (!text) return text.error();
    Result<Framework> fw = parse_framework(*text, path, std::filesystem::path(path).stem().string());
    if (!fw) return fw.error();
    out.push_back(fw.take());
  }
  std::sort(out.begin(), out.end(), [](const Framework& a, const Framework& b) { return a.id < b.id; });
  return out;
}

std::string_view requirement_status_name(RequirementStatus status) {
  switch (status) {
    case RequirementStatus::kPass: return "PASS";
    case RequirementStatus::kFail: return "FAIL";
    case RequirementStatus::kNotEvaluated: return "NOT_EVALUATED";
    case RequirementStatus::kManual: return "MANUAL";
  }
  return "?";
}

std::vector<std::pair<std::string, std::string>> applied_parameters(const Requirement& requirement) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : requirement.parameters) {
    bool honoured = false;
    for (const std::string& id : requirement.checks) {
      const Check* check = find_check(id);
      if (!check) continue;
      const std::vector<std::string_view>& names = check->meta->parameters;
      honoured = honoured || std::find(names.begin(), names.end(), name) != names.end();
    }
    if (honoured) out.emplace_back(name, value);
  }
  return out;
}

FrameworkResult evaluate_framework(const Framework& framework, std::span<const Finding> findings) {
  std::map<std::string_view, std::pair<size_t, size_t>> ranges;  // check id -> [first, last) in findings
  for (size_t i = 0; i < findings.size(); ++i) {
    auto [it, added] = ranges.try_emplace(findings[i].check->id, i, i + 1);
    if (!added) it->second.second = i + 1;
  }
  std::vector<Finding> sorted;  // findings not grouped by check: group them
  for (size_t i = 1; i < findings.size(); ++i) {
    if (findings[i].check->id >= findings[i - 1].check->id) continue;
    sorted.assign(findings.begin(), findings.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Finding& a, const Finding& b) { return a.check->id < b.check->id; });
    return evaluate_framework(framework, sorted);
  }
  return evaluate_framework(framework, [&](const Requirement&, std::string_view id) -> std::span<const Finding> {
    auto it = ranges.find(id);
    if (it == ranges.end()) return {};
    return findings.subspan(it->second.first, it->second.second - it->second.first);
  });
}

FrameworkResult evaluate_framework(const Framework& framework, const FindingsFor& findings_for) {
  struct Tally {
    size_t pass = 0, fail = 0, not_evaluated = 0;
  };
  FrameworkResult result;
  result.framework = &framework;
  for (const Requirement& req : framework.requirements) {
    RequirementResult r;
    r.requirement = &req;
    if (req.checks.empty()) {
      r.status = RequirementStatus::kManual;
      ++result.manual;
    } else {
      r.parameters = applied_parameters(req);
      Tally total;
      for (const std::string& id : req.checks) {
        std::span<const Finding> findings = findings_for(req, id);
        if (findings.empty()) {
          ++total.not_evaluated;  // the check did not run (filtered out) or reported nothing
          continue;
        }
        for (const Finding& f : findings) {
          if (f.status == Status::kFail) ++total.fail;
          else if (f.status == Status::kNotEvaluated) ++total.not_evaluated;
          else ++total.pass;
        }
      }
      r.failed = total.fail;
      if (total.fail) {
        r.status = RequirementStatus::kFail;
        ++result.failed;
      } else if (total.not_evaluated || !total.pass) {
        r.status = RequirementStatus::kNotEvaluated;
        ++result.not_evaluated;
      } else {
        r.status = RequirementStatus::kPass;
        ++result.passed;
      }
    }
    result.requirements.push_back(r);
  }
  if (result.passed + result.failed)
    result.score_percent = 100.0 * static_cast<double>(result.passed) / static_cast<double>(result.passed + result.failed);
  return result;
}

}  // namespace iamwarden::audit
