// iamwarden's version, as project(VERSION) in CMakeLists.txt says (the one place it is written).
#pragma once

#include <string_view>

namespace iamwarden {

/// "0.1.0": what reports, SARIF drivers and manifests name as the tool version.
std::string_view tool_version();

}  // namespace iamwarden
