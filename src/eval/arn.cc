// ARN parts and Resource matching: parts 1-5 wildcard within the part, a trailing '*' spans the rest.
#include "eval/arn.h"

namespace iamwarden::eval {

ArnParts split_arn(std::string_view text) {
  ArnParts parts;
  size_t start = 0;
  for (size_t i = 0; i < 5; ++i) {
    size_t colon = text.find(':', start);
    if (colon == std::string_view::npos) return parts;
    parts.part[i] = text.substr(start, colon - start);
    start = colon + 1;
  }
  parts.part[5] = text.substr(start);
  parts.ok = true;
  return parts;
}

size_t arn_barrier(std::string_view text) {
  size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    size_t colon = text.find(':', start);
    if (colon == std::string_view::npos) return 0;
    start = colon + 1;
  }
  return start;
}

ResourcePattern::ResourcePattern(std::string_view source, bool variables, ShortArnMode short_mode)
    : short_mode_(short_mode), whole_(source, PatternOptions{true, variables, false}) {
  star_ = source == "*";
  if (star_) return;
  size_t start = 0;
  segments_ = 0;
  while (segments_ < 5) {
    size_t colon = source.find(':', start);
    if (colon == std::string_view::npos) break;
    part_[segments_++] = Pattern(source.substr(start, colon - start), PatternOptions{true, false, false});
    start = colon + 1;
  }
  std::string_view last = source.substr(start);
  const bool is_resource_part = segments_ == 5;  // only the sixth part may hold variables
  part_[segments_++] = Pattern(last, PatternOptions{true, variables && is_resource_part, false});
  last_ends_with_star_ = !last.empty() && last.back() == '*';
  if (segments_ == 6) {
    head_ = std::string(source.substr(0, start));
    literal_head_ = head_.find_first_of("*?") == std::string::npos;
  }
}

MatchResult ResourcePattern::match(std::string_view resource, const ArnParts& parts, const Context& ctx) const {
  if (star_) return MatchResult::kMatch;
  if (resource == "*") return MatchResult::kNoMatch;  // wildcard-only actions need "*" (R2)
  if (!parts.ok) return whole_.match(resource, ctx);
  if (literal_head_) {
    const size_t head_length = static_cast<size_t>(parts.part[5].data() - resource.data());
    if (resource.compare(0, head_length, head_) != 0) return MatchResult::kNoMatch;
    return part_[5].match(parts.part[5], ctx);
  }
  if (segments_ < 6 && !last_ends_with_star_ && short_mode_ == ShortArnMode::kNoMatch) return MatchResult::kNoMatch;
  for (int i = 0; i < segments_ - 1; ++i)
    if (!part_[i].match_plain(parts.part[i])) return MatchResult::kNoMatch;
  // A short pattern's last part is matched against the same request part; the rest is absorbed by
  // its trailing '*' (which may span colons) or, in identity-like policies, by the implicit padding.
  return part_[segments_ - 1].match(parts.part[segments_ - 1], ctx);
}

}  // namespace iamwarden::eval
