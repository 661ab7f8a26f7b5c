// Data files embedded into the binary at build time (cmake/iamwarden_embed.cmake generates the definition).
#pragma once

#include <string_view>

namespace iamwarden::catalog {

/// The bytes of an embedded file by its name under data/ ("catalog.json.gz"); empty when absent.
std::string_view embedded_file(std::string_view name);

}  // namespace iamwarden::catalog
