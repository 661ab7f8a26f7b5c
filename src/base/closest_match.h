// "Did you mean ...?": the candidate nearest to a misspelt word by edit distance, ignoring ASCII case.
#pragma once

#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace iamwarden {

/// Levenshtein distance between two words, ignoring ASCII case.
size_t edit_distance(std::string_view a, std::string_view b);

/// Feed it candidates; best() is the nearest one when it is close enough to be a plausible typo
/// (at most a third of the word's length in edits, and at least 2 allowed), else "".
/// Ties keep the first candidate seen, so results follow the candidates' order.
class ClosestMatch {
 public:
  explicit ClosestMatch(std::string_view word) : word_(word) {}

  /// Considers a candidate; `suggestion` (default: the candidate itself) is what best() returns for it.
  void consider(std::string_view candidate, std::string_view suggestion = {});

  /// The suggestion of the nearest close-enough candidate, or "".
  const std::string& best() const { return best_; }

 private:
  std::string_view word_;
  size_t best_distance_ = std::numeric_limits<size_t>::max();
  std::string best_;
};

/// Names to suggest for a word that names nothing: those that begin with the whole word followed by
/// a separator (. - _ @ /), like "alice.nguyen" for "alice", in the given order, at most `limit`;
/// when there are none, the closest name by edit distance (ClosestMatch); else nothing.
std::vector<std::string> suggest_names(std::string_view word, std::span<const std::string_view> names,
                                       size_t limit = 3);

/// "; did you mean \"a\"?" or "; did you mean \"a\" or \"b\"?"; "" for no suggestion. The names are
/// not escaped: pass the result through safe_text when they come from input.
std::string did_you_mean(std::span<const std::string> suggestions);

}  // namespace iamwarden
