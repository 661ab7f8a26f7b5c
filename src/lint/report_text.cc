// Compiler-style text output with the offending source line and a caret. Everything quoted from
// input is escaped (safe_text); source lines are bounded excerpts and never shown when they look
// like they hold a credential (the input may be any file a hostile pull request points at).
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "base/safe_text.h"
#include "lint/kind_guess.h"
#include "lint/report.h"
#include "secrets/looks_like_credential.h"

namespace iamwarden::lint {
namespace {

// Bytes of a source line shown before and after the column (a file that is not JSON: fewer).
constexpr size_t kContextBytes = 60;
constexpr size_t kNotJsonContextBytes = 20;
// Bytes around the column the secrets detector reads before a line is quoted (it pairs within 1 KiB).
constexpr size_t kCredentialScanBytes = 2048;

std::string_view color_of(Severity severity) {
  switch (severity) {
    case Severity::kError: return "\033[1;31m";
    case Severity::kSecurityWarning: return "\033[1;35m";
    case Severity::kWarning: return "\033[1;33m";
    case Severity::kSuggestion: return "\033[1;36m";
  }
  return "";
}

// Start offsets of every line, computed once per file (findings are many, lines may be many).
std::vector<size_t> line_starts(std::string_view text) {
  std::vector<size_t> starts{0};
  for (const char* p = text.data(); (p = static_cast<const char*>(
                                         std::memchr(p, '\n', static_cast<size_t>(text.data() + text.size() - p))));) {
    ++p;
    starts.push_back(static_cast<size_t>(p - text.data()));
  }
  return starts;
}

std::string_view source_line(std::string_view text, const std::vector<size_t>& starts, uint32_t line) {
  if (line == 0 || line > starts.size()) return {};
  size_t start = starts[line - 1];
  size_t end = line < starts.size() ? starts[line] - 1 : text.size();
  std::string_view out = text.substr(start, end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

bool is_continuation(std::string_view text, size_t i) {
  return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
}

// Display width of escaped text, counted in code points (good enough for a caret).
size_t width(std::string_view escaped) {
  size_t n = 0;
  for (size_t i = 0; i < escaped.size(); ++i) n += !is_continuation(escaped, i);
  return n;
}

std::string without_tabs(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), '\t', ' ');
  return out;
}

// "  <excerpt>\n  <caret>^\n": a window of the line around the column, escaped.
std::string quote_source(std::string_view line, uint32_t column, size_t context) {
  size_t at = std::min<size_t>(column > 0 ? column - 1 : 0, line.size());
  size_t begin = at > context ? at - context : 0;
  size_t end = std::min(line.size(), at + context);
  while (begin > 0 && is_continuation(line, begin)) --begin;
  while (end < line.size() && is_continuation(line, end)) ++end;
  // The detector looks well beyond the shown window: a secret's name may be shown without its value.
  size_t scan_begin = at > kCredentialScanBytes ? at - kCredentialScanBytes : 0;
  if (secrets::looks_like_credential(line.substr(scan_begin, kCredentialScanBytes * 2)))
    return "  (source line not shown: it looks like it holds a credential)\n";
  std::string before = begin > 0 ? "…" : "";
  append_safe_text(before, without_tabs(line.substr(begin, at - begin)));
  std::string shown = before;
  append_safe_text(shown, without_tabs(line.substr(at, end - at)));
  if (end < line.size()) shown += "…";
  return fmt::format("  {}\n  {}^\n", shown, std::string(width(before), ' '));
}

}  // namespace

std::string format_text(std::span<const LintResult> results, const TextOptions& options) {
  std::string out;
  for (const LintResult& result : results) {
    const std::string file = safe_text(result.file);
    // The decided kind matters next to findings (and always when the evidence was mixed); the summary
    // line counts the kinds of the rest.
    if (!result.kind_given && !result.kind_why.empty() && (!result.findings.empty() || result.kind_mixed))
      out += fmt::format("{}: note: linted as {}: {}\n", file, kind_phrase(result.kind), safe_text(result.kind_why));
    for (const std::string& note : result.notes) out += fmt::format("{}: note: {}\n", file, safe_text(note));
    std::vector<size_t> starts;
    for (const Finding& f : result.findings) {
      std::string where = f.loc.line ? fmt::format("{}:{}:{}", file, f.loc.line, f.loc.column) : file;
      std::string message = safe_text(f.message);
      if (options.color)
        out += fmt::format("\033[1m{}:\033[0m {}{}:\033[0m {} [{}]\n", where, color_of(f.severity),
                           severity_label(f.severity), message, f.code);
      else
        out += fmt::format("{}: {}: {} [{}]\n", where, severity_label(f.severity), message, f.code);
      if (options.show_source && f.loc.line) {
        if (starts.empty()) starts = line_starts(result.source);
        std::string_view line = source_line(result.source, starts, f.loc.line);
        bool not_json = f.code == "json_syntax_error";
        if (!line.empty()) out += quote_source(line, f.loc.column, not_json ? kNotJsonContextBytes : kContextBytes);
      }
      if (!f.hint.empty()) out += fmt::format("  hint: {}\n", safe_text(f.hint));
    }
  }
  return out;
}

}  // namespace iamwarden::lint
