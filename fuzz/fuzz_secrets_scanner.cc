// Fuzzes the secrets scanner: Vectorscan hits -> candidates -> pairing -> line:column location, on arbitrary bytes
// (binary, long lines, dense key IDs), and the text/JSON reports of what it found. Checks, not just runs:
// every location agrees with a naive newline count, no report holds a raw control character or a full secret.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "secrets/detector.h"
#include "secrets/matcher.h"
#include "secrets/report.h"
#include "secrets/scan.h"

namespace {

using namespace iamwarden::secrets;

void check(bool ok) {
  if (!ok) std::abort();
}

// Line and column of offset by counting, as a reference for the detector's cursor.
void naive_location(std::string_view text, size_t offset, uint32_t& line, uint32_t& column) {
  line = 1;
  size_t start = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') ++line, start = i + 1;
  column = static_cast<uint32_t>(offset - start + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 1 << 20) return 0;
  static const std::shared_ptr<const Matcher> matcher = [] {
    auto m = Matcher::create();
    check(m.ok());
    return m.take();
  }();
  static Scratch scratch = [] {
    auto s = matcher->make_scratch();
    check(s.ok());
    return s.take();
  }();
  // The first byte picks the options; the rest is the text.
  DetectOptions options;
  options.include_examples = data[0] & 1;
  options.min_severity = static_cast<Severity>((data[0] >> 1) % 5);
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  std::vector<Hit> hits;
  auto complete = matcher->scan(text, scratch, hits, size_t{1} << 22);
  check(complete.ok());
  std::vector<Finding> findings;
  DetectStats stats;
  detect(text, hits, options, findings, stats);
  for (const Finding& f : findings) {
    check(f.offset < text.size());
    uint32_t line = 0, column = 0;
    naive_location(text, f.offset, line, column);
    check(f.line == line && f.column == column);
    check(f.secret.size() <= 7 && f.token.size() <= 7);  // redacted: "ab...yz"
    check(f.hash.size() == 16);
    if (!f.key_id.empty()) check(text.substr(f.offset, f.key_id.size()) == f.key_id);
  }

  ScanResult result;
  result.findings = std::move(findings);
  for (Finding& f : result.findings) {
    f.path = std::string(text.substr(0, 16));  // untrusted bytes as a path
    f.origin = GitOrigin{std::string(40, 'a'), std::string(text.substr(0, 24)), 0, {}};
  }
  result.unread.push_back(Unread{std::string(text.substr(0, 32)), "bad_ref", "fuzz"});
  for (const std::string& out : {format_text(result), format_unread(result)}) {
    for (char c : out) check(c == '\n' || static_cast<unsigned char>(c) >= 0x20);
    check(out.find('\x7f') == std::string::npos);
  }
  (void)format_json(result);
  (void)format_sarif(result);
  return 0;
}
