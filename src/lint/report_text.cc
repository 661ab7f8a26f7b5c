// Compiler-style text output with the offending source line and a caret.
#include <fmt/format.h>

#include "lint/report.h"

namespace iamwarden::lint {
namespace {

std::string_view color_of(Severity severity) {
  switch (severity) {
    case Severity::kError: return "\033[1;31m";
    case Severity::kSecurityWarning: return "\033[1;35m";
    case Severity::kWarning: return "\033[1;33m";
    case Severity::kSuggestion: return "\033[1;36m";
  }
  return "";
}

std::string_view source_line(std::string_view text, uint32_t line) {
  size_t start = 0;
  for (uint32_t l = 1; l < line; ++l) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  size_t end = text.find('\n', start);
  std::string_view out = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

}  // namespace

std::string format_text(std::span<const LintResult> results, const TextOptions& options) {
  std::string out;
  for (const LintResult& result : results) {
    for (const std::string& note : result.notes) out += fmt::format("{}: note: {}\n", result.file, note);
    for (const Finding& f : result.findings) {
      std::string where = f.loc.line ? fmt::format("{}:{}:{}", result.file, f.loc.line, f.loc.column) : result.file;
      if (options.color)
        out += fmt::format("\033[1m{}:\033[0m {}{}:\033[0m {} [{}]\n", where, color_of(f.severity),
                           severity_label(f.severity), f.message, f.code);
      else
        out += fmt::format("{}: {}: {} [{}]\n", where, severity_label(f.severity), f.message, f.code);
      std::string_view line = f.loc.line ? source_line(result.source, f.loc.line) : std::string_view{};
      if (options.show_source && !line.empty() && line.size() < 300) {
        out += fmt::format("  {}\n", line);
        std::string caret(f.loc.column > 0 ? f.loc.column - 1 : 0, ' ');
        for (size_t i = 0; i < caret.size() && i < line.size(); ++i)
          if (line[i] == '\t') caret[i] = '\t';
        out += fmt::format("  {}^\n", caret);
      }
      if (!f.hint.empty()) out += fmt::format("  hint: {}\n", f.hint);
    }
  }
  return out;
}

}  // namespace iamwarden::lint
