// IAM accepts only TAB, LF, CR and U+0020-U+00FF in policy documents (spec §2.1).
#include <fmt/format.h>

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

void run(LintContext& context) {
  const policy::PolicyKind kind = context.kind();
  if (kind == policy::PolicyKind::kResource || kind == policy::PolicyKind::kScp || kind == policy::PolicyKind::kRcp)
    return;
  const std::string_view text = context.doc().text;
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const uint32_t cp = decode(text, i);
    if (cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0xFF)) continue;
    context.report("unsupported_character", static_cast<uint32_t>(at), context.pointer(),
                   fmt::format("character U+{:04X} is not accepted by IAM", cp));
    return;  // one finding per document is enough
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT(run, kCharacter);

}  // namespace iamwarden::lint
