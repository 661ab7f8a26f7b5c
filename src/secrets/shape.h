// Character-level tests that tell random credentials from placeholders and ordinary text.
#pragma once

#include <string_view>

namespace iamwarden::secrets {

/// [A-Za-z0-9+/]: the alphabet of secret access keys and session tokens.
bool is_base64_char(char c);

/// [A-Za-z0-9].
bool is_alnum(char c);

/// Shannon entropy of text in bits per character.
double shannon_entropy(std::string_view text);

/// True when text contains AWS's documented-example marker ("EXAMPLE").
bool is_documented_example(std::string_view text);

/// True for templated or low-information text: entropy below min_entropy, a long run of consecutive
/// characters (ABCDEF, 123456), or a placeholder word (YOUR, XXXX, CHANGEME, ...), case-insensitive. In a
/// random-looking value (high entropy for its length) a word counts only when it stands on its own (in one case,
/// bounded by edges, non-letters or changes of case), so "...q3fakem..." inside a random secret does not.
bool looks_like_placeholder(std::string_view text, double min_entropy);

/// True when text has both an upper-case and a lower-case letter.
bool has_both_cases(std::string_view text);

/// True when text has an upper-case letter, a lower-case letter, and a digit, '+' or '/'.
bool has_mixed_classes(std::string_view text);

}  // namespace iamwarden::secrets
