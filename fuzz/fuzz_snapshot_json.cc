// Fuzzes the whole-document check of snapshot JSON against simdjson's full (DOM) parser: a text the
// check accepts must be valid JSON to simdjson too (out-of-range numbers aside), and a syntax error it reports must be one
// simdjson also sees (depth aside: the limits differ). Locations must lie inside the text.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "snapshot/json_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 256 * 1024) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  iamwarden::Result<void> r = iamwarden::snapshot::check_json_document(text, "fuzz.json");
  static simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  simdjson::dom::element root;
  simdjson::error_code dom_error = parser.parse(padded).get(root);
  if (r) {
    // Accepted junk; simdjson also refuses numbers out of a double's range (1e999), which
    // RFC 8259 allows and other readers take as infinity: not junk.
    if (dom_error && dom_error != simdjson::NUMBER_ERROR) std::abort();
    return 0;
  }
  const iamwarden::Error& e = r.error();
  (void)e.format();
  if (e.loc.line == 0 || e.loc.column == 0) std::abort();
  bool depth = e.message.find("nested deeper") != std::string::npos;
  if (e.code == iamwarden::ErrorCode::kJsonSyntax && !depth && !dom_error) std::abort();  // refused valid JSON
  return 0;  // otherwise a duplicate member name, which simdjson accepts
}
