// Indented JSON text of a located JSON tree (to show policy documents).
#pragma once

#include <string>

#include "base/json.h"

namespace iamwarden::catalog {

/// The node as JSON indented by two spaces per level; numbers keep their written form.
std::string pretty_json(const JsonNode& node);

}  // namespace iamwarden::catalog
