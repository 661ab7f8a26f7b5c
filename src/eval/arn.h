// ARN splitting and the two ARN matching rules: Resource elements (§3.3) and Arn* conditions (§3.4).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

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
  /// Length of "arn:partition:service:region:account:" (where the sixth part starts).
  size_t head_length(std::string_view arn) const { return static_cast<size_t>(part[5].data() - arn.data()); }
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

  /// Matches a request resource ("*" or an ARN, see make_request) split into parts. kUnresolved
  /// when a variable has no value.
  MatchResult match(std::string_view resource, const ArnParts& parts, const Context& ctx) const;

  bool is_star() const { return star_; }
  const std::string& source() const { return source_; }
  /// The item with its variables substituted (for traces); false when one is unresolved.
  bool render(const Context& ctx, std::string& out) const;

 private:
  MatchResult match_short(std::string_view resource, const ArnParts& parts, const Context& ctx) const;

  // Each of parts 1-5 of a six-part pattern: any text ("*"), a literal, or a wildcard pattern.
  enum class PartKind : uint8_t { kAny, kLiteral, kWildcard };
  struct HeadPart {
    PartKind kind = PartKind::kAny;
    uint16_t begin = 0, length = 0;  // the literal in head_text_
  };

  bool star_ = false;
  bool full_ = false;       // six parts: head parts + tail_
  bool head_wildcards_ = false;  // some part needs head_ (partial wildcards such as "us-*-1")
  std::array<HeadPart, 5> head_parts_{};
  std::string head_text_;
  Pattern head_;            // parts 1-5 with their colons; wildcards stay inside a part
  Pattern tail_;            // part 6, may hold variables
  // Patterns with fewer than six parts (rare): each part, plus the whole text for non-ARN requests.
  std::vector<Pattern> short_parts_;
  bool last_ends_with_star_ = false;
  ShortArnMode short_mode_ = ShortArnMode::kPadWithWildcards;
  std::string source_;  // as written, for traces
};

}  // namespace iamwarden::eval
