// Rendering manifest.json.
#include "collect/manifest.h"

#include <fmt/format.h>

#include <ctime>

#include "base/json_writer.h"

namespace iamwarden::collect {

const char* file_status_name(FileStatus status) {
  switch (status) {
    case FileStatus::kOk: return "ok";
    case FileStatus::kNotFound: return "not_found";
    case FileStatus::kFailed: break;
  }
  return "failed";
}

size_t Manifest::count(FileStatus status) const {
  size_t n = 0;
  for (const auto& [path, record] : files) n += record.status == status ? 1 : 0;
  return n;
}

std::string Manifest::to_json() const {
  std::string out = "{\n";
  out += fmt::format("  \"accountId\": {},\n", json_quote(account_id));
  out += fmt::format("  \"partition\": {},\n", json_quote(partition));
  out += fmt::format("  \"collectedAt\": {},\n", json_quote(collected_at));
  out += fmt::format("  \"tool\": {},\n", json_quote(tool));
  out += "  \"regions\": [";
  for (size_t i = 0; i < regions.size(); ++i) out += (i ? ", " : "") + json_quote(regions[i]);
  out += "],\n  \"files\": {";
  bool first = true;
  for (const auto& [path, record] : files) {
    out += first ? "\n    " : ",\n    ";
    first = false;
    out += fmt::format("{}: {{\"status\": \"{}\", \"command\": {}", json_quote(path), file_status_name(record.status),
                       json_quote(record.command));
    if (record.status != FileStatus::kOk || !record.error.empty()) out += ", \"error\": " + json_quote(record.error);
    out += "}";
  }
  out += first ? "}\n}\n" : "\n  }\n}\n";
  return out;
}

std::string utc_now_iso8601() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace iamwarden::collect
