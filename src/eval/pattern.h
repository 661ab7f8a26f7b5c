// Compiled text patterns: literals, '*' and '?' wildcards and policy variables, matched without allocating.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eval/context.h"

namespace iamwarden::eval {

/// How a policy string is read when compiled into a Pattern.
struct PatternOptions {
  bool wildcards = true;   ///< '*' and '?' are wildcards (else literal)
  bool variables = false;  ///< "${...}" is a policy variable (Version 2012-10-17, allowed places only)
  bool fold = false;       ///< lower-case literals (for case-insensitive matching of folded text)
};

/// Result of matching a pattern that may contain variables.
enum class MatchResult : uint8_t { kNoMatch, kMatch, kUnresolved };

/// A policy string split into tokens; variables are located once, at compile time.
class Pattern {
 public:
  Pattern() = default;
  Pattern(std::string_view source, PatternOptions options);

  /// Matches the whole of text. Variable values are taken from ctx and are literal text (their '*'
  /// is not a wildcard). A variable with no value and no default matches nothing (kUnresolved when
  /// the matcher reached it). Wildcards never consume a ':' before `barrier` (ARN parts, §3.4).
  MatchResult match(std::string_view text, const Context& ctx, bool ignore_case = false, size_t barrier = 0) const {
    return match_impl(text, &ctx, ignore_case, barrier);
  }

  /// Matches when the pattern has no variables (actions, literal strings).
  bool match_plain(std::string_view text, bool ignore_case = false) const {
    return match_impl(text, nullptr, ignore_case, 0) == MatchResult::kMatch;
  }

  bool has_variables() const { return has_variables_; }
  bool has_wildcards() const { return has_wildcards_; }
  /// True for a pattern that is exactly "*" (matches anything).
  bool is_star() const { return shape_ == Shape::kAnything; }

  /// Appends the text with variables substituted (for traces). Returns false if unresolved.
  bool render(const Context& ctx, std::string& out) const;

  /// Calls f(folded key name) for each policy variable of the pattern, in order.
  template <class F>
  void for_each_variable(F&& f) const {
    for (const Token& t : tokens_)
      if (t.kind == Kind::kVariable) f(slice(t.begin, t.length));
  }

 private:
  enum class Kind : uint8_t { kLiteral, kStar, kQuestion, kVariable };
  /// Shapes with a direct test, found once at compile time (most policy strings are one of them).
  enum class Shape : uint8_t { kGeneral, kExact, kPrefix, kSuffix, kAnything };
  void classify();
  MatchResult match_general(std::string_view text, const Context* ctx, bool ignore_case, size_t barrier) const;
  struct Token {
    Kind kind;
    bool has_default = false;
    uint32_t begin = 0, length = 0;                  // literal text, or variable name (folded) in text_
    uint32_t default_begin = 0, default_length = 0;  // default value in text_
    uint64_t hash = 0;                               // variable key hash
  };
  MatchResult match_impl(std::string_view text, const Context* ctx, bool ignore_case, size_t barrier) const;
  bool resolve(const Token& token, const Context* ctx, std::string_view& out) const;
  std::string_view slice(uint32_t begin, uint32_t length) const { return std::string_view(text_).substr(begin, length); }
  void add_literal(std::string_view text);

  std::string text_;
  std::vector<Token> tokens_;
  bool has_variables_ = false;
  bool has_wildcards_ = false;
  Shape shape_ = Shape::kGeneral;
  uint32_t literal_begin_ = 0, literal_length_ = 0;  // the literal of kExact/kPrefix/kSuffix in text_
};

}  // namespace iamwarden::eval
