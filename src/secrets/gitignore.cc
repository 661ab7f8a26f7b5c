// Parsing .gitignore lines and matching paths (gitignore(5): pattern format).
#include "secrets/gitignore.h"

#include <algorithm>
#include <cstdint>
#include <vector>

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

// A glob compiled to a sequence of steps. Matching runs them as a set of positions over the text, one character
// at a time, so time is bounded by text length times the live positions and there is no recursion: a backtracking
// matcher took exponential time and unbounded stack on a hostile .gitignore line ("*a*a*a...*b").
struct Step {
  enum Kind : uint8_t { kChar, kAnyChar, kClass, kStar, kDirs, kRest, kNever } kind;
  char c = 0;          // kChar
  size_t class_at = 0; // kClass: pattern offset just past '['
};

std::vector<Step> compile(std::string_view pattern) {
  std::vector<Step> steps;
  size_t p = 0;
  while (p < pattern.size()) {
    char c = pattern[p];
    if (c == '*') {
      bool double_star = p + 1 < pattern.size() && pattern[p + 1] == '*';
      bool at_segment_start = p == 0 || pattern[p - 1] == '/';
      size_t after = p + (double_star ? 2 : 1);
      if (double_star && at_segment_start && after == pattern.size()) {
        steps.push_back({Step::kRest});  // trailing "**": everything below
        break;
      }
      if (double_star && at_segment_start && pattern[after] == '/') {
        // "**/": zero or more whole directories; "**/**/" means the same, so repeats collapse into one.
        if (steps.empty() || steps.back().kind != Step::kDirs) steps.push_back({Step::kDirs});
        p = after + 1;
        continue;
      }
      while (after < pattern.size() && pattern[after] == '*') ++after;
      steps.push_back({Step::kStar});
      p = after;
    } else if (c == '?') {
      steps.push_back({Step::kAnyChar});
      ++p;
    } else if (c == '[') {
      size_t end = p + 1;
      bool matched = false;
      bool well_formed = class_match(pattern, end, 'a', matched);  // only to find the class's end
      steps.push_back(well_formed ? Step{Step::kClass, 0, p + 1} : Step{Step::kNever});
      if (!well_formed) break;
      p = end;
    } else {
      if (c == '\\' && p + 1 < pattern.size()) c = pattern[++p];
      steps.push_back({Step::kChar, c});
      ++p;
    }
  }
  return steps;
}

// Positions are step index * 2, plus 1 inside a "**/" that has consumed part of a directory name. Each set is
// kept free of duplicates with a generation stamp per position, so one character costs at most one visit per
// position: O(text length x pattern steps), no sorting, no recursion.
class GlobRun {
 public:
  GlobRun(std::string_view pattern, const std::vector<Step>& steps)
      : pattern_(pattern), steps_(steps), stamp_(2 * steps.size() + 2, 0) {}

  bool match(std::string_view text) {
    ++generation_;
    add(0, live_);
    for (char c : text) {
      if (rest_) return true;
      next_.clear();
      ++generation_;
      for (size_t state : live_) advance(state, c);
      live_.swap(next_);
      if (live_.empty()) return false;
    }
    return rest_ || stamp_[steps_.size() * 2] == generation_;
  }

 private:
  // Adds state and every state reachable from it without reading a character to into, stopping at one already
  // there (its closure is there too).
  void add(size_t state, std::vector<size_t>& into) {
    while (stamp_[state] != generation_) {
      stamp_[state] = generation_;
      into.push_back(state);
      size_t i = state / 2;
      if (state % 2 == 1 || i >= steps_.size()) return;
      Step::Kind kind = steps_[i].kind;
      if (kind == Step::kRest) rest_ = true;
      if (kind != Step::kStar && kind != Step::kDirs) return;
      state = (i + 1) * 2;  // '*' and "**/" may match nothing
    }
  }

  void advance(size_t state, char c) {
    size_t i = state / 2;
    if (i >= steps_.size()) return;
    const Step& step = steps_[i];
    auto to = [&](size_t target) { add(target, next_); };
    switch (step.kind) {
      case Step::kChar:
        if (c == step.c) to((i + 1) * 2);
        break;
      case Step::kAnyChar:
        if (c != '/') to((i + 1) * 2);
        break;
      case Step::kClass: {
        size_t p = step.class_at;
        bool matched = false;
        if (c != '/' && class_match(pattern_, p, c, matched) && matched) to((i + 1) * 2);
        break;
      }
      case Step::kStar:
        if (c != '/') to(i * 2);
        break;
      case Step::kDirs:  // inside a directory name until its '/', which ends one whole directory
        to(c == '/' ? i * 2 : i * 2 + 1);
        break;
      case Step::kRest:
      case Step::kNever:
        break;
    }
  }

  std::string_view pattern_;
  const std::vector<Step>& steps_;
  std::vector<uint32_t> stamp_;  // generation in which each position was last added
  uint32_t generation_ = 0;
  std::vector<size_t> live_, next_;
  bool rest_ = false;
};

std::string_view trim_trailing_spaces(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
    if (line.back() == ' ' && line.size() >= 2 && line[line.size() - 2] == '\\') break;
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  std::vector<Step> steps = compile(pattern);
  GlobRun run(pattern, steps);
  return run.match(text);
}

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
