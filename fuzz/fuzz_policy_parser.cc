// Fuzzes JSON parsing, policy parsing (every kind) and compilation: errors are fine, crashes are not.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/json.h"
#include "eval/compiled_policy.h"
#include "policy/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  iamwarden::Result<iamwarden::JsonDocument> doc =
      iamwarden::parse_json(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  if (!doc) {
    (void)doc.error().format();
    return 0;
  }
  using iamwarden::policy::PolicyKind;
  for (PolicyKind kind : {PolicyKind::kIdentity, PolicyKind::kResource, PolicyKind::kTrust, PolicyKind::kScp,
                          PolicyKind::kRcp}) {
    iamwarden::policy::ParsedPolicy parsed = iamwarden::policy::parse_policy(*doc, doc->root, "", kind);
    for (const auto& d : parsed.diagnostics) (void)d.error.format();
    if (parsed.ok()) (void)iamwarden::eval::compile(parsed.policy, "fuzz");
  }
  return 0;
}
