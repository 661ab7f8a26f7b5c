// One forward pass over a JSON text with an explicit stack: syntax, UTF-8, duplicate member names
// and depth, with the exact location of the first fault.
#include "snapshot/json_check.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <array>
#include <deque>
#include <unordered_map>
#include <vector>

#include "base/json.h"
#include "base/safe_text.h"
#include "base/utf8.h"

namespace iamwarden::snapshot {
namespace {

// Bytes that end the fast scan of a string's content: the quote, the backslash, control characters.
constexpr std::array<bool, 256> kStringStops = [] {
  std::array<bool, 256> stops{};
  for (int c = 0; c < 0x20; ++c) stops[static_cast<size_t>(c)] = true;
  stops['"'] = true;
  stops['\\'] = true;
  return stops;
}();

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool ends_scalar(char c) { return is_space(c) || c == ',' || c == ']' || c == '}'; }

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Objects with more members than this index their names in a hash map instead of a linear scan.
constexpr size_t kLinearKeys = 16;

struct Frame {
  bool object = false;
  size_t index = 0;       // arrays: the current element
  std::string_view key;   // objects: the current member's (unescaped) name
  bool has_key = false;   // objects: key names the member being read
  std::vector<std::pair<std::string_view, size_t>> keys;  // names seen, with their offsets
  std::unordered_map<std::string_view, size_t> key_index;  // the same, once keys is long
  std::deque<std::string> unescaped;  // names that held escapes (a deque never moves them)

  void reset(bool is_object) {
    object = is_object;
    index = 0;
    key = {};
    has_key = false;
    keys.clear();
    key_index.clear();
    unescaped.clear();
  }
};

class Checker {
 public:
  Checker(std::string_view text, const std::string& file, JsonCheckHooks* hooks)
      : t_(text), file_(file), hooks_(hooks) {}

  Result<void> run() {
    if (!simdjson::validate_utf8(t_.data(), t_.size())) {
      size_t bad = first_invalid_utf8(t_);
      return fail(bad == std::string_view::npos ? 0 : bad, "invalid UTF-8", "save the file as UTF-8");
    }
    skip_space();
    if (pos_ == t_.size()) return fail(pos_, "the file is empty (expected a JSON value)", "");
    Next next = Next::kValue;
    for (;;) {
      switch (next) {
        case Next::kValue:
          if (!value(next)) return error_;
          break;
        case Next::kMember:
          if (!member()) return error_;
          next = Next::kValue;
          break;
        case Next::kAfterValue:
          if (depth_ == 0) {
            skip_space();
            if (pos_ != t_.size()) return fail(pos_, "unexpected content after the top-level value", "");
            return {};
          }
          if (!after_value(next)) return error_;
          break;
      }
    }
  }

 private:
  enum class Next { kValue, kMember, kAfterValue };

  void skip_space() {
    while (pos_ < t_.size() && is_space(t_[pos_])) ++pos_;
  }

  Frame& top() { return stack_[depth_ - 1]; }

  bool push(bool object) {
    if (depth_ == kMaxSnapshotJsonDepth) return failed(pos_, fmt::format("nested deeper than {} levels", kMaxSnapshotJsonDepth));
    if (depth_ == stack_.size()) stack_.emplace_back();
    stack_[depth_++].reset(object);
    return true;
  }

  // A value starts at pos_ (after white space).
  bool value(Next& next) {
    if (pos_ == t_.size()) return truncated();
    char c = t_[pos_];
    if (hooks_ && depth_ >= 2 && !stack_[depth_ - 1].object && stack_[depth_ - 2].object)
      hooks_->array_element(stack_[depth_ - 2].key, depth_ - 1);
    if (c == '{' || c == '[') {
      if (!push(c == '{')) return false;
      ++pos_;
      skip_space();
      if (pos_ < t_.size() && t_[pos_] == (c == '{' ? '}' : ']')) {
        ++pos_;
        --depth_;
        next = Next::kAfterValue;
        return true;
      }
      next = c == '{' ? Next::kMember : Next::kValue;
      return true;
    }
    bool ok = c == '"'                             ? string(nullptr)
              : c == '-' || is_digit(c)            ? number()
              : c == 't' || c == 'f' || c == 'n'   ? literal()
                                                   : failed(pos_, "expected a value (object, array, string, number, "
                                                                  "true, false or null)");
    if (!ok) return false;
    next = Next::kAfterValue;
    return true;
  }

  // After a value inside an array or object: a comma, or the end of the container.
  bool after_value(Next& next) {
    skip_space();
    if (pos_ == t_.size()) return truncated();
    Frame& f = top();
    char c = t_[pos_];
    if (c == ',') {
      ++pos_;
      skip_space();
      if (f.object) {
        f.has_key = false;
        next = Next::kMember;
      } else {
        ++f.index;
        next = Next::kValue;
      }
      return true;
    }
    if (c == (f.object ? '}' : ']')) {
      ++pos_;
      --depth_;
      next = Next::kAfterValue;
      return true;
    }
    return failed(pos_, f.object ? "expected ',' or '}' after an object member" : "expected ',' or ']' after an array element");
  }

  // A member name, its colon and the white space before the value.
  bool member() {
    if (pos_ == t_.size()) return truncated();
    if (t_[pos_] != '"') return failed(pos_, "expected a member name in double quotes");
    Frame& f = top();
    size_t start = pos_;
    std::string unescaped;
    std::string_view name;
    if (!string(&unescaped)) return false;
    if (t_.substr(start + 1, pos_ - start - 2).find('\\') == std::string_view::npos) {
      name = t_.substr(start + 1, pos_ - start - 2);
    } else {
      name = f.unescaped.emplace_back(std::move(unescaped));
    }
    f.key = name;
    f.has_key = true;
    if (!unique(f, name, start)) return false;
    skip_space();
    if (pos_ == t_.size()) return truncated();
    if (t_[pos_] != ':') return failed(pos_, "expected ':' after a member name");
    ++pos_;
    skip_space();
    return true;
  }

  // Records a member name; a second occurrence in the same object is an error.
  bool unique(Frame& f, std::string_view name, size_t offset) {
    size_t first = SIZE_MAX;
    if (f.keys.size() < kLinearKeys) {
      for (const auto& [seen, at] : f.keys)
        if (seen == name) first = at;
    } else {
      if (f.key_index.empty())
        for (const auto& [seen, at] : f.keys) f.key_index.emplace(seen, at);
      auto [it, added] = f.key_index.emplace(name, offset);
      if (!added) first = it->second;
    }
    if (first != SIZE_MAX) {
      uint32_t line = 0, column = 0;
      line_column(t_, static_cast<uint32_t>(first), line, column);
      error_ = make_error(offset,
                          fmt::format("member \"{}\" appears more than once in this object (first at {}:{})",
                                      safe_excerpt(name, 80), line, column),
                          "", ErrorCode::kInvalidInput);
      return false;
    }
    f.keys.emplace_back(name, offset);
    return true;
  }

  // A string starting at pos_ (the quote); leaves pos_ after the closing quote. With out, the
  // unescaped content is appended to it.
  bool string(std::string* out) {
    size_t start = pos_;
    size_t i = pos_ + 1;
    size_t n = t_.size();
    for (;;) {
      size_t run = i;
      while (i < n && !kStringStops[static_cast<unsigned char>(t_[i])]) ++i;
      if (out) out->append(t_.substr(run, i - run));
      if (i == n) return failed(start, "unterminated string", "the file looks truncated; collect it again");
      char c = t_[i];
      if (c == '"') break;
      if (c != '\\') {
        return failed(i, fmt::format("control character U+{:04X} inside a string (it must be escaped)",
                                     static_cast<unsigned>(static_cast<unsigned char>(c))));
      }
      if (!escape(i, out)) return false;
    }
    pos_ = i + 1;
    return true;
  }

  // One escape sequence at i (the backslash); advances i past it.
  bool escape(size_t& i, std::string* out) {
    size_t at = i;
    if (i + 1 >= t_.size()) return failed(at, "unterminated string", "the file looks truncated; collect it again");
    char e = t_[i + 1];
    static constexpr std::string_view kSimple = "\"\\/bfnrt";
    static constexpr std::string_view kMeaning = "\"\\/\b\f\n\r\t";
    if (size_t k = kSimple.find(e); k != std::string_view::npos) {
      if (out) *out += kMeaning[k];
      i += 2;
      return true;
    }
    if (e != 'u') return failed(at, "invalid escape sequence in a string");
    uint32_t cp = 0;
    if (!hex4(i + 2, cp)) return failed(at, "invalid \\u escape (four hexadecimal digits expected)");
    i += 6;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return failed(at, "invalid \\u escape: a low surrogate without a high one");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low = 0;
      if (i + 1 >= t_.size() || t_[i] != '\\' || t_[i + 1] != 'u' || !hex4(i + 2, low) || low < 0xDC00 || low > 0xDFFF)
        return failed(at, "invalid \\u escape: a high surrogate without a low one");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i += 6;
    }
    if (out) append_utf8(*out, cp);
    return true;
  }

  bool hex4(size_t at, uint32_t& cp) const {
    if (at + 4 > t_.size()) return false;
    cp = 0;
    for (size_t k = 0; k < 4; ++k) {
      int d = hex_digit(t_[at + k]);
      if (d < 0) return false;
      cp = cp * 16 + static_cast<uint32_t>(d);
    }
    return true;
  }

  bool number() {
    size_t start = pos_;
    size_t i = pos_;
    size_t n = t_.size();
    auto digits = [&] {
      size_t from = i;
      while (i < n && is_digit(t_[i])) ++i;
      return i > from;
    };
    if (t_[i] == '-') ++i;
    if (i < n && t_[i] == '0') {
      ++i;
    } else if (!digits()) {
      return failed(start, "invalid number");
    }
    if (i < n && t_[i] == '.') {
      ++i;
      if (!digits()) return failed(start, "invalid number (digits expected after '.')");
    }
    if (i < n && (t_[i] == 'e' || t_[i] == 'E')) {
      ++i;
      if (i < n && (t_[i] == '+' || t_[i] == '-')) ++i;
      if (!digits()) return failed(start, "invalid number (digits expected in the exponent)");
    }
    if (i < n && !ends_scalar(t_[i])) return failed(start, "invalid number");
    pos_ = i;
    return true;
  }

  bool literal() {
    for (std::string_view word : {"true", "false", "null"}) {
      if (t_.compare(pos_, word.size(), word) != 0) continue;
      size_t end = pos_ + word.size();
      if (end < t_.size() && !ends_scalar(t_[end])) break;
      pos_ = end;
      return true;
    }
    return failed(pos_, "invalid literal (expected true, false or null)");
  }

  bool truncated() {
    return failed(t_.size(), "unexpected end of file inside an object or array", "the file looks truncated; collect it again");
  }

  // The JSON pointer of the value being read: every open container's member name or index.
  std::string pointer() const {
    std::string out;
    for (size_t d = 0; d < depth_; ++d) {
      const Frame& f = stack_[d];
      if (f.object && !f.has_key) break;  // between members: the object itself
      out += '/';
      if (f.object) out += json_pointer_token(safe_excerpt(f.key, 80));
      else out += std::to_string(f.index);
    }
    return out;
  }

  bool failed(size_t offset, std::string message, std::string hint = "") {
    error_ = make_error(offset, std::move(message), std::move(hint));
    return false;
  }
  Result<void> fail(size_t offset, std::string message, std::string hint) {
    return make_error(offset, std::move(message), std::move(hint));
  }
  Error make_error(size_t offset, std::string message, std::string hint,
                   ErrorCode code = ErrorCode::kJsonSyntax) const {
    SourceLoc loc;
    loc.file = file_;
    line_column(t_, static_cast<uint32_t>(std::min<size_t>(offset, UINT32_MAX)), loc.line, loc.column);
    loc.json_pointer = pointer();
    if (code == ErrorCode::kJsonSyntax) message = "not valid JSON: " + message;
    return Error{code, std::move(message), std::move(loc), std::move(hint)};
  }

  std::string_view t_;
  const std::string& file_;
  JsonCheckHooks* hooks_;
  size_t pos_ = 0;
  // Frames are reused: stack_[0, depth_) are open. A deque, not a vector: growing it must not
  // move the open frames, whose keys view their own storage (a vector copied them on growth,
  // leaving the views dangling: found by fuzz_snapshot_json).
  std::deque<Frame> stack_;
  size_t depth_ = 0;
  Error error_;
};

}  // namespace

Result<void> check_json_document(std::string_view text, const std::string& file, JsonCheckHooks* hooks) {
  return Checker(text, file, hooks).run();
}

}  // namespace iamwarden::snapshot
