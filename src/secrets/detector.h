// From a buffer's hits to findings: pairs key IDs with nearby secrets and tokens, locates, redacts, fingerprints.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "secrets/finding.h"
#include "secrets/matcher.h"

namespace iamwarden::secrets {

/// What the detector leaves out, counted so nothing is dropped silently.
struct DetectStats {
  uint64_t placeholders = 0;    ///< AKIAXXXXXXXXXXXXXXXX, "YOUR_SECRET_KEY", low-entropy values
  uint64_t examples = 0;        ///< AWS documented examples not shown (no --include-examples)
  uint64_t allowed_inline = 0;  ///< findings on a line with an iamwarden:allow comment
  uint64_t below_severity = 0;  ///< findings under --min-severity

  /// Adds other's counts to these.
  void add(const DetectStats& other);
};

/// Detector settings.
struct DetectOptions {
  bool include_examples = false;          ///< report AWS documented example keys (as info findings)
  Severity min_severity = Severity::kLow; ///< drop findings below this (examples excepted)
};

/// The marker that suppresses findings on its line.
inline constexpr std::string_view kAllowMarker = "iamwarden:allow";

/// Appends the findings in text (whose hits came from Matcher::scan) to out; path is left empty.
void detect(std::string_view text, std::span<const Hit> hits, const DetectOptions& options,
            std::vector<Finding>& out, DetectStats& stats);

/// First and last two characters of a secret around "...".
std::string redact(std::string_view secret);

}  // namespace iamwarden::secrets
