// Formatting of Error values for people.
#include "base/result.h"

#include <fmt/format.h>

#include "base/safe_text.h"

namespace iamwarden {

std::string Error::format() const {
  std::string out;
  if (!loc.file.empty()) {
    append_safe_text(out, loc.file);
    if (loc.line > 0) out += fmt::format(":{}:{}", loc.line, loc.column);
    out += ": ";
  }
  // Messages, pointers and hints quote input (keys, values, file names): escaped, never raw.
  append_safe_text(out, message);
  if (!loc.json_pointer.empty()) {
    out += " (at ";
    append_safe_text(out, loc.json_pointer);
    out += ")";
  }
  if (!hint.empty()) {
    out += "\n  hint: ";
    append_safe_text(out, hint);
  }
  return out;
}

}  // namespace iamwarden
