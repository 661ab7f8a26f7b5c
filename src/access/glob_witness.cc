// Breadth-first search over the product of the patterns' automata (see glob_witness.h). A state is,
// for each pattern, the set of pattern positions the text read so far can be at, plus the number of
// colons read (up to five) for ARN matching.
#include "access/glob_witness.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace iamwarden::access {
namespace {

constexpr size_t kMaxStates = 50000;

class Walk {
 public:
  Walk(std::span<const std::string_view> all_of, std::span<const std::string_view> none_of, bool arn_parts)
      : arn_parts_(arn_parts) {
    for (std::string_view p : all_of) add(p, true);
    for (std::string_view p : none_of) add(p, false);
    std::string seen;
    for (const Pat& p : patterns_)
      for (char c : p.text)
        if (c != '*' && c != '?' && c != kSegmentStar && seen.find(c) == std::string::npos) seen += c;
    if (arn_parts_ && seen.find(':') == std::string::npos) seen += ':';
    std::sort(seen.begin(), seen.end());
    // One character no pattern names stands for all of them (they behave alike).
    for (char c : std::string_view("xyzqjk0123456789")) {
      if (seen.find(c) == std::string::npos) {
        alphabet_ += c;
        break;
      }
    }
    alphabet_ += seen;
  }

  /// Whether the patterns' product automaton accepts `text` (one pass, no search).
  bool accepts(std::string_view text) const {
    std::string state(words_ * sizeof(uint64_t) + 1, '\0');
    for (const Pat& p : patterns_) set_bit(state, p.word, 0);
    close(state);
    for (char c : text) {
      if (dead(state)) return false;
      state = step(state, c);
    }
    return accepting(state);
  }

  GlobWitness run() {
    std::string start(words_ * sizeof(uint64_t) + 1, '\0');
    for (const Pat& p : patterns_) set_bit(start, p.word, 0);
    close(start);
    if (dead(start)) return {};
    std::unordered_map<std::string, size_t> index;
    std::vector<std::pair<size_t, char>> parent;  // (parent state, character read)
    index.emplace(start, 0);
    parent.push_back({SIZE_MAX, 0});
    std::vector<std::string> states_by_id{start};
    size_t head = 0;
    while (head < states_by_id.size()) {
      const std::string state = states_by_id[head];
      const size_t id = head++;
      if (accepting(state)) return {GlobAnswer::kFound, path(parent, id)};
      for (char c : alphabet_) {
        std::string next = step(state, c);
        if (dead(next)) continue;
        if (index.count(next)) continue;
        if (states_by_id.size() >= kMaxStates) return {GlobAnswer::kTooHard, {}};
        index.emplace(next, states_by_id.size());
        parent.push_back({id, c});
        states_by_id.push_back(std::move(next));
      }
    }
    return {};
  }

 private:
  struct Pat {
    std::string text;
    bool positive = true;
    size_t word = 0;  // first word of its position set
  };

  void add(std::string_view text, bool positive) {
    Pat p{std::string(text), positive, words_};
    words_ += (text.size() + 1 + 63) / 64;
    patterns_.push_back(std::move(p));
  }

  static bool bit(const std::string& s, size_t word, size_t pos) {
    uint64_t w;
    std::copy_n(s.data() + (word + pos / 64) * 8, 8, reinterpret_cast<char*>(&w));
    return (w >> (pos % 64)) & 1;
  }
  static void set_bit(std::string& s, size_t word, size_t pos) {
    char* at = s.data() + (word + pos / 64) * 8;
    uint64_t w;
    std::copy_n(at, 8, reinterpret_cast<char*>(&w));
    w |= uint64_t{1} << (pos % 64);
    std::copy_n(reinterpret_cast<const char*>(&w), 8, at);
  }
  uint8_t colons(const std::string& s) const { return static_cast<uint8_t>(s.back()); }

  // '*' may match nothing: a position at a star also stands at the next one.
  void close(std::string& s) const {
    for (const Pat& p : patterns_)
      for (size_t i = 0; i < p.text.size(); ++i)
        if ((p.text[i] == '*' || p.text[i] == kSegmentStar) && bit(s, p.word, i)) set_bit(s, p.word, i + 1);
  }

  std::string step(const std::string& s, char c) const {
    std::string next(s.size(), '\0');
    const bool wildcard_ok = !(arn_parts_ && c == ':' && colons(s) < 5);
    for (const Pat& p : patterns_) {
      for (size_t i = 0; i < p.text.size(); ++i) {
        if (!bit(s, p.word, i)) continue;
        char t = p.text[i];
        if (t == '*') {
          if (wildcard_ok) set_bit(next, p.word, i);
        } else if (t == kSegmentStar) {
          if (wildcard_ok && c != '/') set_bit(next, p.word, i);
        } else if (t == '?') {
          if (wildcard_ok) set_bit(next, p.word, i + 1);
        } else if (t == c) {
          set_bit(next, p.word, i + 1);
        }
      }
    }
    next.back() = static_cast<char>(std::min<int>(colons(s) + (c == ':' ? 1 : 0), 5));
    close(next);
    return next;
  }

  bool any_bit(const std::string& s, const Pat& p) const {
    for (size_t i = 0; i <= p.text.size(); ++i)
      if (bit(s, p.word, i)) return true;
    return false;
  }
  bool dead(const std::string& s) const {
    return std::any_of(patterns_.begin(), patterns_.end(), [&](const Pat& p) { return p.positive && !any_bit(s, p); });
  }
  bool accepting(const std::string& s) const {
    return std::all_of(patterns_.begin(), patterns_.end(),
                       [&](const Pat& p) { return bit(s, p.word, p.text.size()) == p.positive; });
  }
  static std::string path(const std::vector<std::pair<size_t, char>>& parent, size_t id) {
    std::string out;
    for (; parent[id].first != SIZE_MAX; id = parent[id].first) out += parent[id].second;
    std::reverse(out.begin(), out.end());
    return out;
  }

  bool arn_parts_;
  std::vector<Pat> patterns_;
  size_t words_ = 0;
  std::string alphabet_;
};

}  // namespace

GlobWitness glob_witness(std::span<const std::string_view> all_of, std::span<const std::string_view> none_of,
                         bool arn_parts) {
  // "*" matches everything, ARN or not: no constraint when required, no text when excluded.
  if (std::any_of(none_of.begin(), none_of.end(), [](std::string_view p) { return p == "*"; })) return {};
  std::vector<std::string_view> positives;
  for (std::string_view p : all_of)
    if (p != "*") positives.push_back(p);
  return Walk(positives, none_of, arn_parts).run();
}

bool glob_accepts(std::span<const std::string_view> all_of, std::span<const std::string_view> none_of,
                  std::string_view text, bool arn_parts) {
  return Walk(all_of, none_of, arn_parts).accepts(text);
}

bool glob_subset(std::string_view inner, std::string_view outer, bool arn_parts) {
  if (outer == "*") return true;
  std::string_view in[] = {inner};
  std::string_view out[] = {outer};
  return glob_witness(in, out, arn_parts).answer == GlobAnswer::kEmpty;
}

}  // namespace iamwarden::access
