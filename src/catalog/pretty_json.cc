// Writes a JsonNode as indented JSON.
#include "catalog/pretty_json.h"

#include "base/json_writer.h"

namespace iamwarden::catalog {
namespace {

void write(const JsonNode& node, int depth, std::string& out) {
  const std::string indent(static_cast<size_t>(depth + 1) * 2, ' ');
  const std::string close_indent(static_cast<size_t>(depth) * 2, ' ');
  switch (node.kind) {
    case JsonNode::Kind::kNull: out += "null"; break;
    case JsonNode::Kind::kBool:
    case JsonNode::Kind::kNumber: out += node.text; break;
    case JsonNode::Kind::kString: append_json_string(out, node.text); break;
    case JsonNode::Kind::kArray:
      if (node.items.empty()) {
        out += "[]";
        break;
      }
      out += "[\n";
      for (size_t i = 0; i < node.items.size(); ++i) {
        out += indent;
        write(node.items[i], depth + 1, out);
        out += i + 1 < node.items.size() ? ",\n" : "\n";
      }
      out += close_indent + "]";
      break;
    case JsonNode::Kind::kObject:
      if (node.members.empty()) {
        out += "{}";
        break;
      }
      out += "{\n";
      for (size_t i = 0; i < node.members.size(); ++i) {
        out += indent;
        append_json_string(out, node.members[i].key);
        out += ": ";
        write(node.members[i].value, depth + 1, out);
        out += i + 1 < node.members.size() ? ",\n" : "\n";
      }
      out += close_indent + "}";
      break;
  }
}

}  // namespace

std::string pretty_json(const JsonNode& node) {
  std::string out;
  write(node, 0, out);
  return out;
}

}  // namespace iamwarden::catalog
