// What `iamwarden secrets` reports: one finding per credential (a key pair counts once), never a full secret.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "secrets/key_id.h"

namespace iamwarden::secrets {

/// How bad a finding is; SARIF levels and --min-severity use it.
enum class Severity : uint8_t { kInfo, kLow, kMedium, kHigh, kCritical };

/// The detection rules; their ids are stable and are the SARIF ruleId.
enum class Rule : uint8_t {
  kAccessKeyPair,         ///< key ID with its secret access key nearby
  kTemporaryCredentials,  ///< ASIA key ID with its secret (and session token)
  kAccessKeyId,           ///< a lone long-term (or other credential) key ID
  kTemporaryKeyId,        ///< a lone ASIA key ID
  kSecretAccessKey,       ///< a secret access key after a key-like name, no ID nearby
  kSessionToken,          ///< an STS session token
  kPresignedUrl,          ///< a presigned URL's X-Amz-Credential
  kUniqueId,              ///< an IAM unique ID (AIDA, AROA, ...): an identifier, not a secret
};

/// Static description of a rule.
struct RuleInfo {
  Rule rule;
  std::string_view id;     ///< snake_case, stable
  std::string_view title;  ///< short human name
  Severity severity;       ///< default severity
  std::string_view help;   ///< what it means and what to do
};

/// Every rule, in enum order.
std::span<const RuleInfo> all_rules();

/// The description of one rule.
const RuleInfo& rule_info(Rule rule);

/// "info", "low", "medium", "high", "critical".
std::string_view severity_name(Severity severity);

/// Parses a severity name, or nullopt.
std::optional<Severity> parse_severity(std::string_view name);

/// Where in git history a finding was introduced.
struct GitOrigin {
  std::string commit;                      ///< full hex id of the first commit that added it
  std::string author;                      ///< "Name <email>"
  int64_t time = 0;                        ///< author time, seconds since the epoch
  std::vector<std::string> other_commits;  ///< later commits that introduced it again (another blob)
};

/// One reported credential.
struct Finding {
  Rule rule = Rule::kAccessKeyId;
  Severity severity = Severity::kMedium;
  bool example = false;        ///< an AWS documented example (only shown with --include-examples)
  std::string path;            ///< file, "<stdin>", or path in the repository
  uint32_t line = 0;           ///< 1-based, of the key ID (or of the secret/token when alone); 0 when unknown
                               ///< (in the last part of a file read only at its ends)
  uint32_t column = 0;         ///< 1-based, in bytes; 0 when the line is unknown
  uint64_t offset = 0;         ///< 0-based byte offset in the file or blob, always known
  uint32_t secret_line = 0;    ///< line of the paired secret, 0 when there is none
  std::string key_id;          ///< full key ID (identifiers are not secret), empty when none
  std::optional<KeyKind> key_kind;
  std::optional<uint64_t> account;  ///< decoded offline from a new-format key ID
  std::string secret;          ///< redacted secret access key ("wJ...EY"), empty when none
  std::string token;           ///< redacted session token, empty when none
  uint32_t token_length = 0;
  std::string hash;            ///< 16 hex digits of SHA-256 over the rule and the full values
  std::optional<GitOrigin> origin;

  /// "path:rule_id:hash": stable across line moves; what ignore files and baselines list. The path is
  /// normalised (fingerprint_path), so `secrets .`, `secrets ./` and `secrets a/../` agree.
  std::string fingerprint() const;
};

/// A path as fingerprints spell it: lexically normal, without a leading "./" or a trailing '/'.
std::string fingerprint_path(std::string_view path);

/// A "path:rule_id:hash" fingerprint with its path normalised by fingerprint_path.
std::string normalize_fingerprint(std::string_view fingerprint);

/// Sort order of reports: path, byte offset, line, column, rule.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace iamwarden::secrets
