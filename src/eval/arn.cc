// ARN parts and Resource matching: parts 1-5 wildcard within the part, a trailing '*' spans the rest.
#include "eval/arn.h"

#include <algorithm>
#include <cstdint>

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
    : short_mode_(short_mode), source_(source) {
  star_ = source == "*";
  if (star_) return;
  size_t barrier = arn_barrier(source);
  if (barrier > 0) {
    full_ = true;
    head_text_ = std::string(source.substr(0, barrier));
    size_t start = 0;
    for (HeadPart& part : head_parts_) {
      size_t colon = head_text_.find(':', start);
      std::string_view text = std::string_view(head_text_).substr(start, colon - start);
      part.begin = static_cast<uint16_t>(std::min<size_t>(start, UINT16_MAX));
      part.length = static_cast<uint16_t>(std::min<size_t>(text.size(), UINT16_MAX));
      if (text == "*") part.kind = PartKind::kAny;
      else if (text.find_first_of("*?") == std::string_view::npos && start + text.size() <= UINT16_MAX) part.kind = PartKind::kLiteral;
      else part.kind = PartKind::kWildcard, head_wildcards_ = true;
      start = colon + 1;
    }
    if (head_wildcards_) head_ = Pattern(head_text_, PatternOptions{true, false, false});
    tail_ = Pattern(source.substr(barrier), PatternOptions{true, variables, false});
    return;
  }
  size_t start = 0;
  while (true) {
    size_t colon = source.find(':', start);
    if (colon == std::string_view::npos) break;
    short_parts_.emplace_back(source.substr(start, colon - start), PatternOptions{true, false, false});
    start = colon + 1;
  }
  std::string_view last = source.substr(start);
  short_parts_.emplace_back(last, PatternOptions{true, false, false});
  last_ends_with_star_ = !last.empty() && last.back() == '*';
}

MatchResult ResourcePattern::match(std::string_view resource, const ArnParts& parts, const Context& ctx) const {
  if (star_) return MatchResult::kMatch;
  if (resource == "*") return MatchResult::kNoMatch;  // wildcard-only actions need "*" (R2)
  if (!parts.ok) return MatchResult::kNoMatch;  // requests carry ARNs (make_request checks)
  if (!full_) return match_short(resource, parts, ctx);
  if (head_wildcards_) {
    // Wildcards in parts 1-5 never cross a part's colons: the barrier is the end of the head.
    const size_t head_length = parts.head_length(resource);
    if (head_.match(resource.substr(0, head_length), ctx, false, head_length) != MatchResult::kMatch)
      return MatchResult::kNoMatch;
  } else {
    for (size_t i = 0; i < 5; ++i) {
      const HeadPart& part = head_parts_[i];
      if (part.kind == PartKind::kAny) continue;
      if (parts.part[i] != std::string_view(head_text_).substr(part.begin, part.length)) return MatchResult::kNoMatch;
    }
  }
  return tail_.match(parts.part[5], ctx);
}

bool ResourcePattern::render(const Context& ctx, std::string& out) const {
  if (!full_) {
    out += source_;
    return true;
  }
  out += head_text_;
  return tail_.render(ctx, out);
}

MatchResult ResourcePattern::match_short(std::string_view resource, const ArnParts& parts, const Context& ctx) const {
  (void)resource;
  if (!last_ends_with_star_ && short_mode_ == ShortArnMode::kNoMatch) return MatchResult::kNoMatch;
  const size_t n = short_parts_.size();
  for (size_t i = 0; i + 1 < n; ++i)
    if (!short_parts_[i].match_plain(parts.part[i])) return MatchResult::kNoMatch;
  // The last part is matched against the same request part; the rest is absorbed by its trailing
  // '*' (which may span colons) or, in identity-like policies, by the implicit padding.
  return short_parts_[n - 1].match(parts.part[n - 1], ctx);
}

}  // namespace iamwarden::eval
