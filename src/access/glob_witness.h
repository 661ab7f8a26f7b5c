// Texts in the intersection of '*'/'?' glob patterns: a shortest text that every pattern of one
// list matches and no pattern of another does, found by a breadth-first walk over the patterns'
// automata. `access` uses it to find a resource in the overlap of layers' Resource patterns.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace iamwarden::access {

/// How a glob walk ended.
enum class GlobAnswer : uint8_t {
  kFound,    ///< `text` holds a witness
  kEmpty,    ///< no text fits
  kTooHard,  ///< the walk hit its state limit
};

struct GlobWitness {
  GlobAnswer answer = GlobAnswer::kEmpty;
  std::string text;
};

/// In a pattern, a wildcard like '*' that matches no '/' (a name that cannot hold a path, such as an
/// S3 bucket name in an ARN template).
inline constexpr char kSegmentStar = '\x01';

/// A shortest text matched by every pattern in `all_of` and by none in `none_of`. With
/// `arn_parts`, wildcards do not match ':' before the text's fifth colon (Resource ARN matching).
GlobWitness glob_witness(std::span<const std::string_view> all_of, std::span<const std::string_view> none_of,
                         bool arn_parts);

/// True when `text` (read literally: its '*' and '?' are characters) is matched by every pattern in
/// `all_of` and by none in `none_of`: one pass over the text, no search.
bool glob_accepts(std::span<const std::string_view> all_of, std::span<const std::string_view> none_of,
                  std::string_view text, bool arn_parts);

/// True when every text `inner` matches is matched by `outer` too (false when undecided).
bool glob_subset(std::string_view inner, std::string_view outer, bool arn_parts);

}  // namespace iamwarden::access
