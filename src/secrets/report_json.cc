// The JSON report: findings with their fingerprints (so a report can serve as a --baseline), problems, counts.
#include <fmt/format.h>

#include "base/json_writer.h"
#include "secrets/report.h"

namespace iamwarden::secrets {
namespace {

void add_field(std::string& out, std::string_view name, std::string_view value) {
  out += fmt::format(",{}:", json_quote(name));
  append_json_string(out, value);
}

void add_problems(std::string& out, std::string_view name, const std::vector<Error>& problems) {
  out += fmt::format(",{}:[", json_quote(name));
  for (size_t i = 0; i < problems.size(); ++i) {
    const Error& e = problems[i];
    out += fmt::format("{}{{\"path\":{},\"line\":{},\"message\":{}}}", i ? "," : "", json_quote(e.loc.file), e.loc.line,
                       json_quote(e.message));
  }
  out += "]";
}

void add_finding(std::string& out, const Finding& f) {
  out += fmt::format("{{\"rule\":{},\"severity\":{}", json_quote(rule_info(f.rule).id), json_quote(severity_name(f.severity)));
  add_field(out, "title", rule_info(f.rule).title);
  out += fmt::format(",\"example\":{}", f.example ? "true" : "false");
  add_field(out, "path", f.path);
  out += fmt::format(",\"line\":{},\"column\":{},\"offset\":{}", f.line, f.column, f.offset);
  if (!f.key_id.empty()) add_field(out, "key_id", f.key_id);
  if (f.key_kind) add_field(out, "key_kind", key_kind_name(*f.key_kind));
  if (f.account) add_field(out, "account", format_account(*f.account));
  if (!f.secret.empty()) {
    add_field(out, "secret", f.secret);
    if (f.secret_line) out += fmt::format(",\"secret_line\":{}", f.secret_line);
  }
  if (!f.token.empty()) {
    add_field(out, "session_token", f.token);
    out += fmt::format(",\"session_token_length\":{}", f.token_length);
  }
  if (f.origin) {
    add_field(out, "commit", f.origin->commit);
    add_field(out, "author", f.origin->author);
    add_field(out, "date", format_date(f.origin->time));
    out += ",\"other_commits\":[";
    for (size_t i = 0; i < f.origin->other_commits.size(); ++i) out += (i ? "," : "") + json_quote(f.origin->other_commits[i]);
    out += "]";
  }
  add_field(out, "fingerprint", f.fingerprint());
  out += "}";
}

}  // namespace

std::string format_json(const ScanResult& result) {
  std::string out = "{\"version\":1,\"tool\":\"iamwarden secrets\",\"findings\":[";
  for (size_t i = 0; i < result.findings.size(); ++i) {
    if (i) out += ",";
    add_finding(out, result.findings[i]);
  }
  out += "]";
  add_problems(out, "warnings", result.warnings);
  add_problems(out, "errors", result.errors);
  out += ",\"skipped\":[";
  for (size_t i = 0; i < result.unread.size(); ++i) {
    const Unread& u = result.unread[i];
    out += fmt::format("{}{{\"path\":{},\"reason\":{},\"message\":{}}}", i ? "," : "", json_quote(u.path),
                       json_quote(u.reason), json_quote(u.detail));
  }
  out += "]";
  const ScanStats& s = result.stats;
  out += fmt::format(",\"stats\":{{\"files\":{},\"bytes\":{},\"commits\":{},\"binary\":{},\"partial\":{},"
                     "\"not_fully_read\":{},\"skipped_ignored\":{},\"skipped_symlinks\":{},\"placeholders\":{},"
                     "\"examples_hidden\":{},\"allowed_inline\":{},\"below_severity\":{}}}}}\n",
                     s.files, s.bytes, s.commits, s.binary, s.partial, result.unread.size(), s.skipped_ignored,
                     s.skipped_symlinks, s.detect.placeholders, s.detect.examples, s.detect.allowed_inline,
                     s.detect.below_severity);
  return out;
}

}  // namespace iamwarden::secrets
