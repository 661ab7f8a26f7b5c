// Context checks around each hit: word boundaries for key IDs, an assignment after key-like names, secrets
// next to key IDs, and the shape tests that drop placeholders.
#include "secrets/candidates.h"

#include <algorithm>

#include "secrets/shape.h"

namespace iamwarden::secrets {
namespace {

constexpr size_t kSecretLength = 40;
constexpr size_t kMinTokenLength = 100;
constexpr size_t kMaxTokenLength = 8192;
constexpr size_t kMaxSeparators = 16;      // between a key-like name and its value
constexpr size_t kIdWindow = 256;          // bytes either side of a key ID searched for its secret
constexpr size_t kMaxRunBytes = kSecretLength + 8;  // longest raw run taken for a secret next to a key ID
constexpr double kNamedSecretEntropy = 3.5;
constexpr double kUnnamedSecretEntropy = 4.2;  // stricter: no key-like name vouches for it
constexpr double kTokenEntropy = 4.0;

// Characters allowed between a name and its value: quotes (also JSON-escaped), brackets, spaces, assignment.
bool is_separator(char c) {
  switch (c) {
    case ' ': case '\t': case '"': case '\'': case '`': case '\\': case '[': case ']': case '(': case ')':
    case '{': case ':': case '=': case '>': case ',':
      return true;
    default:
      return false;
  }
}

bool is_assignment(char c) { return c == ':' || c == '=' || c == '>' || c == ',' || c == '('; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Start of the value assigned to a key-like name that ends at pos, or npos when no assignment follows.
size_t value_start(std::string_view text, size_t pos) {
  bool assigned = false;
  size_t i = pos;
  while (i < text.size() && i - pos < kMaxSeparators && is_separator(text[i])) assigned |= is_assignment(text[i++]);
  return assigned && i < text.size() ? i : std::string_view::npos;
}

// Reads a base64 value at pos, decoding JSON "\/" and URL %2B %2F (and '=' / %3D padding when padded).
// Returns the raw end offset; value receives the decoded text (at most limit characters are read).
size_t read_base64(std::string_view text, size_t pos, bool padded, size_t limit, std::string& value) {
  value.clear();
  size_t i = pos;
  while (i < text.size() && value.size() <= limit) {
    char c = text[i];
    if (is_base64_char(c) || (padded && c == '=')) {
      value += c;
      ++i;
    } else if (c == '\\' && i + 1 < text.size() && text[i + 1] == '/') {
      value += '/';
      i += 2;
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      char decoded = static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      if (!(decoded == '+' || decoded == '/' || (padded && decoded == '='))) break;
      value += decoded;
      i += 3;
    } else {
      break;
    }
  }
  return i;
}

bool boundary_before(std::string_view text, size_t pos) { return pos == 0 || !is_alnum(text[pos - 1]); }
bool boundary_after(std::string_view text, size_t end) { return end >= text.size() || !is_alnum(text[end]); }

// A secret of exactly 40 characters at pos, checked; named secrets get the laxer entropy floor.
void add_secret(std::string_view text, size_t pos, bool named, Candidates& out) {
  SecretCandidate c;
  size_t end = read_base64(text, pos, false, kSecretLength, c.value);
  if (c.value.size() != kSecretLength || (end < text.size() && text[end] == '=')) return;
  c.offset = pos;
  c.named = named;
  c.example = is_documented_example(c.value);
  if (!c.example) {
    // After a key-like name both letter cases suffice: 1 in 4,000 random secrets has no digit, '+' or '/'.
    bool plausible = (named ? has_both_cases(c.value) : has_mixed_classes(c.value)) &&
                     !looks_like_placeholder(c.value, named ? kNamedSecretEntropy : kUnnamedSecretEntropy);
    if (!plausible) {
      out.placeholders += named;  // an unnamed 40-character run is just text, not a placeholder
      return;
    }
  }
  out.secrets.push_back(std::move(c));
}

// Reads a token at pos; returns the raw end of what was read (whether or not it was kept).
size_t add_token(std::string_view text, size_t pos, Candidates& out) {
  TokenCandidate c;
  size_t end = read_base64(text, pos, true, kMaxTokenLength, c.value);
  if (c.value.size() < kMinTokenLength) return end;
  c.offset = pos;
  c.example = is_documented_example(c.value);
  if (!c.example && (!has_mixed_classes(c.value) || shannon_entropy(c.value) < kTokenEntropy)) {
    ++out.placeholders;
    return end;
  }
  out.tokens.push_back(std::move(c));
  return end;
}

void add_key_id(std::string_view text, size_t end, Candidates& out) {
  size_t start = end - kKeyIdMatchLength;
  end = start + kKeyIdLength;
  if (end > text.size() || !boundary_before(text, start) || !boundary_after(text, end)) return;
  IdCandidate c{start, text.substr(start, kKeyIdLength), inspect_key_id(text.substr(start, kKeyIdLength)), false};
  if (c.info.shape == KeyShape::kInvalid) return;
  if (c.info.shape == KeyShape::kPlaceholder) {
    ++out.placeholders;
    return;
  }
  out.ids.push_back(c);
}

void mark_presigned(size_t id_offset, Candidates& out) {
  auto it = std::lower_bound(out.ids.begin(), out.ids.end(), id_offset,
                             [](const IdCandidate& c, size_t offset) { return c.offset < offset; });
  if (it != out.ids.end() && it->offset == id_offset) it->presigned = true;
}

// End of the run of base64 characters (and JSON-escaped "\\/") that starts at i, read no further than limit.
size_t base64_run_end(std::string_view text, size_t i, size_t limit) {
  while (i < limit && (is_base64_char(text[i]) || (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '/')))
    i += text[i] == '\\' ? 2 : 1;
  return i;
}

// Unnamed secrets: 40-character runs within kIdWindow bytes of a credential key ID.
void add_secrets_near(std::string_view text, const IdCandidate& id, Candidates& out) {
  size_t lo = id.offset > kIdWindow ? id.offset - kIdWindow : 0;
  size_t hi = std::min(text.size(), id.offset + kKeyIdLength + kIdWindow);
  size_t i = lo;
  while (i > 0 && i < hi && is_base64_char(text[i - 1]) && is_base64_char(text[i])) ++i;  // skip a cut run
  while (i < hi) {
    if (!is_base64_char(text[i])) {
      ++i;
      continue;
    }
    // The run is read only as far as a secret could reach, then skipped within the window: reading it whole
    // from every ID in a long base64 run (IDs joined by '+' or '/') was quadratic.
    size_t run = base64_run_end(text, i, std::min(text.size(), i + kMaxRunBytes + 2));
    if (run - i >= kSecretLength && run - i <= kMaxRunBytes) add_secret(text, i, false, out);
    if (run - i > kMaxRunBytes) run = std::max(run, base64_run_end(text, run, hi));
    i = run;
  }
}

template <class T>
void sort_unique_by_offset(std::vector<T>& items) {
  std::stable_sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.offset < b.offset; });
  items.erase(std::unique(items.begin(), items.end(), [](const T& a, const T& b) { return a.offset == b.offset; }),
              items.end());
}

}  // namespace

void collect_candidates(std::string_view text, std::span<const Hit> hits, Candidates& out) {
  // The last token read: a token hit inside it (a prefix repeated in one run) reads nothing new, and re-reading
  // up to kMaxTokenLength bytes per hit would be quadratic.
  size_t token_start = 0, token_end = 0;
  auto read_token = [&](size_t pos) {
    token_start = pos;
    token_end = add_token(text, pos, out);
  };
  auto consumed = [&](size_t pos) { return pos >= token_start && pos < token_end; };
  for (const Hit& hit : hits) {
    switch (hit.id) {
      case PatternId::kKeyId:
        add_key_id(text, hit.end, out);
        break;
      case PatternId::kSecretName:
        if (size_t v = value_start(text, hit.end); v != std::string_view::npos) add_secret(text, v, true, out);
        break;
      case PatternId::kTokenName:
        if (size_t v = value_start(text, hit.end); v != std::string_view::npos && !consumed(v)) read_token(v);
        break;
      case PatternId::kTokenPrefix: {
        if (consumed(hit.end - 1)) break;
        size_t start = hit.end;
        while (start > 0 && hit.end - start < 64 && is_base64_char(text[start - 1])) --start;
        read_token(consumed(start) ? token_end : start);
        break;
      }
      case PatternId::kPresigned:
        break;  // after the key IDs are known
    }
  }
  for (const Hit& hit : hits)
    if (hit.id == PatternId::kPresigned) mark_presigned(hit.end, out);
  for (const IdCandidate& id : out.ids)
    if (is_credential(id.info.kind) && !id.presigned) add_secrets_near(text, id, out);
  // Named secrets come first for an offset, so the de-duplication keeps them.
  std::stable_sort(out.secrets.begin(), out.secrets.end(),
                   [](const SecretCandidate& a, const SecretCandidate& b) { return a.named > b.named; });
  sort_unique_by_offset(out.secrets);
  sort_unique_by_offset(out.tokens);
}

}  // namespace iamwarden::secrets
