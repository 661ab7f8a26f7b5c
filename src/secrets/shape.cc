// Character-level shape tests: entropy, placeholder words, character classes.
#include "secrets/shape.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace iamwarden::secrets {
namespace {

// Placeholder words seen in documentation and templates; matched case-insensitively.
constexpr std::array<std::string_view, 10> kPlaceholderWords = {
    "example", "sample", "placeholder", "changeme", "your", "xxxx", "dummy", "fake", "replace", "redacted"};

// Runs of this many consecutive characters (abcdef, 234567) do not occur in random keys.
constexpr int kSequentialRun = 6;

// A word hit in a value with at least this share of the entropy a random string of its length can reach is
// ignored unless the word stands on its own: random secrets contain "fake" or "your" now and then.
constexpr double kRandomEntropyShare = 0.85;
constexpr size_t kAlphabet = 64;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }

// Whether text[i, i + n) is written as a word: all lower, all upper or capitalised.
bool one_case(std::string_view text, size_t i, size_t n) {
  bool all_lower = true, all_upper = true, tail_lower = true;
  for (size_t k = 0; k < n; ++k) {
    all_lower &= is_lower(text[i + k]);
    all_upper &= is_upper(text[i + k]);
    if (k > 0) tail_lower &= is_lower(text[i + k]);
  }
  return all_lower || all_upper || (is_upper(text[i]) && tail_lower);
}

// A word starts or ends here: the text's edge, a non-letter, or a change of case (camelCase, ACRONYMWord).
bool word_starts_at(std::string_view text, size_t i) {
  if (i == 0 || !is_letter(text[i - 1])) return true;
  if (is_lower(text[i - 1]) && is_upper(text[i])) return true;
  return is_upper(text[i - 1]) && is_upper(text[i]) && i + 1 < text.size() && is_lower(text[i + 1]);
}

bool word_ends_at(std::string_view text, size_t end) {
  return end == text.size() || !is_letter(text[end]) || is_upper(text[end - 1]) != is_upper(text[end]);
}

// Whether word occurs case-insensitively; when whole, only as a word of its own: in one case and bounded on both
// sides (on one side in text without lower-case letters, such as a key ID, where case shows no boundary).
bool contains_word(std::string_view text, std::string_view word, bool whole) {
  if (word.size() > text.size()) return false;
  bool single_case = std::none_of(text.begin(), text.end(), is_lower);
  for (size_t i = 0; i + word.size() <= text.size(); ++i) {
    size_t k = 0;
    while (k < word.size() && lower(text[i + k]) == word[k]) ++k;
    if (k != word.size()) continue;
    if (!whole) return true;
    size_t end = i + word.size();
    if (!one_case(text, i, word.size())) continue;
    bool starts = word_starts_at(text, i), ends = word_ends_at(text, end);
    if (single_case ? (starts || ends) : (starts && ends)) return true;
  }
  return false;
}

bool has_sequential_run(std::string_view text) {
  int run = 1;
  for (size_t i = 1; i < text.size(); ++i) {
    run = (text[i] == text[i - 1] + 1) ? run + 1 : 1;
    if (run >= kSequentialRun) return true;
  }
  return false;
}

}  // namespace

bool is_alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool is_base64_char(char c) { return is_alnum(c) || c == '+' || c == '/'; }

double shannon_entropy(std::string_view text) {
  if (text.empty()) return 0;
  std::array<unsigned, 256> counts{};
  for (char c : text) ++counts[static_cast<unsigned char>(c)];
  double entropy = 0;
  const double n = static_cast<double>(text.size());
  for (unsigned count : counts) {
    if (count == 0) continue;
    double p = count / n;
    entropy -= p * std::log2(p);
  }
  return entropy;
}

bool is_documented_example(std::string_view text) { return text.find("EXAMPLE") != std::string_view::npos; }

bool looks_like_placeholder(std::string_view text, double min_entropy) {
  double entropy = shannon_entropy(text);
  if (entropy < min_entropy || has_sequential_run(text)) return true;
  // Text-like values (low entropy for their length) lose on any placeholder word; random-looking ones only on a
  // word that stands on its own.
  double random_floor = kRandomEntropyShare * std::log2(static_cast<double>(std::min(text.size(), kAlphabet)));
  bool whole_only = entropy >= random_floor;
  for (std::string_view word : kPlaceholderWords)
    if (contains_word(text, word, whole_only)) return true;
  return false;
}

bool has_both_cases(std::string_view text) {
  bool upper = false, lower_case = false;
  for (char c : text) {
    upper |= is_upper(c);
    lower_case |= is_lower(c);
  }
  return upper && lower_case;
}

bool has_mixed_classes(std::string_view text) {
  bool upper = false, lower_case = false, other = false;
  for (char c : text) {
    upper |= (c >= 'A' && c <= 'Z');
    lower_case |= (c >= 'a' && c <= 'z');
    other |= (c >= '0' && c <= '9') || c == '+' || c == '/';
  }
  return upper && lower_case && other;
}

}  // namespace iamwarden::secrets
