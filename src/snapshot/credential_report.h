// The IAM credential report: rows of the CSV (plain, or base64 inside the API's JSON).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "snapshot/timestamp.h"

namespace iamwarden::snapshot {

/// One access key's columns (access_key_N_*).
struct CredentialKey {
  bool active = false;
  Timestamp last_rotated;    ///< text "N/A" when there is no key
  Timestamp last_used_date;  ///< text "N/A" when never used (or no key)
  std::string last_used_region;
  std::string last_used_service;
};

/// One X.509 signing certificate's columns (cert_N_*).
struct CredentialCert {
  bool active = false;
  Timestamp last_rotated;
};

/// One row of the report. Values AWS writes as words keep them in `text`: a Timestamp whose
/// text is "N/A", "no_information" or "not_supported" has no unix_seconds.
struct CredentialReportRow {
  std::string user;  ///< "<root_account>" for the root user
  std::string arn;
  uint32_t line = 0;  ///< line in the CSV
  Timestamp user_creation_time;
  std::optional<bool> password_enabled;  ///< nullopt for "not_supported" (the root user)
  Timestamp password_last_used;
  Timestamp password_last_changed;
  Timestamp password_next_rotation;
  bool mfa_active = false;
  std::array<CredentialKey, 2> access_keys;
  std::array<CredentialCert, 2> certs;

  bool is_root() const { return user == "<root_account>"; }
};

/// The whole report.
struct CredentialReport {
  std::string file;
  Timestamp generated_time;  ///< from the JSON wrapper; empty for a plain CSV
  std::vector<CredentialReportRow> rows;

  /// The root user's row, or nullptr.
  const CredentialReportRow* root() const;
  /// A row by user name or ARN, or nullptr.
  const CredentialReportRow* find(std::string_view user_or_arn) const;
};

/// Parses the CSV text of a credential report. Needs the 22 documented columns (in any order;
/// others are ignored); a row with a different number of fields or an unreadable value is an
/// error naming file:line and the column.
Result<CredentialReport> parse_credential_report_csv(std::string_view csv, const std::string& file);

/// Reads `aws iam get-credential-report` output: {"Content": base64 or plain CSV, "GeneratedTime": ...}.
Result<CredentialReport> parse_credential_report_json(const JsonDocument& doc);

/// Reads credential-report.csv or credential-report.json from text, by the file name's extension
/// (anything but ".json" is CSV).
Result<CredentialReport> parse_credential_report(std::string text, const std::string& file);

}  // namespace iamwarden::snapshot
