// Parsing .gitignore lines and matching paths (gitignore(5): pattern format).
#include "secrets/gitignore.h"

namespace iamwarden::secrets {
namespace {

// Matches a "[...]" class at p (just past '['); advances p past ']'. Returns false for a malformed class.
bool class_match(std::string_view pattern, size_t& p, char c, bool& matched) {
  bool negate = p < pattern.size() && (pattern[p] == '!' || pattern[p] == '^');
  if (negate) ++p;
  matched = false;
  bool first = true;
  while (p < pattern.size() && (first || pattern[p] != ']')) {
    first = false;
    char lo = pattern[p];
    if (lo == '\\' && p + 1 < pattern.size()) lo = pattern[++p];
    char hi = lo;
    if (p + 2 < pattern.size() && pattern[p + 1] == '-' && pattern[p + 2] != ']') {
      hi = pattern[p + 2];
      p += 2;
    }
    if (c >= lo && c <= hi) matched = true;
    ++p;
  }
  if (p >= pattern.size()) return false;
  ++p;  // ']'
  matched = matched != negate;
  return true;
}

bool match_from(std::string_view pattern, size_t p, std::string_view text, size_t t) {
  while (p < pattern.size()) {
    char c = pattern[p];
    if (c == '*') {
      bool double_star = p + 1 < pattern.size() && pattern[p + 1] == '*';
      bool at_segment_start = p == 0 || pattern[p - 1] == '/';
      size_t after = p + (double_star ? 2 : 1);
      if (double_star && at_segment_start && (after == pattern.size() || pattern[after] == '/')) {
        if (after == pattern.size()) return true;  // trailing "**": everything below
        // "**/": zero or more whole directories.
        for (size_t s = t;;) {
          if (match_from(pattern, after + 1, text, s)) return true;
          size_t slash = text.find('/', s);
          if (slash == std::string_view::npos) return false;
          s = slash + 1;
        }
      }
      while (after < pattern.size() && pattern[after] == '*') ++after;
      for (size_t s = t; s <= text.size(); ++s) {
        if (match_from(pattern, after, text, s)) return true;
        if (s < text.size() && text[s] == '/') return false;
      }
      return false;
    }
    if (t >= text.size() || text[t] == '/') {
      if (!(t < text.size() && c == '/')) return false;
    }
    if (c == '?') {
      ++p, ++t;
    } else if (c == '[') {
      bool matched = false;
      ++p;
      if (!class_match(pattern, p, text[t], matched) || !matched) return false;
      ++t;
    } else {
      if (c == '\\' && p + 1 < pattern.size()) c = pattern[++p];
      if (text[t] != c) return false;
      ++p, ++t;
    }
  }
  return t == text.size();
}

std::string_view trim_trailing_spaces(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
    if (line.back() == ' ' && line.size() >= 2 && line[line.size() - 2] == '\\') break;
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) { return match_from(pattern, 0, text, 0); }

void IgnoreStack::push(std::string_view text, const std::string& base) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim_trailing_spaces(text.substr(start, end - start));
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    Pattern p;
    p.base = base;
    if (line[0] == '!') {
      p.negated = true;
      line.remove_prefix(1);
    } else if (line[0] == '\\' && line.size() > 1 && (line[1] == '!' || line[1] == '#')) {
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      p.dir_only = true;
      line.remove_suffix(1);
    }
    p.anchored = line.find('/') != std::string_view::npos;
    if (!line.empty() && line[0] == '/') line.remove_prefix(1);
    if (line.empty()) continue;
    p.glob = std::string(line);
    patterns_.push_back(std::move(p));
  }
}

bool IgnoreStack::ignored(std::string_view path, bool is_dir) const {
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    const Pattern& p = *it;
    if (p.dir_only && !is_dir) continue;
    if (path.size() <= p.base.size() || path.substr(0, p.base.size()) != p.base) continue;
    std::string_view below = path.substr(p.base.size());
    std::string_view subject = below;
    if (!p.anchored) {
      size_t slash = below.rfind('/');
      if (slash != std::string_view::npos) subject = below.substr(slash + 1);
    }
    if (glob_match(p.glob, subject)) return !p.negated;
  }
  return false;
}

}  // namespace iamwarden::secrets
