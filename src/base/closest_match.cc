// Edit distance with one rolling row, and the nearest-candidate search built on it.
#include "base/closest_match.h"

#include <algorithm>
#include <vector>

namespace iamwarden {
namespace {

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// A suggestion further than this from the word is more likely another word than a typo of it.
size_t max_distance(std::string_view word) { return std::max<size_t>(2, word.size() / 3); }

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

void ClosestMatch::consider(std::string_view candidate, std::string_view suggestion) {
  // Lengths alone bound the distance from below: skip candidates that cannot win.
  size_t length_gap = candidate.size() > word_.size() ? candidate.size() - word_.size() : word_.size() - candidate.size();
  if (length_gap >= best_distance_ || length_gap > max_distance(word_)) return;
  size_t d = edit_distance(word_, candidate);
  if (d >= best_distance_ || d > max_distance(word_)) return;
  best_distance_ = d;
  best_ = std::string(suggestion.empty() ? candidate : suggestion);
}

std::vector<std::string> suggest_names(std::string_view word, std::span<const std::string_view> names, size_t limit) {
  std::vector<std::string> out;
  if (word.empty()) return out;
  auto separator = [](char c) { return c == '.' || c == '-' || c == '_' || c == '@' || c == '/'; };
  for (std::string_view name : names) {
    if (out.size() >= limit) break;
    if (name.size() > word.size() && separator(name[word.size()]) && edit_distance(name.substr(0, word.size()), word) == 0)
      out.emplace_back(name);
  }
  if (!out.empty()) return out;
  ClosestMatch match(word);
  for (std::string_view name : names) match.consider(name);
  if (!match.best().empty()) out.push_back(match.best());
  return out;
}

std::string did_you_mean(std::span<const std::string> suggestions) {
  std::string out;
  for (size_t i = 0; i < suggestions.size(); ++i) {
    out += i == 0 ? "; did you mean \"" : (i + 1 == suggestions.size() ? " or \"" : ", \"");
    out += suggestions[i];
    out += '"';
  }
  return out.empty() ? out : out + "?";
}

}  // namespace iamwarden
