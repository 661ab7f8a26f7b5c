// Formatting of Error values for people.
#include "base/result.h"

#include <fmt/format.h>

namespace iamwarden {

std::string Error::format() const {
  std::string out;
  if (!loc.file.empty()) {
    out += loc.file;
    if (loc.line > 0) out += fmt::format(":{}:{}", loc.line, loc.column);
    out += ": ";
  }
  out += message;
  if (!loc.json_pointer.empty()) out += fmt::format(" (at {})", loc.json_pointer);
  if (!hint.empty()) out += fmt::format("\n  hint: {}", hint);
  return out;
}

}  // namespace iamwarden
