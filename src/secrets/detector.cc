// Pairing (nearest first, within a window), then one finding per credential with line:column, redaction,
// fingerprint, and the inline-allow and severity filters.
#include "secrets/detector.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string>
#include <tuple>
#include <utility>

#include "secrets/candidates.h"
#include "secrets/digest.h"

namespace iamwarden::secrets {
namespace {

constexpr size_t kPairWindow = 1024;   // bytes between a key ID and its secret
constexpr size_t kTokenWindow = 4096;  // bytes between a key ID and its session token
constexpr size_t kHashDigits = 16;
constexpr int kNone = -1;

size_t distance(size_t a, size_t b) { return a > b ? a - b : b - a; }

bool is_example_id(const IdCandidate& id) { return id.info.shape == KeyShape::kExample; }

// Assigns each item to at most one eligible ID and each ID at most one item, nearest pairs first. Documented
// examples pair only with examples and real parts only with real ones, so an example never hides a real part.
// Each ID looks at no more than kNearestPerSide items on either side: dense runs of IDs and secrets (a minified
// file) would otherwise make the edge list grow with the window's density, not with the input.
template <class T>
std::vector<int> match_nearest(const std::vector<IdCandidate>& ids, const std::vector<bool>& eligible,
                               const std::vector<T>& items, size_t window) {
  constexpr size_t kNearestPerSide = 16;
  std::vector<std::tuple<size_t, size_t, size_t>> edges;  // distance, id index, item index
  auto add_edge = [&](size_t id, size_t item) {
    if (items[item].example == is_example_id(ids[id]))
      edges.emplace_back(distance(items[item].offset, ids[id].offset), id, item);
  };
  for (size_t i = 0; i < ids.size(); ++i) {
    if (!eligible[i]) continue;
    size_t at = ids[i].offset;
    size_t mid = static_cast<size_t>(
        std::lower_bound(items.begin(), items.end(), at, [](const T& t, size_t o) { return t.offset < o; }) -
        items.begin());
    for (size_t k = mid, n = 0; k > 0 && n < kNearestPerSide && at - items[k - 1].offset <= window; --k, ++n)
      add_edge(i, k - 1);
    for (size_t k = mid, n = 0; k < items.size() && n < kNearestPerSide && items[k].offset - at <= window; ++k, ++n)
      add_edge(i, k);
  }
  std::sort(edges.begin(), edges.end());
  std::vector<int> item_of_id(ids.size(), kNone);
  std::vector<bool> used(items.size(), false);
  for (const auto& [d, id, item] : edges) {
    if (item_of_id[id] != kNone || used[item]) continue;
    item_of_id[id] = static_cast<int>(item);
    used[item] = true;
  }
  return item_of_id;
}

// Line and column of increasing offsets, counting each newline once (a cursor that only moves forward).
class LineLocator {
 public:
  explicit LineLocator(std::string_view text) : text_(text) {}

  void locate(size_t offset, uint32_t& line, uint32_t& column) {
    if (offset < pos_) pos_ = 0, line_ = 1, line_start_ = 0;  // not expected: callers go in offset order
    while (pos_ < offset) {
      const void* nl = std::memchr(text_.data() + pos_, '\n', offset - pos_);
      if (!nl) break;
      pos_ = static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
      ++line_;
      line_start_ = pos_;
    }
    pos_ = offset;
    line = line_;
    column = static_cast<uint32_t>(offset - line_start_ + 1);
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  size_t line_start_ = 0;
};

// The lines that carry the allow marker, found in one pass over the text: looking for the marker around each
// finding instead re-read a long line once per finding (quadratic on minified files).
class AllowedLines {
 public:
  explicit AllowedLines(std::string_view text) {
    size_t from = 0;
    while (from < text.size()) {
      size_t hit = text.find(kAllowMarker, from);
      if (hit == std::string_view::npos) break;
      size_t start = text.rfind('\n', hit);  // stops at the previous line's end: each byte is read once
      start = start == std::string_view::npos ? 0 : start + 1;
      size_t end = text.find('\n', hit);
      end = end == std::string_view::npos ? text.size() : end;
      lines_.emplace_back(start, end);
      from = end;
    }
  }

  // Whether the line holding offset carries the marker.
  bool allows(size_t offset) const {
    auto it = std::upper_bound(lines_.begin(), lines_.end(), offset,
                               [](size_t o, const std::pair<size_t, size_t>& line) { return o < line.first; });
    return it != lines_.begin() && offset < std::prev(it)->second;
  }

 private:
  std::vector<std::pair<size_t, size_t>> lines_;  // [start, end) of each marked line, in order
};

// A finding before location and filtering, with the offsets of its parts.
struct Draft {
  Finding finding;
  size_t offset = 0;
  size_t secret_offset = std::string_view::npos;
  size_t token_offset = std::string_view::npos;
  std::string secret;  // full values, only for the fingerprint hash
  std::string token;
};

Rule id_rule(const IdCandidate& id, bool paired) {
  if (!is_credential(id.info.kind)) return Rule::kUniqueId;
  bool temporary = id.info.kind == KeyKind::kTemporaryKey;
  if (paired) return temporary ? Rule::kTemporaryCredentials : Rule::kAccessKeyPair;
  if (id.presigned) return Rule::kPresignedUrl;
  return temporary ? Rule::kTemporaryKeyId : Rule::kAccessKeyId;
}

Draft id_draft(const IdCandidate& id, const SecretCandidate* secret, const TokenCandidate* token) {
  Draft d;
  Finding& f = d.finding;
  f.rule = id_rule(id, secret != nullptr);
  f.severity = rule_info(f.rule).severity;
  if (id.info.kind == KeyKind::kLegacyA3T && f.severity > Severity::kLow)
    f.severity = secret ? Severity::kHigh : Severity::kLow;  // A3T is not a confirmed AWS prefix
  f.key_id = std::string(id.text);
  f.key_kind = id.info.kind;
  f.account = id.info.account;
  f.example = is_example_id(id);  // its secret and token, if any, are examples too (see match_nearest)
  d.offset = id.offset;
  if (secret) {
    d.secret_offset = secret->offset;
    d.secret = secret->value;
  }
  if (token) {
    d.token_offset = token->offset;
    d.token = token->value;
  }
  return d;
}

// A secret or token without a key ID.
Draft lone_draft(Rule rule, size_t offset, bool example) {
  Draft d;
  d.finding.rule = rule;
  d.finding.severity = rule_info(rule).severity;
  d.finding.example = example;
  d.offset = offset;
  return d;
}

// Pairs key IDs with secrets (named ones first, then unnamed runs next to the ID) and tokens; one draft per
// ID, plus one per named secret or token left alone.
std::vector<Draft> make_drafts(Candidates& c) {
  std::vector<bool> credential(c.ids.size());
  for (size_t i = 0; i < c.ids.size(); ++i) credential[i] = is_credential(c.ids[i].info.kind) && !c.ids[i].presigned;
  // Secrets after a key-like name pair first; the others (40-character runs near an ID) only fill in.
  std::vector<SecretCandidate> named, unnamed;
  for (SecretCandidate& s : c.secrets) (s.named ? named : unnamed).push_back(std::move(s));
  std::vector<int> secret_of = match_nearest(c.ids, credential, named, kPairWindow);
  std::vector<bool> unpaired(c.ids.size());
  for (size_t i = 0; i < c.ids.size(); ++i) unpaired[i] = credential[i] && secret_of[i] == kNone;
  std::vector<int> unnamed_of = match_nearest(c.ids, unpaired, unnamed, kPairWindow);
  c.secrets = std::move(named);
  for (size_t i = 0; i < c.ids.size(); ++i) {
    if (unnamed_of[i] == kNone) continue;
    secret_of[i] = static_cast<int>(c.secrets.size());
    c.secrets.push_back(std::move(unnamed[static_cast<size_t>(unnamed_of[i])]));
  }
  std::vector<bool> paired(c.ids.size());
  for (size_t i = 0; i < c.ids.size(); ++i) paired[i] = secret_of[i] != kNone;
  std::vector<int> token_of = match_nearest(c.ids, paired, c.tokens, kTokenWindow);

  std::vector<Draft> drafts;
  std::vector<bool> secret_used(c.secrets.size()), token_used(c.tokens.size());
  for (size_t i = 0; i < c.ids.size(); ++i) {
    const SecretCandidate* secret = secret_of[i] == kNone ? nullptr : &c.secrets[static_cast<size_t>(secret_of[i])];
    const TokenCandidate* token = token_of[i] == kNone ? nullptr : &c.tokens[static_cast<size_t>(token_of[i])];
    if (secret) secret_used[static_cast<size_t>(secret_of[i])] = true;
    if (token) token_used[static_cast<size_t>(token_of[i])] = true;
    drafts.push_back(id_draft(c.ids[i], secret, token));
  }
  for (size_t i = 0; i < c.secrets.size(); ++i) {
    if (secret_used[i] || !c.secrets[i].named) continue;  // an unnamed secret only counts next to its key ID
    Draft d = lone_draft(Rule::kSecretAccessKey, c.secrets[i].offset, c.secrets[i].example);
    d.secret_offset = d.offset;
    d.secret = c.secrets[i].value;
    drafts.push_back(std::move(d));
  }
  for (size_t i = 0; i < c.tokens.size(); ++i) {
    if (token_used[i]) continue;
    Draft d = lone_draft(Rule::kSessionToken, c.tokens[i].offset, c.tokens[i].example);
    d.token_offset = d.offset;
    d.token = c.tokens[i].value;
    drafts.push_back(std::move(d));
  }

  return drafts;
}

}  // namespace

void DetectStats::add(const DetectStats& other) {
  placeholders += other.placeholders;
  examples += other.examples;
  allowed_inline += other.allowed_inline;
  below_severity += other.below_severity;
}

std::string redact(std::string_view secret) {
  if (secret.size() < 8) return "...";
  std::string out(secret.substr(0, 2));
  out += "...";
  out += secret.substr(secret.size() - 2);
  return out;
}

void detect(std::string_view text, std::span<const Hit> hits, const DetectOptions& options,
            std::vector<Finding>& out, DetectStats& stats) {
  Candidates c;
  collect_candidates(text, hits, c);
  stats.placeholders += c.placeholders;
  if (c.ids.empty() && c.secrets.empty() && c.tokens.empty()) return;
  std::vector<Draft> drafts = make_drafts(c);
  std::sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) { return a.offset < b.offset; });
  LineLocator locator(text);
  AllowedLines allowed_lines(text);
  for (Draft& d : drafts) {
    Finding& f = d.finding;
    if (f.example) {
      if (!options.include_examples) {
        ++stats.examples;
        continue;
      }
      f.severity = Severity::kInfo;
    } else if (f.severity < options.min_severity) {
      ++stats.below_severity;
      continue;
    }
    locator.locate(d.offset, f.line, f.column);
    f.offset = d.offset;
    bool allowed = allowed_lines.allows(d.offset);
    if (d.secret_offset != std::string_view::npos && d.secret_offset != d.offset) {
      // The secret is within kPairWindow bytes: count the newlines between the two.
      size_t lo = std::min(d.offset, d.secret_offset), hi = std::max(d.offset, d.secret_offset);
      auto between = static_cast<uint32_t>(std::count(text.begin() + static_cast<ptrdiff_t>(lo),
                                                      text.begin() + static_cast<ptrdiff_t>(hi), '\n'));
      f.secret_line = d.secret_offset > d.offset ? f.line + between : f.line - between;
      allowed |= allowed_lines.allows(d.secret_offset);
    }
    if (d.token_offset != std::string_view::npos) allowed |= allowed_lines.allows(d.token_offset);
    if (allowed) {
      ++stats.allowed_inline;
      continue;
    }
    f.secret = d.secret.empty() ? "" : redact(d.secret);
    f.token = d.token.empty() ? "" : redact(d.token);
    f.token_length = static_cast<uint32_t>(d.token.size());
    std::string material = std::string(rule_info(f.rule).id) + "\n" + f.key_id + "\n" + d.secret + "\n" + d.token;
    f.hash = sha256_hex(material).substr(0, kHashDigits);
    out.push_back(std::move(f));
  }
}

}  // namespace iamwarden::secrets
