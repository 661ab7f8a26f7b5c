// The credential report: generate until COMPLETE (bounded, with backoff), then get, decode and write.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <thread>

#include "base/json.h"
#include "base/safe_text.h"
#include "collect/session.h"
#include "policy/values.h"
#include "snapshot/credential_report.h"

namespace iamwarden::collect {
namespace {

constexpr const char* kCsv = "credential-report.csv";
constexpr const char* kJson = "credential-report.json";
const std::vector<std::string> kGenerate = {"iam", "generate-credential-report"};
const std::vector<std::string> kGet = {"iam", "get-credential-report"};

/// The string member `key` of a JSON object text, or empty.
std::string string_member(std::string text, const char* key, const char* file) {
  Result<JsonDocument> doc = parse_json(std::move(text), file);
  if (!doc) return "";
  const JsonNode* node = doc->root.find(key);
  return node && node->is_string() ? node->text : "";
}

void fail_both(Session& session, const std::vector<std::string>& args, const std::string& error) {
  std::string command = AwsCli::describe(args);
  session.record_missing(kJson, FileStatus::kFailed, command, error);
  session.record_missing(kCsv, FileStatus::kFailed, command, error);
}

/// Polls generate-credential-report until COMPLETE; an error text when it fails or takes too long.
std::string wait_for_report(Session& session) {
  using clock = std::chrono::steady_clock;
  const CollectOptions& options = session.options();
  const auto deadline = clock::now() + options.report_wait;
  auto backoff = options.report_backoff;
  for (;;) {
    AwsResult result = session.aws().run(kGenerate);
    if (!result.ok) return result.error;
    std::string state = string_member(std::move(result.output), "State", "generate-credential-report");
    if (state == "COMPLETE") return "";
    if (state.empty()) return "generate-credential-report answered without a State";
    state = safe_excerpt(state, 40);  // an answer, printed
    if (clock::now() + backoff > deadline) {
      return fmt::format("the credential report was still {} after {}s", state,
                         std::chrono::duration_cast<std::chrono::seconds>(options.report_wait).count());
    }
    session.progress(fmt::format("  {:<10} credential report {}, waiting", "...", state));
    std::this_thread::sleep_for(backoff);
    backoff = std::min<std::chrono::milliseconds>(backoff * 2, std::chrono::seconds(10));
  }
}

}  // namespace

void collect_credential_report(Session& session) {
  std::string error = wait_for_report(session);
  if (!error.empty()) return fail_both(session, kGenerate, error);
  AwsResult got = session.aws().run(kGet);
  if (!got.ok) return fail_both(session, kGet, got.error);
  // Both files are written only when the report reads as one: the snapshot loader takes either.
  std::string content = string_member(got.output, "Content", kJson);
  std::optional<std::string> csv = policy::decode_base64(content);
  if (content.empty() || !csv) {
    return fail_both(session, kGet, content.empty() ? "no Content in the answer" : "Content is not valid base64");
  }
  if (Result<snapshot::CredentialReport> report = snapshot::parse_credential_report_csv(*csv, kCsv); !report) {
    return fail_both(session, kGet, "the report cannot be read: " + safe_excerpt(report.error().format(), 300));
  }
  std::string command = AwsCli::describe(kGet);
  session.write(kJson, got.output, command);
  session.write(kCsv, *csv, command);
}

}  // namespace iamwarden::collect
