// The secrets detector on one snippet: a compiled matcher shared by the process, scratch per thread.
#include "secrets/looks_like_credential.h"

#include <memory>
#include <vector>

#include "secrets/detector.h"
#include "secrets/matcher.h"

namespace iamwarden::secrets {
namespace {

const Matcher* shared_matcher() {
  static const std::shared_ptr<const Matcher> matcher = [] {
    Result<std::shared_ptr<const Matcher>> created = Matcher::create();
    return created ? *created : std::shared_ptr<const Matcher>{};
  }();
  return matcher.get();
}

}  // namespace

bool looks_like_credential(std::string_view text) {
  const Matcher* matcher = shared_matcher();
  if (!matcher || text.size() >= kMaxScanBytes) return true;
  thread_local std::unique_ptr<Scratch> scratch;
  if (!scratch) {
    Result<Scratch> made = matcher->make_scratch();
    if (!made) return true;
    scratch = std::make_unique<Scratch>(made.take());
  }
  std::vector<Hit> hits;
  Result<bool> scanned = matcher->scan(text, *scratch, hits, 4096);
  if (!scanned) return true;
  if (hits.empty()) return false;
  std::vector<Finding> findings;
  DetectStats stats;
  DetectOptions options;
  options.include_examples = true;
  options.min_severity = Severity::kInfo;
  detect(text, hits, options, findings, stats);
  // An iamwarden:allow marker only silences a scan; it never makes a credential printable.
  return !findings.empty() || stats.allowed_inline > 0;
}

}  // namespace iamwarden::secrets
