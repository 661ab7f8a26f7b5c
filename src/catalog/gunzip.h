// gzip decompression of whole buffers (libdeflate).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace iamwarden::catalog {

/// Decompresses one gzip member; `what` names the input in errors.
Result<std::string> gunzip(std::string_view compressed, std::string_view what);

}  // namespace iamwarden::catalog
