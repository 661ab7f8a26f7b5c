// IAM accepts only TAB, LF, CR and U+0020-U+00FF in policy documents (spec §2.1).
#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <string>
#include <utility>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kCharacter{"unsupported_character", Severity::kError, "Character outside what IAM accepts",
                              "IAM rejects policy documents containing characters other than tab, line feed, "
                              "carriage return and U+0020 to U+00FF.",
                              "replace the character, e.g. with plain ASCII"};

// Decodes one UTF-8 sequence at i; returns the code point and advances i (the JSON parser validated UTF-8).
uint32_t decode(std::string_view text, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(text[k])); };
  uint32_t c = byte(i);
  size_t extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  uint32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k <= extra && i + k < text.size(); ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  i += extra + 1;
  return cp;
}

bool accepted(uint32_t cp) { return cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0xFF); }

// The four hex digits of a \u escape at i (i at the backslash), or -1.
int32_t escape_value(std::string_view text, size_t i) {
  if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u') return -1;
  uint32_t v = 0;
  const char* digits = text.data() + i + 2;
  auto [end, ec] = std::from_chars(digits, digits + 4, v, 16);
  return ec == std::errc() && end == digits + 4 ? static_cast<int32_t>(v) : -1;
}

struct Bad {
  uint32_t offset;
  uint32_t cp;
};

// The first character IAM rejects in the JSON string literal whose opening quote is at offset, written raw or as a
// \u escape (a surrogate pair counts as one character, at its first escape).
std::optional<Bad> first_bad(std::string_view text, size_t offset) {
  if (offset >= text.size() || text[offset] != '"') return std::nullopt;
  for (size_t i = offset + 1; i < text.size() && text[i] != '"';) {
    const size_t at = i;
    uint32_t cp = 0;
    if (text[i] == '\\') {
      int32_t unit = escape_value(text, i);
      if (unit < 0) {
        i += 2;  // \" \\ \/ \b \f \n \r \t: all accepted or control characters handled below
        char e = text[at + 1];
        if (e == 'b' || e == 'f') return Bad{static_cast<uint32_t>(at), e == 'b' ? 0x08u : 0x0Cu};
        continue;
      }
      i += 6;
      cp = static_cast<uint32_t>(unit);
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (int32_t low = escape_value(text, i); low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<uint32_t>(low) - 0xDC00);
          i += 6;
        }
      }
    } else {
      cp = decode(text, i);
    }
    if (!accepted(cp)) return Bad{static_cast<uint32_t>(at), cp};
  }
  return std::nullopt;
}

// Checks every member name and string value under node, depth first in source order; pointer is node's.
std::optional<std::pair<Bad, std::string>> find_bad(std::string_view text, const JsonNode& node,
                                                    const std::string& pointer) {
  if (node.is_string()) {
    if (std::optional<Bad> bad = first_bad(text, node.offset)) return std::make_pair(*bad, pointer);
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.items.size(); ++i)
      if (auto bad = find_bad(text, node.items[i], pointer + "/" + std::to_string(i))) return bad;
  } else if (node.is_object()) {
    for (const JsonMember& m : node.members) {
      std::string member = pointer + "/" + json_pointer_token(m.key);
      if (std::optional<Bad> bad = first_bad(text, m.key_offset)) return std::make_pair(*bad, member);
      if (auto bad = find_bad(text, m.value, member)) return bad;
    }
  }
  return std::nullopt;
}

void run(LintContext& context) {
  const policy::PolicyKind kind = context.kind();
  if (kind == policy::PolicyKind::kResource || kind == policy::PolicyKind::kScp || kind == policy::PolicyKind::kRcp)
    return;
  // Only the policy document: an AWS CLI wrapper's Description or Tags are not part of what IAM checks.
  if (auto bad = find_bad(context.doc().text, context.node(), context.pointer())) {
    context.report("unsupported_character", bad->first.offset, bad->second,
                   fmt::format("character U+{:04X} is not accepted by IAM", bad->first.cp));
  }  // one finding per document is enough
}

}  // namespace

IAMWARDEN_REGISTER_LINT("unsupported_character", run, kCharacter);

}  // namespace iamwarden::lint
