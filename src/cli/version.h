// `iamwarden --version`: the version, the git revision and every embedded data version.
#pragma once

#include <string>

namespace iamwarden::cli {

/// The text `--version` prints (no trailing newline); the first line is "iamwarden <version>".
std::string version_text();

}  // namespace iamwarden::cli
