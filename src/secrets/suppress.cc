// Reading ignore files and JSON baselines; a malformed baseline is an input error with its location.
#include "secrets/suppress.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/files.h"
#include "base/json.h"
#include "secrets/detector.h"

namespace iamwarden::secrets {
namespace {

constexpr size_t kHashLength = 16;  // Finding::hash

bool is_hash(std::string_view text) {
  return text.size() == kHashLength && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

Result<void> Suppressions::add_ignore_file(const std::string& path) {
  Result<std::string> text = read_file(path);
  if (!text) return text.error();
  std::string_view rest = *text;
  uint32_t number = 0;
  while (!rest.empty()) {
    ++number;
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!line.empty() && line.front() == '#') continue;
    if (size_t comment = line.find(" #"); comment != std::string_view::npos) line = line.substr(0, comment);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) continue;
    if (line.find(':') != std::string_view::npos) {
      fingerprints_.insert(normalize_fingerprint(line));
    } else if (is_hash(line)) {
      hashes_.emplace(line);
    } else {
      warnings_.push_back(Error{ErrorCode::kInvalidInput,
                                // Never quoted: people paste secrets into ignore files. Its ends and length
                                // are enough to find the line.
                                fmt::format("ignored line ({} characters, {}): neither a fingerprint (path:rule:hash) "
                                            "nor a {}-digit hex hash", line.size(), redact(line), kHashLength),
                                SourceLoc{path, number, 1, ""}, ""});
    }
  }
  return {};
}

Result<void> Suppressions::add_baseline(const std::string& path) {
  Result<JsonDocument> doc = read_json_file(path);
  if (!doc) return doc.error();
  const JsonNode* findings = doc->root.find("findings");
  if (!doc->root.is_object() || !findings || !findings->is_array())
    return Error{ErrorCode::kInvalidInput, "not an iamwarden secrets JSON report (no \"findings\" array)",
                 doc->locate(doc->root.offset, ""), "create one with: iamwarden secrets --format json -o FILE"};
  for (size_t i = 0; i < findings->items.size(); ++i) {
    const JsonNode* fingerprint = findings->items[i].find("fingerprint");
    if (!fingerprint || !fingerprint->is_string())
      return Error{ErrorCode::kInvalidInput, "finding without a \"fingerprint\" string",
                   doc->locate(findings->items[i].offset, "/findings/" + std::to_string(i)), ""};
    fingerprints_.insert(normalize_fingerprint(fingerprint->text));
  }
  return {};
}

size_t Suppressions::apply(std::vector<Finding>& findings) const {
  if (fingerprints_.empty() && hashes_.empty()) return 0;
  size_t before = findings.size();
  std::erase_if(findings, [&](const Finding& f) { return hashes_.count(f.hash) || fingerprints_.count(f.fingerprint()); });
  return before - findings.size();
}

}  // namespace iamwarden::secrets
