// Fuzzes the credential-report parser: the CSV directly, and the JSON wrapper with base64 Content.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "snapshot/credential_report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 256 * 1024) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  using namespace iamwarden::snapshot;
  for (const char* file : {"fuzz.csv", "fuzz.json"}) {
    iamwarden::Result<CredentialReport> r = parse_credential_report(text, file);
    if (!r) {
      (void)r.error().format();
      continue;
    }
    (void)r->root();
    for (const CredentialReportRow& row : r->rows) (void)row.is_root();
  }
  return 0;
}
