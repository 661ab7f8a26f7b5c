// Fake but well-formed AWS credentials for the secrets tests, built at run time so no key sits in the source.
#pragma once

#include <cstdint>
#include <string>

#include "secrets/key_id.h"

namespace iamwarden::secrets::testing {

/// A key ID, its 40-character secret and (for ASIA) a session token, all derived from seed.
struct FakeCredential {
  std::string id;
  std::string secret;
  std::string token;
  uint64_t account = 0;
};

/// Deterministic fake credential; prefix "AKIA" or "ASIA".
inline FakeCredential fake_credential(uint64_t seed, const std::string& prefix = "AKIA") {
  static constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  uint64_t state = seed * 0x9E3779B97F4A7C15ull + 1;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  FakeCredential c;
  c.account = next() % 1000000000000ull;
  c.id = encode_key_id(prefix, c.account, next());
  // Fixed classes at the front guarantee upper, lower, digit and '/' whatever the random tail holds.
  c.secret = "Qz7/";
  while (c.secret.size() < 40) c.secret += kBase64[next() % 64];
  if (prefix == "ASIA") {
    c.token = "IQoJb3JpZ2luX2VjE";
    while (c.token.size() < 400) c.token += kBase64[next() % 64];
    c.token += "==";
  }
  return c;
}

}  // namespace iamwarden::secrets::testing
