// Character-level shape tests: entropy, placeholder words, character classes.
#include "secrets/shape.h"

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

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool contains_ci(std::string_view text, std::string_view word) {
  if (word.size() > text.size()) return false;
  for (size_t i = 0; i + word.size() <= text.size(); ++i) {
    size_t k = 0;
    while (k < word.size() && lower(text[i + k]) == word[k]) ++k;
    if (k == word.size()) return true;
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
  if (shannon_entropy(text) < min_entropy || has_sequential_run(text)) return true;
  for (std::string_view word : kPlaceholderWords)
    if (contains_ci(text, word)) return true;
  return false;
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
