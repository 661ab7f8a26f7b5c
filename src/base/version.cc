// The version comes from CMake (a definition on this one file, so a new version recompiles only it).
#include "base/version.h"

#ifndef IAMWARDEN_VERSION
#error "IAMWARDEN_VERSION is set by src/CMakeLists.txt from project(VERSION)"
#endif

namespace iamwarden {

std::string_view tool_version() { return IAMWARDEN_VERSION; }

}  // namespace iamwarden
