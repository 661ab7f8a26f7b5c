// SHA-256 (FIPS 180-4), used to fingerprint findings without storing the secret.
#pragma once

#include <string>
#include <string_view>

namespace iamwarden::secrets {

/// Lower-case hex SHA-256 of data.
std::string sha256_hex(std::string_view data);

}  // namespace iamwarden::secrets
