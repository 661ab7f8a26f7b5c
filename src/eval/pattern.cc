// Pattern compilation (variables located once) and the linear wildcard matcher (spec §3.2, §4.7).
#include "eval/pattern.h"


namespace iamwarden::eval {
namespace {

char lower_char(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_at(std::string_view text, size_t pos, std::string_view literal, bool ignore_case) {
  if (pos + literal.size() > text.size()) return false;
  if (!ignore_case) {
    // Policy literals are short: an inline loop beats a call to memcmp.
    if (literal.size() > 32) return text.compare(pos, literal.size(), literal) == 0;
    for (size_t i = 0; i < literal.size(); ++i)
      if (text[pos + i] != literal[i]) return false;
    return true;
  }
  for (size_t i = 0; i < literal.size(); ++i)
    if (lower_char(text[pos + i]) != lower_char(literal[i])) return false;
  return true;
}

}  // namespace

void Pattern::add_literal(std::string_view text) {
  if (text.empty()) return;
  if (!tokens_.empty() && tokens_.back().kind == Kind::kLiteral &&
      tokens_.back().begin + tokens_.back().length == text_.size()) {
    tokens_.back().length += static_cast<uint32_t>(text.size());
  } else {
    Token t{Kind::kLiteral};
    t.begin = static_cast<uint32_t>(text_.size());
    t.length = static_cast<uint32_t>(text.size());
    tokens_.push_back(t);
  }
  text_.append(text);
}

Pattern::Pattern(std::string_view source, PatternOptions options) {
  text_.reserve(source.size());
  size_t i = 0;
  while (i < source.size()) {
    char c = source[i];
    if (options.variables && c == '$' && i + 1 < source.size() && source[i + 1] == '{') {
      // Escapes ${*} ${?} ${$} stand for the literal character.
      if (i + 3 < source.size() && source[i + 3] == '}' &&
          (source[i + 2] == '*' || source[i + 2] == '?' || source[i + 2] == '$')) {
        char literal = source[i + 2];
        add_literal(std::string_view(&literal, 1));
        i += 4;
        continue;
      }
      size_t close = source.find('}', i + 2);
      if (close != std::string_view::npos) {
        std::string_view inside = source.substr(i + 2, close - i - 2);
        std::string_view name = inside;
        std::string_view default_value;
        bool has_default = false;
        if (size_t comma = inside.find(", '"); comma != std::string_view::npos) {
          size_t default_start = i + 2 + comma + 3;
          size_t end = source.find("'}", default_start);
          if (end == std::string_view::npos) {
            close = std::string_view::npos;
          } else {
            name = inside.substr(0, comma);
            default_value = source.substr(default_start, end - default_start);
            has_default = true;
            close = end + 1;
          }
        }
        if (close != std::string_view::npos && !name.empty()) {
          Token t{Kind::kVariable};
          std::string folded = fold_case(name);
          t.begin = static_cast<uint32_t>(text_.size());
          t.length = static_cast<uint32_t>(folded.size());
          t.hash = key_hash(folded);
          text_.append(folded);
          if (has_default) {
            t.has_default = true;
            t.default_begin = static_cast<uint32_t>(text_.size());
            t.default_length = static_cast<uint32_t>(default_value.size());
            text_.append(options.fold ? fold_case(default_value) : std::string(default_value));
          }
          tokens_.push_back(t);
          has_variables_ = true;
          i = close + 1;
          continue;
        }
      }
      // Malformed variable syntax is literal text.
    }
    if (options.wildcards && (c == '*' || c == '?')) {
      if (c == '*' && !tokens_.empty() && tokens_.back().kind == Kind::kStar) {
        ++i;  // "**" matches the same as "*"
        continue;
      }
      tokens_.push_back(Token{c == '*' ? Kind::kStar : Kind::kQuestion});
      has_wildcards_ = true;
      ++i;
      continue;
    }
    char literal = options.fold ? lower_char(c) : c;
    add_literal(std::string_view(&literal, 1));
    ++i;
  }
  classify();
}

void Pattern::classify() {
  auto is = [&](size_t i, Kind kind) { return i < tokens_.size() && tokens_[i].kind == kind; };
  const size_t n = tokens_.size();
  if (n == 0) shape_ = Shape::kExact;
  else if (n == 1 && is(0, Kind::kLiteral)) shape_ = Shape::kExact;
  else if (n == 1 && is(0, Kind::kStar)) shape_ = Shape::kAnything;
  else if (n == 2 && is(0, Kind::kLiteral) && is(1, Kind::kStar)) shape_ = Shape::kPrefix;
  else if (n == 2 && is(0, Kind::kStar) && is(1, Kind::kLiteral)) shape_ = Shape::kSuffix;
  else shape_ = Shape::kGeneral;
  literal_begin_ = literal_length_ = 0;
  for (const Token& t : tokens_)
    if (t.kind == Kind::kLiteral) literal_begin_ = t.begin, literal_length_ = t.length;
}

bool Pattern::resolve(const Token& token, const Context* ctx, std::string_view& out) const {
  const ContextEntry* entry = ctx ? ctx->find(token.hash, slice(token.begin, token.length)) : nullptr;
  // Multivalued keys cannot be used as variables (spec §4.7): treated as absent.
  if (entry && !entry->is_list) {
    out = entry->values.front();
    return true;
  }
  if (token.has_default) {
    out = slice(token.default_begin, token.default_length);
    return true;
  }
  return false;
}

MatchResult Pattern::match_impl(std::string_view text, const Context* ctx, bool ignore_case, size_t barrier) const {
  const std::string_view literal = slice(literal_begin_, literal_length_);
  const bool barrier_free = barrier == 0 || shape_ == Shape::kExact;
  if (barrier_free) {
    switch (shape_) {
      case Shape::kExact:
        return text.size() == literal.size() && equal_at(text, 0, literal, ignore_case) ? MatchResult::kMatch
                                                                                      : MatchResult::kNoMatch;
      case Shape::kPrefix:
        return equal_at(text, 0, literal, ignore_case) ? MatchResult::kMatch : MatchResult::kNoMatch;
      case Shape::kSuffix:
        return text.size() >= literal.size() && equal_at(text, text.size() - literal.size(), literal, ignore_case)
                   ? MatchResult::kMatch : MatchResult::kNoMatch;
      case Shape::kAnything:
        return MatchResult::kMatch;
      case Shape::kGeneral:
        break;
    }
  }
  return match_general(text, ctx, ignore_case, barrier);
}

MatchResult Pattern::match_general(std::string_view text, const Context* ctx, bool ignore_case, size_t barrier) const {
  // Greedy match remembering the last '*' (classic linear glob over multi-character tokens).
  // Variables resolve when reached; an unresolved one ends the match.
  const size_t count = tokens_.size();
  size_t ti = 0, pos = 0;
  size_t star_ti = SIZE_MAX, star_pos = 0;
  while (true) {
    if (ti < count) {
      const Token& t = tokens_[ti];
      bool advanced = false;
      switch (t.kind) {
        case Kind::kStar:
          star_ti = ti;
          star_pos = pos;
          ++ti;
          continue;
        case Kind::kQuestion:
          if (pos < text.size() && !(pos < barrier && text[pos] == ':')) {
            ++pos;
            ++ti;
            advanced = true;
          }
          break;
        case Kind::kLiteral: {
          std::string_view literal = slice(t.begin, t.length);
          if (equal_at(text, pos, literal, ignore_case)) {
            pos += literal.size();
            ++ti;
            advanced = true;
          }
          break;
        }
        case Kind::kVariable: {
          std::string_view value;
          if (!resolve(t, ctx, value)) return MatchResult::kUnresolved;
          if (equal_at(text, pos, value, ignore_case)) {
            pos += value.size();
            ++ti;
            advanced = true;
          }
          break;
        }
      }
      if (advanced) continue;
    } else if (pos == text.size()) {
      return MatchResult::kMatch;
    }
    if (star_ti == SIZE_MAX || star_pos >= text.size()) return MatchResult::kNoMatch;
    // A star cannot swallow a part separator; earlier stars could not either (parts must align).
    if (star_pos < barrier && text[star_pos] == ':') return MatchResult::kNoMatch;
    pos = ++star_pos;
    ti = star_ti + 1;
  }
}

bool Pattern::render(const Context& ctx, std::string& out) const {
  for (const Token& t : tokens_) {
    switch (t.kind) {
      case Kind::kLiteral: out.append(slice(t.begin, t.length)); break;
      case Kind::kStar: out += '*'; break;
      case Kind::kQuestion: out += '?'; break;
      case Kind::kVariable: {
        std::string_view value;
        if (!resolve(t, &ctx, value)) return false;
        out.append(value);
        break;
      }
    }
  }
  return true;
}

}  // namespace iamwarden::eval
