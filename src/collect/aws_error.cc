// Error-code extraction and redaction for AWS CLI error messages.
#include "collect/aws_error.h"

#include <fmt/format.h>

#include <cctype>

#include "base/safe_text.h"

namespace iamwarden::collect {
namespace {

constexpr size_t kMaxErrorText = 600;

bool is_base32_upper(char c) { return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'); }
bool is_base64(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '='; }

/// Collapses whitespace runs (newlines included) into single spaces and trims.
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

/// True for a run that mixes upper case, lower case and digits: a secret key or session token.
bool looks_random(std::string_view run) {
  bool upper = false, lower = false, digit = false;
  for (char c : run) {
    upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
    lower |= std::islower(static_cast<unsigned char>(c)) != 0;
    digit |= std::isdigit(static_cast<unsigned char>(c)) != 0;
  }
  return upper && lower && digit;
}

/// A service error code as AWS spells them ("AccessDenied", "Throttling.Rate"); anything else is not trusted as one.
bool is_error_code(std::string_view code) {
  if (code.empty() || code.size() > 100) return false;
  for (char c : code) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

}  // namespace

std::string redact_secrets(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 4, "AKIA") == 0 || text.compare(i, 4, "ASIA") == 0) {
      size_t j = i + 4;
      while (j < text.size() && is_base32_upper(text[j])) ++j;
      if (j - i == 20) {
        out += "<redacted>";
        i = j;
        continue;
      }
    }
    if (is_base64(text[i]) && (i == 0 || !is_base64(text[i - 1]))) {
      size_t j = i;
      while (j < text.size() && is_base64(text[j])) ++j;
      if (j - i >= 40 && looks_random(text.substr(i, j - i))) {
        out += "<redacted>";
        i = j;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

AwsError parse_aws_error(std::string_view stderr_text, int exit_status) {
  AwsError error;
  std::string text = one_line(stderr_text);
  constexpr std::string_view kPrefix = "An error occurred (";
  size_t at = text.find(kPrefix);
  if (at != std::string::npos) {
    size_t start = at + kPrefix.size();
    size_t end = text.find(')', start);
    if (end != std::string::npos && is_error_code(std::string_view(text).substr(start, end - start))) {
      error.code = text.substr(start, end - start);
      size_t colon = text.find(": ", end);
      std::string message = colon == std::string::npos ? "" : text.substr(colon + 2);
      text = message.empty() ? error.code : fmt::format("{}: {}", error.code, message);
    }
  }
  if (text.empty()) text = fmt::format("aws exited with status {} and no message", exit_status);
  // Redacted before it is cut, so that no part of a key survives; escaped so that it prints as it is.
  error.text = safe_excerpt(redact_secrets(text), kMaxErrorText);
  return error;
}

}  // namespace iamwarden::collect
