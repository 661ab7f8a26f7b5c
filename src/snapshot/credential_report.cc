// Parsing the credential report CSV (RFC 4180 quoting, header-driven columns) and its JSON wrapper.
#include "snapshot/credential_report.h"

#include <fmt/format.h>

#include <cctype>
#include <tuple>
#include <unordered_map>

#include "base/safe_text.h"
#include "policy/values.h"
#include "snapshot/json_fields.h"

namespace iamwarden::snapshot {
namespace {

// The documented columns, in AWS's order.
constexpr std::array<std::string_view, 22> kColumns = {
    "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
    "password_next_rotation", "mfa_active", "access_key_1_active", "access_key_1_last_rotated",
    "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
    "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
    "access_key_2_last_used_region", "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated",
    "cert_2_active", "cert_2_last_rotated"};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// Splits one CSV record starting at pos; advances pos past its line end. Quoted fields may hold
// commas, doubled quotes and newlines (lines counts the newlines consumed).
Result<std::vector<std::string>> split_record(std::string_view csv, size_t& pos, uint32_t& lines,
                                              const std::string& file, std::vector<size_t>* starts = nullptr) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  uint32_t start_line = lines;
  size_t line_start = pos;
  if (starts) starts->push_back(0);
  while (pos < csv.size()) {
    char c = csv[pos];
    if (quoted) {
      if (c == '"') {
        if (pos + 1 < csv.size() && csv[pos + 1] == '"') {
          field += '"';
          pos += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c == '\n') ++lines;
        field += c;
      }
      ++pos;
      continue;
    }
    if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      if (starts) starts->push_back(pos + 1 - line_start);
    } else if (c == '\n') {
      ++pos;
      ++lines;
      break;
    } else if (c != '\r') {
      field += c;
    }
    ++pos;
  }
  if (quoted) {
    return Error{ErrorCode::kInvalidInput, "unterminated quoted field", SourceLoc{file, start_line, 1, ""},
                 ""};
  }
  fields.push_back(std::move(field));
  return fields;
}

class RowReader {
 public:
  RowReader(const std::vector<std::string>& fields, const std::array<size_t, 22>& index, const std::string& file,
            uint32_t line)
      : fields_(fields), index_(index), file_(file), line_(line) {}

  const std::string& text(size_t column) const { return fields_[index_[column]]; }

  Result<bool> boolean(size_t column) const {
    std::optional<bool> b = policy::parse_bool(text(column));
    if (!b) return bad(column, "true or false");
    return *b;
  }
  // Booleans where the root row says not_supported.
  Result<std::optional<bool>> maybe_boolean(size_t column) const {
    if (text(column) == "not_supported") return std::optional<bool>();
    Result<bool> b = boolean(column);
    if (!b) return b.error();
    return std::optional<bool>(*b);
  }
  Result<Timestamp> time(size_t column) const {
    const std::string& t = text(column);
    Timestamp ts = make_timestamp(t);
    if (!ts.unix_seconds && t != "N/A" && t != "no_information" && t != "not_supported" && !t.empty()) {
      return bad(column, "an ISO 8601 date, N/A, no_information or not_supported");
    }
    return ts;
  }

 private:
  Error bad(size_t column, std::string_view expected) const {
    return Error{ErrorCode::kInvalidInput,
                 fmt::format("column {} has \"{}\", expected {}", kColumns[column], safe_excerpt(text(column), 80), expected),
                 SourceLoc{file_, line_, 1, ""}, ""};
  }
  const std::vector<std::string>& fields_;
  const std::array<size_t, 22>& index_;
  const std::string& file_;
  uint32_t line_;
};

Result<CredentialReportRow> read_row(const RowReader& r, uint32_t line) {
  CredentialReportRow row;
  row.line = line;
  row.user = r.text(0);
  row.arn = r.text(1);
  IAMWARDEN_SNAPSHOT_TRY(row.user_creation_time, r.time(2));
  IAMWARDEN_SNAPSHOT_TRY(row.password_enabled, r.maybe_boolean(3));
  IAMWARDEN_SNAPSHOT_TRY(row.password_last_used, r.time(4));
  IAMWARDEN_SNAPSHOT_TRY(row.password_last_changed, r.time(5));
  IAMWARDEN_SNAPSHOT_TRY(row.password_next_rotation, r.time(6));
  IAMWARDEN_SNAPSHOT_TRY(row.mfa_active, r.boolean(7));
  for (size_t k = 0; k < 2; ++k) {
    size_t base = 8 + 5 * k;
    CredentialKey& key = row.access_keys[k];
    IAMWARDEN_SNAPSHOT_TRY(key.active, r.boolean(base));
    IAMWARDEN_SNAPSHOT_TRY(key.last_rotated, r.time(base + 1));
    IAMWARDEN_SNAPSHOT_TRY(key.last_used_date, r.time(base + 2));
    key.last_used_region = r.text(base + 3);
    key.last_used_service = r.text(base + 4);
  }
  for (size_t c = 0; c < 2; ++c) {
    IAMWARDEN_SNAPSHOT_TRY(row.certs[c].active, r.boolean(18 + 2 * c));
    IAMWARDEN_SNAPSHOT_TRY(row.certs[c].last_rotated, r.time(19 + 2 * c));
  }
  return row;
}

}  // namespace

const CredentialReportRow* CredentialReport::root() const {
  for (const CredentialReportRow& row : rows) {
    if (row.is_root()) return &row;
  }
  return nullptr;
}

const CredentialReportRow* CredentialReport::find(std::string_view user_or_arn) const {
  for (const CredentialReportRow& row : rows) {
    if (row.user == user_or_arn || row.arn == user_or_arn) return &row;
  }
  return nullptr;
}

Result<CredentialReport> parse_credential_report_csv(std::string_view csv, const std::string& file) {
  CredentialReport report;
  report.file = file;
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);
  size_t pos = 0;
  uint32_t lines = 1;
  std::vector<size_t> header_starts;
  Result<std::vector<std::string>> header = split_record(csv, pos, lines, file, &header_starts);
  if (!header) return header.error();
  // A column named twice would let either copy decide every row: refused.
  for (size_t h = 0; h < header->size(); ++h) {
    for (size_t earlier = 0; earlier < h; ++earlier) {
      if (!iequals((*header)[h], (*header)[earlier])) continue;
      return Error{ErrorCode::kInvalidInput,
                   fmt::format("the header names column \"{}\" twice (columns {} and {})", safe_excerpt((*header)[h], 60),
                               earlier + 1, h + 1),
                   SourceLoc{file, 1, static_cast<uint32_t>(header_starts[h] + 1), ""},
                   "a credential report names each column once"};
    }
  }
  std::array<size_t, 22> index{};
  for (size_t c = 0; c < kColumns.size(); ++c) {
    size_t found = header->size();
    for (size_t h = 0; h < header->size(); ++h) {
      if (iequals((*header)[h], kColumns[c])) found = h;
    }
    if (found == header->size()) {
      return Error{ErrorCode::kInvalidInput, fmt::format("the header has no column \"{}\"", kColumns[c]),
                   SourceLoc{file, 1, 1, ""}, "a credential report has the 22 columns documented by AWS"};
    }
    index[c] = found;
  }
  // Rows by user name and by ARN: a second row for the same user contradicts the first.
  std::unordered_map<std::string, uint32_t> user_lines, arn_lines;
  while (pos < csv.size()) {
    uint32_t line = lines;
    Result<std::vector<std::string>> fields = split_record(csv, pos, lines, file);
    if (!fields) return fields.error();
    if (fields->size() == 1 && (*fields)[0].empty()) continue;  // blank line
    if (fields->size() != header->size()) {
      return Error{ErrorCode::kInvalidInput,
                   fmt::format("row has {} fields, the header has {}", fields->size(), header->size()),
                   SourceLoc{file, line, 1, ""}, ""};
    }
    Result<CredentialReportRow> row = read_row(RowReader(*fields, index, file, line), line);
    if (!row) return row.error();
    for (auto [seen, key, what] : {std::tuple{&user_lines, &row->user, "user"}, std::tuple{&arn_lines, &row->arn, "ARN"}}) {
      if (key->empty()) continue;
      auto [it, added] = seen->emplace(*key, line);
      if (added) continue;
      return Error{ErrorCode::kInvalidInput,
                   fmt::format("a second row for {} \"{}\" (the first is on line {})", what, safe_excerpt(*key, 120),
                               it->second),
                   SourceLoc{file, line, 1, ""},
                   "the report lists each user once; a merged or edited report cannot say which row is true"};
    }
    report.rows.push_back(row.take());
  }
  return report;
}

Result<CredentialReport> parse_credential_report_json(const JsonDocument& doc) {
  std::string pointer;
  const JsonNode& response = unwrap_recording(doc.root, pointer);
  if (Result<void> r = expect_kind(doc, response, pointer, JsonNode::Kind::kObject); !r) return r.error();
  if (std::string code = error_code(response); !code.empty()) {
    return json_error(doc, response, pointer, fmt::format("the file records an AWS error ({}), not a report", code));
  }
  Result<std::string> content = get_string(doc, response, pointer, "Content");
  if (!content) return content.error();
  if (!response.find("Content")) {
    return json_error(doc, response, pointer, "no \"Content\" member (get-credential-report output expected)");
  }
  std::string csv;
  // The CLI prints base64; boto3 dumps decode it already. CSV text always has a comma.
  if (content->find(',') != std::string::npos) {
    csv = *content;
  } else {
    std::string compact;
    for (char c : *content) {
      if (c != '\n' && c != '\r') compact += c;
    }
    std::optional<std::string> decoded = policy::decode_base64(compact);
    if (!decoded) {
      return json_error(doc, *response.find("Content"), child_pointer(pointer, "Content"),
                        "\"Content\" is neither CSV nor base64");
    }
    csv = std::move(*decoded);
  }
  Result<CredentialReport> report = parse_credential_report_csv(csv, doc.file + " (Content)");
  if (!report) return report.error();
  Result<Timestamp> generated = get_timestamp(doc, response, pointer, "GeneratedTime");
  if (!generated) return generated.error();
  report->generated_time = generated.take();
  report->file = doc.file;
  return report;
}

Result<CredentialReport> parse_credential_report(std::string text, const std::string& file) {
  bool json = file.size() >= 5 && file.compare(file.size() - 5, 5, ".json") == 0;
  if (!json) return parse_credential_report_csv(text, file);
  Result<JsonDocument> doc = parse_json(std::move(text), file);
  if (!doc) return doc.error();
  return parse_credential_report_json(*doc);
}

}  // namespace iamwarden::snapshot
