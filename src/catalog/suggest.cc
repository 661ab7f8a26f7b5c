// "Did you mean ...?": the closest service prefix or action name by edit distance, ignoring case.
#include <algorithm>
#include <limits>
#include <vector>

#include "catalog/catalog.h"

namespace iamwarden::catalog {
namespace {

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Levenshtein distance with one rolling row.
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

// Accept a suggestion only when it is reasonably close (a third of the word, at least 2 edits).
bool close_enough(size_t distance, std::string_view word) { return distance <= std::max<size_t>(2, word.size() / 3); }

}  // namespace

std::string Catalog::suggest_service(std::string_view prefix) const {
  size_t best = std::numeric_limits<size_t>::max();
  const Service* found = nullptr;
  for (const Service& service : services_) {
    size_t d = edit_distance(prefix, service.prefix);
    if (d < best) {
      best = d;
      found = &service;
    }
  }
  return found && close_enough(best, prefix) ? found->prefix : std::string();
}

std::string Catalog::suggest_action(std::string_view wanted) const {
  size_t colon = wanted.find(':');
  if (colon == std::string_view::npos) return {};
  const Service* service = find_service(wanted.substr(0, colon));
  if (!service) return {};
  std::string_view name = wanted.substr(colon + 1);
  size_t best = std::numeric_limits<size_t>::max();
  const Action* found = nullptr;
  for (const Action& action : actions_of(*service)) {
    size_t d = edit_distance(name, action.name);
    if (d < best) {
      best = d;
      found = &action;
    }
  }
  return found && close_enough(best, name) ? full_name(*found) : std::string();
}

}  // namespace iamwarden::catalog
