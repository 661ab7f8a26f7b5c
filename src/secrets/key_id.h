// AWS access key IDs: what each 4-character prefix means, shape checks, offline account decoding.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iamwarden::secrets {

/// What an AWS unique-ID prefix stands for (IAM User Guide, "Understanding unique ID prefixes").
enum class KeyKind : uint8_t {
  kLongTermKey,      ///< AKIA: IAM user or root access key
  kTemporaryKey,     ///< ASIA: STS temporary access key
  kBearerToken,      ///< ABIA: STS service bearer token
  kContextCredential,///< ACCA: context-specific credential
  kLegacyA3T,        ///< A3T?: seen in the wild, low confidence
  kUserId,           ///< AIDA
  kRoleId,           ///< AROA
  kGroupId,          ///< AGPA
  kInstanceProfileId,///< AIPA
  kManagedPolicyId,  ///< ANPA
  kPolicyVersionId,  ///< ANVA
  kPublicKeyId,      ///< APKA
  kCertificateId,    ///< ASCA
};

/// How a 20-character candidate looks once its shape has been checked.
enum class KeyShape : uint8_t {
  kReal,         ///< a plausible key ID
  kExample,      ///< one of AWS's documented example IDs (e.g. ending in EXAMPLE)
  kPlaceholder,  ///< low-entropy or templated text such as AKIAXXXXXXXXXXXXXXXX
  kInvalid,      ///< wrong length, prefix or alphabet (0, 1, 8 and 9 never occur)
};

/// Facts about a key ID.
struct KeyIdInfo {
  KeyKind kind = KeyKind::kLongTermKey;
  KeyShape shape = KeyShape::kInvalid;
  std::optional<uint64_t> account;  ///< decoded for new-format IDs only
};

/// Length of an access key ID (AKIA, ASIA, ...), and of some older unique IDs.
inline constexpr size_t kKeyIdLength = 20;
/// Length of the unique IDs of IAM entities in every current GAAD (AIDA, AROA, ANPA, AGPA, AIPA, ...):
/// one more base32 character than a key ID, with the account encoded the same way.
inline constexpr size_t kUniqueIdLength = 21;

/// Kind of a known prefix, or nullopt.
std::optional<KeyKind> key_kind_of(std::string_view id);

/// Short human name of a kind ("long-term access key", "role ID", ...).
std::string_view key_kind_name(KeyKind kind);

/// True for kinds that are credentials (AKIA, ASIA, ABIA, ACCA, A3T), false for mere identifiers.
bool is_credential(KeyKind kind);

/// Classifies a candidate key ID (20 characters) or unique ID of an identifier kind (20 or 21
/// characters); the account is filled in for new-format IDs.
KeyIdInfo inspect_key_id(std::string_view id);

/// Account number encoded in a new-format ID (a 20-character key ID, or a 21-character unique ID of
/// an identifier kind; base32 body), or nullopt for old-format or malformed IDs. No network access.
std::optional<uint64_t> decode_account(std::string_view id);

/// A 12-digit, zero-padded account number.
std::string format_account(uint64_t account);

/// Builds a new-format key ID for prefix and account with 39 filler bits (tests and benchmark generator).
std::string encode_key_id(std::string_view prefix, uint64_t account, uint64_t filler);

}  // namespace iamwarden::secrets
