// Data files embedded into the binary at build time (cmake/iamwarden_embed.cmake generates the definition).
#pragma once

#include <string_view>
#include <vector>

namespace iamwarden::catalog {

/// The bytes of an embedded file by its name under data/ ("catalog.json.gz"); empty when absent.
std::string_view embedded_file(std::string_view name);

/// Every embedded file's name, in build order ("escalation/iam-005.json" for files under a folder).
std::vector<std::string_view> embedded_file_names();

}  // namespace iamwarden::catalog
