// One Vectorscan database for every anchor the detector needs; scanning a buffer yields raw hits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "base/result.h"

struct hs_database;
struct hs_scratch;

namespace iamwarden::secrets {

/// Which anchor a hit belongs to.
enum class PatternId : uint32_t {
  kKeyId,        ///< a 4-character key prefix and 8 [A-Z0-9]: the first 12 characters of a candidate key ID
  kSecretName,   ///< a key-like name such as aws_secret_access_key or SecretAccessKey
  kTokenName,    ///< aws_session_token, SessionToken, X-Amz-Security-Token, ...
  kTokenPrefix,  ///< the fixed first characters of an STS session token
  kPresigned,    ///< X-Amz-Credential= in a presigned URL
};

/// Largest buffer one scan accepts (Vectorscan takes a 32-bit length).
inline constexpr size_t kMaxScanBytes = size_t{1} << 31;

/// Characters of a key ID that the kKeyId pattern covers.
inline constexpr size_t kKeyIdMatchLength = 12;

/// One raw match: the pattern and the offset just past its end.
struct Hit {
  PatternId id;
  size_t end;
};

/// Per-thread scanning memory (Vectorscan scratch); one per worker.
class Scratch {
 public:
  Scratch() = default;
  Scratch(Scratch&& other) noexcept;
  Scratch& operator=(Scratch&& other) noexcept;
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch();

 private:
  friend class Matcher;
  hs_scratch* scratch_ = nullptr;
};

/// The compiled pattern database (immutable, shared by all threads).
class Matcher {
 public:
  /// Compiles the patterns; fails only if Vectorscan rejects them (e.g. an unsupported CPU).
  static Result<std::shared_ptr<const Matcher>> create();
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  /// Allocates scratch memory for one thread.
  Result<Scratch> make_scratch() const;

  /// Appends the hits in text to hits, in order of end offset. Returns false (hits truncated) when text
  /// produced more than max_hits hits.
  Result<bool> scan(std::string_view text, Scratch& scratch, std::vector<Hit>& hits, size_t max_hits) const;

 private:
  Matcher() = default;
  hs_database* db_ = nullptr;
};

}  // namespace iamwarden::secrets
