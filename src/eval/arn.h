// ARN splitting and the two ARN matching rules: Resource elements (§3.3) and Arn* conditions (§3.4).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "eval/pattern.h"

namespace iamwarden::eval {

/// The six parts of an ARN (split at the first five colons); ok is false with fewer parts.
struct ArnParts {
  bool ok = false;
  std::array<std::string_view, 6> part{};
  std::string_view partition() const { return part[1]; }
  std::string_view service() const { return part[2]; }
  std::string_view region() const { return part[3]; }
  std::string_view account() const { return part[4]; }
  std::string_view resource() const { return part[5]; }
};

/// Splits text at its first five colons; the sixth part keeps any further colons.
ArnParts split_arn(std::string_view text);

/// Position just after the fifth colon (the end of the "no wildcard crosses ':'" zone), or 0.
size_t arn_barrier(std::string_view text);

/// How a Resource item with fewer than six parts matches (spec §3.3, D10).
enum class ShortArnMode : uint8_t { kPadWithWildcards, kNoMatch };

/// A compiled Resource/NotResource item.
class ResourcePattern {
 public:
  ResourcePattern() = default;
  /// variables: policy variables are live (Version 2012-10-17); only the sixth part may use them.
  ResourcePattern(std::string_view source, bool variables, ShortArnMode short_mode);

  /// Matches a request resource ("*" or an ARN). kUnresolved when a variable has no value.
  MatchResult match(std::string_view resource, const ArnParts& parts, const Context& ctx) const;

  bool is_star() const { return star_; }
  const std::string& source() const { return whole_.source(); }

 private:
  bool star_ = false;
  int segments_ = 0;             // parts in the pattern (1..6)
  bool last_ends_with_star_ = false;
  ShortArnMode short_mode_ = ShortArnMode::kPadWithWildcards;
  std::array<Pattern, 6> part_;  // parts 1..5 literal/wildcards, part 6 may hold variables
  bool literal_head_ = false;    // parts 1..5 have no wildcards: compare them as one string
  std::string head_;             // "arn:aws:s3:::" for a literal head
  Pattern whole_;                // for non-ARN request resources
};

}  // namespace iamwarden::eval
