// Key-ID prefixes and the offline account decoding (generation bit, then 40 account bits of the base32 body).
#include "secrets/key_id.h"

#include <fmt/format.h>

#include <array>

#include "secrets/shape.h"

namespace iamwarden::secrets {
namespace {

struct PrefixInfo {
  std::string_view prefix;
  KeyKind kind;
  std::string_view name;
};

constexpr std::array<PrefixInfo, 12> kPrefixes = {{
    {"AKIA", KeyKind::kLongTermKey, "long-term access key"},
    {"ASIA", KeyKind::kTemporaryKey, "temporary (STS) access key"},
    {"ABIA", KeyKind::kBearerToken, "STS service bearer token"},
    {"ACCA", KeyKind::kContextCredential, "context-specific credential"},
    {"AIDA", KeyKind::kUserId, "IAM user ID"},
    {"AROA", KeyKind::kRoleId, "IAM role ID"},
    {"AGPA", KeyKind::kGroupId, "IAM group ID"},
    {"AIPA", KeyKind::kInstanceProfileId, "EC2 instance profile ID"},
    {"ANPA", KeyKind::kManagedPolicyId, "managed policy ID"},
    {"ANVA", KeyKind::kPolicyVersionId, "managed policy version ID"},
    {"APKA", KeyKind::kPublicKeyId, "public key ID"},
    {"ASCA", KeyKind::kCertificateId, "certificate ID"},
}};

constexpr std::string_view kA3TName = "A3T-prefixed key (low confidence)";
constexpr size_t kPrefixLength = 4;
constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

bool is_upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Value of an RFC 4648 base32 character, or -1.
int base32_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

// Key bodies are random base32; below this entropy (bits/char over 16 characters) they are templates.
constexpr double kMinBodyEntropy = 2.5;

// Credentials are always 20 characters; identifiers are 21 (current) or 20 (some older ones).
bool valid_length(KeyKind kind, size_t length) {
  return length == kKeyIdLength || (length == kUniqueIdLength && !is_credential(kind));
}

}  // namespace

std::optional<KeyKind> key_kind_of(std::string_view id) {
  if (id.size() < kPrefixLength) return std::nullopt;
  std::string_view prefix = id.substr(0, kPrefixLength);
  for (const PrefixInfo& p : kPrefixes)
    if (p.prefix == prefix) return p.kind;
  if (prefix.substr(0, 3) == "A3T" && is_upper_or_digit(prefix[3]))
    return KeyKind::kLegacyA3T;
  return std::nullopt;
}

std::string_view key_kind_name(KeyKind kind) {
  for (const PrefixInfo& p : kPrefixes)
    if (p.kind == kind) return p.name;
  return kA3TName;
}

bool is_credential(KeyKind kind) {
  return kind == KeyKind::kLongTermKey || kind == KeyKind::kTemporaryKey || kind == KeyKind::kBearerToken ||
         kind == KeyKind::kContextCredential || kind == KeyKind::kLegacyA3T;
}

std::optional<uint64_t> decode_account(std::string_view id) {
  // The 21-character unique IDs carry the account at the same place as key IDs (checked against
  // GAAD samples whose ARNs give the account, e.g. AIDAVWL35FZVHZV533DSN in 391638756970).
  std::optional<KeyKind> kind = key_kind_of(id);
  if (id.size() != kKeyIdLength && !(kind && valid_length(*kind, id.size()))) return std::nullopt;
  std::string_view body = id.substr(kPrefixLength);
  uint64_t high = 0;  // the first 9 characters: 45 bits
  for (size_t i = 0; i < body.size(); ++i) {
    int v = base32_value(body[i]);
    if (v < 0) return std::nullopt;
    if (i < 9) high = (high << 5) | static_cast<uint64_t>(v);
  }
  if (((high >> 44) & 1) == 0) return std::nullopt;  // old-format key: no account inside
  return (high >> 4) & ((uint64_t{1} << 40) - 1);
}

KeyIdInfo inspect_key_id(std::string_view id) {
  KeyIdInfo info;
  std::optional<KeyKind> kind = key_kind_of(id);
  if (!kind || !valid_length(*kind, id.size())) return info;
  info.kind = *kind;
  std::string_view body = id.substr(kPrefixLength);
  bool base32 = true;
  for (char c : body) {
    if (!is_upper_or_digit(c)) return info;
    base32 &= base32_value(c) >= 0;
  }
  // AWS's own examples (AKIAIOSFODNN7EXAMPLE, AKIAI44QH8DHBEXAMPLE) may break the alphabet rule.
  if (is_documented_example(body)) {
    info.shape = KeyShape::kExample;
    return info;
  }
  if (!base32) return info;
  info.shape = looks_like_placeholder(body, kMinBodyEntropy) ? KeyShape::kPlaceholder : KeyShape::kReal;
  info.account = decode_account(id);
  return info;
}

std::string format_account(uint64_t account) { return fmt::format("{:012}", account); }

std::string encode_key_id(std::string_view prefix, uint64_t account, uint64_t filler) {
  // 80 bits: generation bit, 40 account bits, 39 filler bits; emitted as 45 + 35 bits.
  uint64_t high = (uint64_t{1} << 44) | ((account & ((uint64_t{1} << 40) - 1)) << 4) | ((filler >> 35) & 0xF);
  uint64_t low = filler & ((uint64_t{1} << 35) - 1);
  std::string id(prefix.substr(0, kPrefixLength));
  for (int shift = 40; shift >= 0; shift -= 5) id += kBase32[(high >> shift) & 31];
  for (int shift = 30; shift >= 0; shift -= 5) id += kBase32[(low >> shift) & 31];
  return id;
}

}  // namespace iamwarden::secrets
