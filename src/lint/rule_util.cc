// Helpers shared by lint rules.
#include "lint/rule_util.h"

#include <fmt/format.h>

#include "base/ascii.h"
#include "eval/pattern.h"

namespace iamwarden::lint {
namespace {

// Replaces "${...}" placeholders by '*'.
std::string placeholders_to_star(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        out.push_back('*');
        i = close;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace

bool is_identity_like(policy::PolicyKind kind) {
  return kind == policy::PolicyKind::kIdentity || kind == policy::PolicyKind::kBoundary ||
         kind == policy::PolicyKind::kSession;
}

bool grants_permissions(policy::PolicyKind kind) {
  return kind == policy::PolicyKind::kIdentity || kind == policy::PolicyKind::kResource ||
         kind == policy::PolicyKind::kSession;
}

bool has_strict_sids(policy::PolicyKind kind) {
  return kind != policy::PolicyKind::kResource && kind != policy::PolicyKind::kSession;
}

bool iequals(std::string_view a, std::string_view b) { return ascii_iequals(a, b); }

bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

bool has_wildcard(std::string_view text) { return text.find_first_of("*?") != std::string_view::npos; }

bool globs_intersect(std::string_view a_in, std::string_view b_in, bool ignore_case) {
  const std::string a = placeholders_to_star(a_in), b = placeholders_to_star(b_in);
  const size_t n = a.size(), m = b.size();
  // reach[i][j]: prefixes a[0,i) and b[0,j) can produce a common string.
  std::vector<char> reach((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> char& { return reach[i * (m + 1) + j]; };
  at(0, 0) = 1;
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      if (!at(i, j)) continue;
      if (i < n && a[i] == '*') at(i + 1, j) = 1;  // a's star matches nothing more
      if (j < m && b[j] == '*') at(i, j + 1) = 1;
      if (i < n && j < m) {
        const char x = a[i], y = b[j];
        if (x == '*' && y != '*') at(i, j + 1) = 1;  // a's star absorbs b's character or '?'
        if (y == '*' && x != '*') at(i + 1, j) = 1;
        if (x == '*' && y == '*') at(i + 1, j + 1) = 1;
        if (x != '*' && y != '*' &&
            (x == '?' || y == '?' || x == y || (ignore_case && ascii_lower(x) == ascii_lower(y))))
          at(i + 1, j + 1) = 1;
      }
    }
  }
  return at(n, m) != 0;
}

bool glob_covers(std::string_view outer, std::string_view inner, bool ignore_case) {
  if (outer.find('?') != std::string_view::npos) return outer == inner;
  eval::PatternOptions options;
  return eval::Pattern(outer, options).match_plain(inner, ignore_case);
}

bool region_name_shape(std::string_view text) {
  // area: two lower-case letters; then one or more "-word"; then "-digits".
  if (text.size() < 6 || !(text[0] >= 'a' && text[0] <= 'z') || !(text[1] >= 'a' && text[1] <= 'z') || text[2] != '-')
    return false;
  const size_t last_dash = text.rfind('-');
  const std::string_view number = text.substr(last_dash + 1);
  if (number.empty() || number.find_first_not_of("0123456789") != std::string_view::npos) return false;
  const std::string_view words = text.substr(3, last_dash > 3 ? last_dash - 3 : 0);
  if (words.empty() || words.front() == '-' || words.back() == '-' || words.find("--") != std::string_view::npos) return false;
  return words.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string_view::npos;
}

std::string join_limited(const std::vector<std::string>& items, size_t limit) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < limit; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > limit) out += fmt::format(" and {} more", items.size() - limit);
  return out;
}

bool has_condition_key(const policy::Statement& st, std::initializer_list<std::string_view> keys) {
  for (const policy::ConditionClause& clause : st.conditions)
    for (std::string_view key : keys)
      if (iequals(clause.key.value, key)) return true;
  return false;
}

}  // namespace iamwarden::lint
