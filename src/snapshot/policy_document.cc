// Parsing snapshot policy documents with locations mapped back into the snapshot file.
#include "snapshot/policy_document.h"

namespace iamwarden::snapshot {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Maps a location inside the document text to the snapshot file.
void relocate(SourceLoc& loc, const PolicyDocument& document) {
  loc.file = document.origin.file;
  if (document.was_encoded || document.origin.line == 0 || loc.line == 0) {
    loc.line = 0;
    loc.column = 0;
  } else {
    if (loc.line == 1) loc.column = document.origin.column + loc.column - 1;
    loc.line = document.origin.line + loc.line - 1;
  }
  if (loc.json_pointer.rfind(document.origin.pointer, 0) != 0) {
    loc.json_pointer = document.origin.pointer + loc.json_pointer;
  }
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int hi = hex_value(text[i + 1]);
    int lo = hex_value(text[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

std::string decode_policy_string(std::string_view text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') return std::string(text);
  std::optional<std::string> decoded = percent_decode(text);
  return decoded ? *decoded : std::string(text);
}

policy::ParsedPolicy parse_document(const PolicyDocument& document, policy::PolicyKind kind) {
  policy::ParsedPolicy parsed;
  parsed.policy.kind = kind;
  Result<JsonDocument> doc = parse_json(std::string(document.text), document.origin.file);
  if (!doc) {
    Error error = doc.error();
    relocate(error.loc, document);
    parsed.diagnostics.push_back(policy::Diagnostic{policy::DiagnosticLevel::kError, "json_syntax", error});
    return parsed;
  }
  parsed = policy::parse_policy(*doc, doc->root, document.origin.pointer, kind);
  for (policy::Diagnostic& d : parsed.diagnostics) relocate(d.error.loc, document);
  return parsed;
}

}  // namespace iamwarden::snapshot
