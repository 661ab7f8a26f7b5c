// SARIF 2.1.0 (the format GitHub code scanning ingests): rules from the rule table, one result per finding.
#include <fmt/format.h>

#include "base/json_writer.h"
#include "base/version.h"
#include "secrets/report.h"

namespace iamwarden::secrets {
namespace {

std::string_view sarif_level(Severity s) {
  if (s >= Severity::kHigh) return "error";
  return s == Severity::kMedium ? "warning" : "note";
}

// GitHub's security-severity scale (0-10) for the severity buckets.
std::string_view security_severity(Severity s) {
  switch (s) {
    case Severity::kCritical: return "9.5";
    case Severity::kHigh: return "8.0";
    case Severity::kMedium: return "5.5";
    case Severity::kLow: return "3.0";
    case Severity::kInfo: break;
  }
  return "0.0";
}

// A region by line and column, or (line unknown: the end of a partly read file) by byte offset.
std::string location(const std::string& path, uint32_t line, uint32_t column, uint64_t offset = 0) {
  std::string out = fmt::format("{{\"physicalLocation\":{{\"artifactLocation\":{{\"uri\":{}}}", json_quote(path));
  if (line) out += fmt::format(",\"region\":{{\"startLine\":{},\"startColumn\":{}}}", line, column ? column : 1);
  else if (offset) out += fmt::format(",\"region\":{{\"byteOffset\":{}}}", offset);
  return out + "}}";
}

std::string rules() {
  std::string out;
  for (const RuleInfo& r : all_rules()) {
    if (!out.empty()) out += ",";
    out += fmt::format(
        "{{\"id\":{},\"name\":{},\"shortDescription\":{{\"text\":{}}},\"fullDescription\":{{\"text\":{}}},"
        "\"help\":{{\"text\":{}}},\"defaultConfiguration\":{{\"level\":\"{}\"}},"
        "\"properties\":{{\"security-severity\":\"{}\",\"tags\":[\"security\",\"secrets\",\"aws\"]}}}}",
        json_quote(r.id), json_quote(r.id), json_quote(r.title), json_quote(r.title), json_quote(r.help),
        sarif_level(r.severity), security_severity(r.severity));
  }
  return out;
}

std::string results(const ScanResult& result) {
  std::string out;
  for (const Finding& f : result.findings) {
    if (!out.empty()) out += ",";
    out += fmt::format("{{\"ruleId\":{},\"ruleIndex\":{},\"level\":\"{}\",\"message\":{{\"text\":{}}},\"locations\":[{}],"
                       "\"partialFingerprints\":{{\"iamwardenFingerprint/v1\":{}}}",
                       json_quote(rule_info(f.rule).id), static_cast<int>(f.rule), sarif_level(f.severity),
                       json_quote(describe(f)), location(f.path, f.line, f.column, f.offset), json_quote(f.hash));
    out += fmt::format(",\"properties\":{{\"severity\":{}", json_quote(severity_name(f.severity)));
    if (f.account) out += fmt::format(",\"account\":{}", json_quote(format_account(*f.account)));
    if (f.origin) out += fmt::format(",\"commit\":{}", json_quote(f.origin->commit));
    out += "}}";
  }
  return out;
}

std::string notifications(const ScanResult& result) {
  std::string out;
  auto add = [&](const std::vector<Error>& problems, std::string_view level) {
    for (const Error& e : problems) {
      if (!out.empty()) out += ",";
      out += fmt::format("{{\"level\":\"{}\",\"message\":{{\"text\":{}}},\"locations\":[{}]}}", level,
                         json_quote(e.message), location(e.loc.file, e.loc.line, e.loc.column));
    }
  };
  add(result.errors, "error");
  add(result.warnings, "warning");
  for (const Unread& u : result.unread) {
    if (!out.empty()) out += ",";
    out += fmt::format("{{\"level\":\"warning\",\"message\":{{\"text\":{}}},\"locations\":[{}],"
                       "\"properties\":{{\"reason\":{}}}}}",
                       json_quote("not fully read: " + u.detail), location(u.path, 0, 0), json_quote(u.reason));
  }
  return out;
}

}  // namespace

std::string format_sarif(const ScanResult& result) {
  return fmt::format(
      "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{{"
      "\"tool\":{{\"driver\":{{\"name\":\"iamwarden\",\"semanticVersion\":\"{}\","
      "\"rules\":[{}]}}}},"
      "\"invocations\":[{{\"executionSuccessful\":{},\"toolExecutionNotifications\":[{}]}}],"
      "\"results\":[{}]}}]}}\n",
      tool_version(), rules(), result.complete() ? "true" : "false", notifications(result), results(result));
}

}  // namespace iamwarden::secrets
