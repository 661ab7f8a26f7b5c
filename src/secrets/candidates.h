// Turns raw Vectorscan hits into checked candidates: key IDs, secrets and tokens with their offsets.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "secrets/key_id.h"
#include "secrets/matcher.h"

namespace iamwarden::secrets {

/// A key ID that passed the word-boundary check.
struct IdCandidate {
  size_t offset = 0;
  std::string_view text;
  KeyIdInfo info;
  bool presigned = false;  ///< follows X-Amz-Credential= in a URL
};

/// A 40-character secret access key candidate.
struct SecretCandidate {
  size_t offset = 0;
  std::string value;  ///< unescaped (JSON "\/" and URL "%2F" decoded)
  bool example = false;
  bool named = false;  ///< found after a key-like name (otherwise: next to a key ID)
};

/// A session token candidate (base64, possibly URL-encoded, 100+ characters).
struct TokenCandidate {
  size_t offset = 0;
  std::string value;  ///< unescaped, as for secrets
  bool example = false;
};

/// Everything found in one buffer, each list sorted by offset, plus what was dropped as placeholder text.
struct Candidates {
  std::vector<IdCandidate> ids;
  std::vector<SecretCandidate> secrets;
  std::vector<TokenCandidate> tokens;
  size_t placeholders = 0;
};

/// Checks every hit in context and collects the candidates of text.
void collect_candidates(std::string_view text, std::span<const Hit> hits, Candidates& out);

}  // namespace iamwarden::secrets
