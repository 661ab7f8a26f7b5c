// Unwrapping AWS CLI output shapes and string-encoded policies down to the policy object.
#include "lint/input.h"

#include <optional>

namespace iamwarden::lint {
namespace {

// Members that hold a policy document in AWS CLI output, tried in order at each level.
constexpr std::string_view kWrappers[] = {"PolicyVersion", "Role", "Document", "PolicyDocument",
                                          "AssumeRolePolicyDocument", "Policy"};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool looks_url_encoded(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  return start != std::string_view::npos && text[start] == '%';
}

}  // namespace

std::optional<std::string> url_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

const JsonNode& PolicyInput::node() const {
  const JsonNode* node = &doc.root;
  for (const std::string& key : path) node = node->find(key);
  return *node;
}

std::string PolicyInput::pointer() const {
  std::string out;
  for (const std::string& key : path) out += "/" + json_pointer_token(key);
  return out;
}

Result<PolicyInput> find_policy(JsonDocument doc) {
  PolicyInput input;
  std::string note;
  // At most a few unwrapping rounds: a string holding JSON holding a wrapper, and so on.
  for (int round = 0; round < 4; ++round) {
    std::vector<std::string> path;
    const JsonNode* node = &doc.root;
    while (node->is_object() && !node->find("Statement")) {
      const JsonNode* next = nullptr;
      for (std::string_view wrapper : kWrappers) {
        if ((next = node->find(wrapper))) {
          path.emplace_back(wrapper);
          break;
        }
      }
      if (!next) break;
      node = next;
    }
    if (!node->is_string()) {
      input.doc = std::move(doc);
      input.path = std::move(path);
      input.note = std::move(note);
      return input;
    }
    std::string text = node->text;
    if (looks_url_encoded(text)) {
      std::optional<std::string> decoded = url_decode(text);
      if (!decoded) return Error{ErrorCode::kJsonSyntax, "malformed URL-encoded policy document", doc.locate(node->offset, ""), ""};
      text = std::move(*decoded);
      note = "the policy was URL-encoded; locations are within the decoded text";
    } else {
      note = "the policy was given as a JSON string; locations are within that string";
    }
    Result<JsonDocument> inner = parse_json(std::move(text), doc.file);
    if (!inner) return inner.error();
    doc = inner.take();
  }
  return Error{ErrorCode::kInvalidInput, "the policy is nested in strings too deeply", {doc.file, 0, 0, ""}, ""};
}

}  // namespace iamwarden::lint
