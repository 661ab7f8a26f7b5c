// Severity names.
#include "lint/finding.h"

#include <array>
#include <cctype>

namespace iamwarden::lint {
namespace {

constexpr std::array<std::string_view, 4> kNames{"ERROR", "SECURITY_WARNING", "WARNING", "SUGGESTION"};
constexpr std::array<std::string_view, 4> kLabels{"error", "security warning", "warning", "suggestion"};

}  // namespace

std::string_view severity_name(Severity severity) { return kNames[static_cast<size_t>(severity)]; }
std::string_view severity_label(Severity severity) { return kLabels[static_cast<size_t>(severity)]; }

std::optional<Severity> parse_severity(std::string_view text) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    const std::string_view name = kNames[i];
    if (name.size() != text.size()) continue;
    bool same = true;
    for (size_t j = 0; j < name.size() && same; ++j) {
      char c = static_cast<char>(std::toupper(static_cast<unsigned char>(text[j])));
      if (c == '-') c = '_';
      same = c == name[j];
    }
    if (same) return static_cast<Severity>(i);
  }
  return std::nullopt;
}

}  // namespace iamwarden::lint
