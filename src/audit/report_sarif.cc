// SARIF 2.1.0 for GitHub code scanning: one rule per check run (with remediation help and
// security-severity), a result per FAIL and per MUTED (suppressed), each located in a snapshot file.
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <set>

#include "audit/report.h"
#include "audit/report_util.h"
#include "snapshot/completeness.h"
#include "base/json_writer.h"
#include "base/sarif_uri.h"
#include "base/version.h"
#include "secrets/digest.h"

namespace iamwarden::audit {
namespace {

// By Severity (info, low, medium, high, critical). GitHub buckets security-severity into critical
// (>= 9.0), high (>= 7.0), medium (>= 4.0) and low.
constexpr std::string_view kLevels[] = {"note", "note", "warning", "error", "error"};
constexpr std::string_view kSecuritySeverities[] = {"0.0", "3.0", "5.5", "8.0", "9.5"};

std::string_view sarif_level(Severity s) { return kLevels[static_cast<size_t>(s)]; }
std::string_view security_severity(Severity s) { return kSecuritySeverities[static_cast<size_t>(s)]; }

// The snapshot file a finding comes from: its origin; else the first input the check reads, in the
// snapshot directory (or the GAAD file itself); else authorization-details.json. GitHub needs a
// physical location on every result.
std::string artifact_of(const AuditReport& r, const Finding& f) {
  std::error_code ec;
  const bool in_directory = !r.source.empty() && !std::filesystem::is_regular_file(r.source, ec);
  std::string file;
  if (!f.origin.file.empty() && f.origin.file[0] != '<') file = f.origin.file;
  else if (!in_directory && !r.source.empty()) return r.source;  // --gaad FILE
  else file = f.check->inputs.empty() ? "authorization-details.json" : std::string(f.check->inputs.front());
  // Origins of files absent from the snapshot may name the file alone, relative to the snapshot.
  std::filesystem::path path(file);
  if (in_directory && path.is_relative() && file.rfind(r.source, 0) != 0)
    return (std::filesystem::path(r.source) / path).generic_string();
  return file;
}

std::string help_markdown(const CheckMeta& m) {
  std::string out = fmt::format("**{}**\n\n{}\n\n**Risk.** {}\n\n**Fix.** {}\n", m.title, m.description, m.risk,
                                m.remediation);
  if (!m.remediation_cli.empty()) out += fmt::format("\nAWS CLI:\n\n```sh\n{}\n```\n", m.remediation_cli);
  if (!m.remediation_terraform.empty()) out += fmt::format("\nTerraform:\n\n```hcl\n{}\n```\n", m.remediation_terraform);
  if (!m.references.empty()) {
    out += "\nReferences:\n\n";
    for (std::string_view url : m.references) out += fmt::format("- <{}>\n", url);
  }
  return out;
}

std::string help_text(const CheckMeta& m) {
  std::string out = fmt::format("{}\n\nRisk: {}\n\nFix: {}", m.description, m.risk, m.remediation);
  if (!m.remediation_cli.empty()) out += fmt::format("\n\nAWS CLI: {}", m.remediation_cli);
  return out;
}

// Tags: "security", the service, the severity, and "<framework>/<requirement>" for each mapping.
std::string tags(const AuditReport& r, const CheckMeta& m) {
  std::vector<std::string> out = {"security", std::string(m.service), std::string(severity_name(m.severity))};
  for (const FrameworkResult& fw : r.frameworks)
    for (std::string_view req : requirements_of(*fw.framework, m.id)) out.push_back(fmt::format("{}/{}", fw.framework->id, req));
  std::string json;
  append_json_strings(json, out);
  return json;
}

std::string rule(const AuditReport& r, const CheckMeta& m) {
  std::string help_uri = m.references.empty() ? "" : fmt::format("\"helpUri\":{},", json_quote(m.references.front()));
  return fmt::format(
      "{{\"id\":{},\"name\":{},\"shortDescription\":{{\"text\":{}}},\"fullDescription\":{{\"text\":{}}},"
      "\"help\":{{\"text\":{},\"markdown\":{}}},{}\"defaultConfiguration\":{{\"level\":\"{}\"}},"
      "\"properties\":{{\"security-severity\":\"{}\",\"precision\":\"high\",\"problem.severity\":\"{}\",\"tags\":{}}}}}",
      json_quote(m.id), json_quote(m.id), json_quote(m.title), json_quote(m.description.empty() ? m.title : m.description),
      json_quote(help_text(m)), json_quote(help_markdown(m)), help_uri, sarif_level(m.severity),
      security_severity(m.severity), sarif_level(m.severity) == "note" ? "recommendation" : sarif_level(m.severity),
      tags(r, m));
}

std::string result(const AuditReport& r, const Finding& f, size_t rule_index, const BaselineDiff* baseline,
                   const std::set<const Finding*>& added) {
  std::string text = f.message;
  if (!f.evidence.empty()) text += fmt::format(" ({})", fmt::join(f.evidence, "; "));
  std::string region = f.origin.line ? fmt::format(",\"region\":{{\"startLine\":{}{}}}", f.origin.line,
                                                   f.origin.column ? fmt::format(",\"startColumn\":{}", f.origin.column) : "")
                                     : std::string();
  std::string out = fmt::format(
      "{{\"ruleId\":{},\"ruleIndex\":{},\"level\":\"{}\",\"message\":{{\"text\":{}}},"
      "\"locations\":[{{\"physicalLocation\":{{\"artifactLocation\":{{\"uri\":{}}}{}}},"
      "\"logicalLocations\":[{{\"fullyQualifiedName\":{},\"name\":{},\"kind\":\"resource\"}}]}}],"
      "\"partialFingerprints\":{{\"iamwardenFinding/v1\":\"{}\"}}",
      json_quote(f.check->id), rule_index, sarif_level(f.severity), json_quote(text),
      json_quote(sarif_uri(artifact_of(r, f))), region, json_quote(f.resource),
      json_quote(f.resource_name.empty() ? f.resource : f.resource_name),
      secrets::sha256_hex(fmt::format("{}\n{}", f.check->id, f.resource)));
  if (f.status == Status::kMuted)
    out += fmt::format(",\"suppressions\":[{{\"kind\":\"external\",\"status\":\"accepted\",\"justification\":{}}}]",
                       json_quote(f.mute_reason));
  else if (baseline)
    out += fmt::format(",\"baselineState\":\"{}\"", added.count(&f) ? "new" : "unchanged");
  out += fmt::format(",\"properties\":{{\"severity\":\"{}\",\"resource\":{},\"evidence\":", severity_name(f.severity),
                     json_quote(f.resource));
  append_json_strings(out, f.evidence);
  return out + "}}";
}

}  // namespace

std::string render_sarif(const AuditReport& report, const ReportOptions& options) {
  std::vector<const CheckMeta*> checks = covered_checks(report);
  std::map<std::string_view, size_t> index;
  std::string rules;
  for (size_t i = 0; i < checks.size(); ++i) {
    index[checks[i]->id] = i;
    rules += fmt::format("{}\n{}", i ? "," : "", rule(report, *checks[i]));
  }
  std::set<const Finding*> added;
  if (options.baseline) added.insert(options.baseline->added.begin(), options.baseline->added.end());
  std::string results;
  for (const Finding& f : report.results) {
    if (f.status != Status::kFail && f.status != Status::kMuted) continue;
    results += fmt::format("{}\n{}", results.empty() ? "" : ",", result(report, f, index[f.check->id], options.baseline, added));
  }
  std::string notifications;
  // An incomplete snapshot: error-level notifications, first (and in the run's properties).
  std::string incomplete;
  if (!report.incomplete.empty()) {
    notifications = fmt::format("{{\"level\":\"error\",\"descriptor\":{{\"id\":\"incomplete-snapshot\"}},"
                                "\"message\":{{\"text\":{}}}}}",
                                json_quote(snapshot::gaps_headline(report.incomplete)));
    for (const std::string& gap : report.incomplete)
      notifications += fmt::format(",{{\"level\":\"error\",\"descriptor\":{{\"id\":\"incomplete-snapshot\"}},"
                                   "\"message\":{{\"text\":{}}}}}",
                                   json_quote(gap));
    incomplete = ",\"incompleteSnapshot\":";
    append_json_strings(incomplete, report.incomplete);
  }
  for (const std::string& note : report.notes)
    notifications += fmt::format("{}{{\"level\":\"note\",\"message\":{{\"text\":{}}}}}", notifications.empty() ? "" : ",",
                                 json_quote(note));
  return fmt::format(
      "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{{\n"
      "\"tool\":{{\"driver\":{{\"name\":\"iamwarden\",\"version\":\"{0}\",\"semanticVersion\":\"{0}\","
      "\"informationUri\":\"https://github.com/iamwarden/iamwarden\",\"rules\":[{1}\n]}}}},\n"
      "\"automationDetails\":{{\"id\":{2}}},\n"
      "\"invocations\":[{{\"executionSuccessful\":true,\"endTimeUtc\":\"{3}\",\"toolExecutionNotifications\":[{4}]}}],\n"
      "\"properties\":{{\"account\":{5},\"partition\":{6},\"source\":{7}{9}}},\n"
      "\"results\":[{8}\n]}}]}}\n",
      tool_version(), rules, json_quote(fmt::format("iamwarden/audit/{}/", report.account_id)), iso_time(report.generated_at),
      notifications, json_quote(report.account_id), json_quote(report.partition), json_quote(report.source), results,
      incomplete);
}

}  // namespace iamwarden::audit
