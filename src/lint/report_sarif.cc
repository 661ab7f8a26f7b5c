// SARIF 2.1.0 output that GitHub code scanning accepts: rules with help and security-severity, located results.
#include <fmt/format.h>

#include <map>

#include "base/json_writer.h"
#include "base/version.h"
#include "lint/report.h"
#include "lint/rule.h"

namespace iamwarden::lint {
namespace {

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kSecurityWarning:
    case Severity::kWarning: return "warning";
    case Severity::kSuggestion: return "note";
  }
  return "warning";
}

// GitHub maps security-severity to critical (>= 9), high (>= 7), medium (>= 4) and low.
std::string_view security_severity(Severity severity) {
  switch (severity) {
    case Severity::kSecurityWarning: return "7.5";
    case Severity::kError: return "5.0";
    case Severity::kWarning: return "4.0";
    case Severity::kSuggestion: return "1.0";
  }
  return "1.0";
}

std::string artifact_uri(const std::string& file) {
  if (file == "-") return "stdin";
  std::string uri = file;
  while (uri.rfind("./", 0) == 0) uri.erase(0, 2);
  return uri;
}

}  // namespace

std::string format_sarif(std::span<const LintResult> results) {
  std::vector<const LintMeta*> codes = all_lint_codes();
  std::map<std::string_view, size_t> rule_index;
  std::string rules;
  for (size_t i = 0; i < codes.size(); ++i) {
    const LintMeta& m = *codes[i];
    rule_index[m.code] = i;
    std::string help = fmt::format("{} {}", m.description, m.hint.empty() ? "" : fmt::format("Fix: {}.", m.hint));
    rules += fmt::format(
        "{}\n{{\"id\":{},\"name\":{},\"shortDescription\":{{\"text\":{}}},\"fullDescription\":{{\"text\":{}}},"
        "\"help\":{{\"text\":{},\"markdown\":{}}},\"helpUri\":\"https://github.com/iamwarden/iamwarden/blob/main/docs/lint.md\","
        "\"defaultConfiguration\":{{\"level\":\"{}\"}},"
        "\"properties\":{{\"security-severity\":\"{}\",\"precision\":\"high\",\"tags\":[\"security\",\"iam\",{}]}}}}",
        i ? "," : "", json_quote(m.code), json_quote(m.code), json_quote(m.title), json_quote(m.description),
        json_quote(help), json_quote(help), sarif_level(m.severity), security_severity(m.severity),
        json_quote(severity_name(m.severity)));
  }
  std::string out = fmt::format(
      "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{{"
      "\"tool\":{{\"driver\":{{\"name\":\"iamwarden\",\"version\":\"{}\","
      "\"informationUri\":\"https://github.com/iamwarden/iamwarden\",\"rules\":[{}\n]}}}},\"results\":[",
      tool_version(), rules);
  bool first = true;
  for (const LintResult& result : results) {
    for (const Finding& f : result.findings) {
      auto it = rule_index.find(f.code);
      std::string region = f.loc.line ? fmt::format(",\"region\":{{\"startLine\":{},\"startColumn\":{}}}", f.loc.line,
                                                    f.loc.column ? f.loc.column : 1)
                                      : std::string();
      std::string text = f.hint.empty() ? f.message : fmt::format("{} (hint: {})", f.message, f.hint);
      out += fmt::format(
          "{}\n{{\"ruleId\":{},{}\"level\":\"{}\",\"message\":{{\"text\":{}}},"
          "\"locations\":[{{\"physicalLocation\":{{\"artifactLocation\":{{\"uri\":{}}}{}}},"
          "\"logicalLocations\":[{{\"fullyQualifiedName\":{}}}]}}]}}",
          first ? "" : ",", json_quote(f.code),
          it == rule_index.end() ? std::string() : fmt::format("\"ruleIndex\":{},", it->second),
          sarif_level(f.severity), json_quote(text), json_quote(artifact_uri(result.file)), region,
          json_quote(f.loc.json_pointer.empty() ? "/" : f.loc.json_pointer));
      first = false;
    }
  }
  // The kind each policy was linted as, and why, on its artifact.
  out += "\n],\"artifacts\":[";
  first = true;
  for (const LintResult& result : results) {
    if (!result.kind_given && result.kind_why.empty()) continue;
    out += fmt::format("{}\n{{\"location\":{{\"uri\":{}}},\"properties\":{{\"policyKind\":{},\"policyKindGiven\":{},"
                       "\"policyKindReason\":{}}}}}",
                       first ? "" : ",", json_quote(artifact_uri(result.file)),
                       json_quote(policy::policy_kind_name(result.kind)), result.kind_given ? "true" : "false",
                       json_quote(result.kind_why));
    first = false;
  }
  out += "\n]}]}\n";
  return out;
}

}  // namespace iamwarden::lint
