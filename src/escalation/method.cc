// Reading data/escalation/*.json (format 1, docs/escalation-methods.md) into Method values.
#include "escalation/method.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "base/ascii.h"
#include "base/files.h"
#include "base/json.h"
#include "catalog/embedded.h"

namespace iamwarden::escalation {
namespace {

struct Reader {
  const JsonDocument& doc;

  Error bad(const JsonNode& at, const std::string& pointer, std::string_view what) const {
    return Error{ErrorCode::kInvalidInput, "escalation method: " + std::string(what), doc.locate(at.offset, pointer),
                 "the format is in docs/escalation-methods.md"};
  }
  Result<std::string> string(const JsonNode& node, const std::string& pointer, bool allow_empty = false) const {
    if (!node.is_string() || (!allow_empty && node.text.empty())) return bad(node, pointer, "expected a non-empty string");
    return node.text;
  }
  Result<std::vector<std::string>> strings(const JsonNode& node, const std::string& pointer) const {
    if (!node.is_array()) return bad(node, pointer, "expected an array of strings");
    std::vector<std::string> out;
    for (size_t i = 0; i < node.items.size(); ++i) {
      Result<std::string> s = string(node.items[i], fmt::format("{}/{}", pointer, i));
      if (!s) return s.error();
      out.push_back(s.take());
    }
    return out;
  }
};

template <typename E, size_t N>
Result<E> pick(const Reader& r, const JsonNode& node, const std::string& pointer,
               const std::array<std::pair<std::string_view, E>, N>& names) {
  if (node.is_string())
    for (const auto& [name, value] : names)
      if (node.text == name) return value;
  std::string list;
  for (const auto& [name, value] : names) list += (list.empty() ? "" : ", ") + std::string(name);
  return r.bad(node, pointer, fmt::format("expected one of: {}", list));
}

constexpr std::array<std::pair<std::string_view, Category>, 5> kCategories{{
    {"self-escalation", Category::kSelfEscalation},
    {"principal-access", Category::kPrincipalAccess},
    {"new-passrole", Category::kNewPassRole},
    {"existing-passrole", Category::kExistingPassRole},
    {"host-access", Category::kHostAccess},
}};
constexpr std::array<std::pair<std::string_view, TargetKind>, 5> kTargets{{
    {"self", TargetKind::kSelf},
    {"own-group", TargetKind::kOwnGroup},
    {"group", TargetKind::kGroup},
    {"user", TargetKind::kUser},
    {"role", TargetKind::kRole},
}};
constexpr std::array<std::pair<std::string_view, Gains>, 2> kGains{{{"admin", Gains::kAdmin}, {"target", Gains::kTarget}}};
constexpr std::array<std::pair<std::string_view, PrerequisiteKind>, 9> kPrerequisites{{
    {"trust-allows-source", PrerequisiteKind::kTrustAllowsSource},
    {"trusts-service", PrerequisiteKind::kTrustsService},
    {"instance-profile", PrerequisiteKind::kInstanceProfile},
    {"access-keys-below", PrerequisiteKind::kAccessKeysBelow},
    {"access-keys-at-least", PrerequisiteKind::kAccessKeysAtLeast},
    {"login-profile", PrerequisiteKind::kLoginProfile},
    {"policy-versions-at-least", PrerequisiteKind::kPolicyVersionsAtLeast},
    {"existing-resource", PrerequisiteKind::kExistingResource},
    {"outside-snapshot", PrerequisiteKind::kOutsideSnapshot},
}};

bool concrete_action(std::string_view action) {
  const size_t colon = action.find(':');
  return colon != std::string_view::npos && colon > 0 && colon + 1 < action.size() &&
         action.find_first_of("*? ", 0) == std::string_view::npos && action.find(':', colon + 1) == std::string_view::npos;
}

Result<Permission> read_permission(const Reader& r, const JsonNode& node, const std::string& pointer) {
  if (!node.is_object()) return r.bad(node, pointer, "a permission must be an object");
  Permission out;
  bool has_resource = false;
  for (const JsonMember& m : node.members) {
    const std::string at = pointer + "/" + json_pointer_token(m.key);
    if (m.key == "action" || m.key == "note") {
      Result<std::string> s = r.string(m.value, at);
      if (!s) return s.error();
      (m.key == "action" ? out.action : out.note) = s.take();
    } else if (m.key == "resource") {
      Result<std::string> s = r.string(m.value, at);
      if (!s) return s.error();
      has_resource = true;
      const std::string& v = *s;
      if (v == "self") out.resource = ResourceRole::kSelf;
      else if (v == "target") out.resource = ResourceRole::kTarget;
      else if (v == "attached-policy") out.resource = ResourceRole::kAttachedPolicy;
      else if (v == "existing-resource") out.resource = ResourceRole::kExistingResource;
      else if (v == "*") out.resource = ResourceRole::kAny;
      else if (v.rfind("arn:", 0) == 0) {
        out.resource = ResourceRole::kTemplate;
        out.arn_template = v;
      } else {
        return r.bad(m.value, at, "resource is self, target, attached-policy, existing-resource, * or an ARN template");
      }
    } else if (m.key == "context") {
      if (!m.value.is_object()) return r.bad(m.value, at, "context must be an object of strings");
      for (const JsonMember& c : m.value.members) {
        Result<std::string> s = r.string(c.value, at + "/" + json_pointer_token(c.key));
        if (!s) return s.error();
        out.context.emplace_back(c.key, s.take());
      }
    } else {
      return r.bad(m.value, at, fmt::format("unknown member \"{}\" (action, resource, context, note)", m.key));
    }
  }
  if (!concrete_action(out.action)) return r.bad(node, pointer + "/action", "action must be one \"service:Action\"");
  if (!has_resource) return r.bad(node, pointer, "a permission needs a resource");
  return out;
}

Result<Prerequisite> read_prerequisite(const Reader& r, const JsonNode& node, const std::string& pointer) {
  if (!node.is_object()) return r.bad(node, pointer, "a prerequisite must be an object");
  const JsonNode* kind = node.find("kind");
  if (!kind) return r.bad(node, pointer, "a prerequisite needs a kind");
  Result<PrerequisiteKind> k = pick(r, *kind, pointer + "/kind", kPrerequisites);
  if (!k) return k.error();
  Prerequisite out;
  out.kind = *k;
  for (const JsonMember& m : node.members) {
    const std::string at = pointer + "/" + json_pointer_token(m.key);
    if (m.key == "kind") continue;
    if (m.key == "count" && m.value.kind == JsonNode::Kind::kNumber) {
      out.count = std::atoi(m.value.text.c_str());
    } else if (m.key == "present" && m.value.kind == JsonNode::Kind::kBool) {
      out.present = m.value.text == "true";
    } else if (m.key == "service" || m.key == "text") {
      Result<std::string> s = r.string(m.value, at);
      if (!s) return s.error();
      (m.key == "service" ? out.service : out.text) = s.take();
    } else {
      return r.bad(m.value, at, fmt::format("unknown or mistyped member \"{}\" (count, present, service, text)", m.key));
    }
  }
  const bool counted = out.kind == PrerequisiteKind::kAccessKeysBelow || out.kind == PrerequisiteKind::kAccessKeysAtLeast ||
                       out.kind == PrerequisiteKind::kPolicyVersionsAtLeast;
  if (counted && out.count <= 0) return r.bad(node, pointer, "this kind needs a positive count");
  if (out.kind == PrerequisiteKind::kLoginProfile && !node.find("present"))
    return r.bad(node, pointer, "login-profile needs present: true or false");
  if (out.kind == PrerequisiteKind::kOutsideSnapshot && out.text.empty())
    return r.bad(node, pointer, "outside-snapshot needs a text");
  return out;
}

Result<Method> read_method(const JsonDocument& doc) {
  Reader r{doc};
  const JsonNode& root = doc.root;
  if (!root.is_object()) return r.bad(root, "", "a method file holds one object");
  const JsonNode* format = root.find("format");
  if (!format || format->text != "1") return r.bad(format ? *format : root, "/format", "\"format\" must be 1");
  Method out;
  out.file = doc.file;
  bool seen_category = false, seen_target = false, seen_gains = false, seen_sources = false;
  for (const JsonMember& m : root.members) {
    const std::string at = "/" + json_pointer_token(m.key);
    const JsonNode& v = m.value;
    if (m.key == "format") continue;
    if (m.key == "id" || m.key == "name" || m.key == "description" || m.key == "resourceType") {
      Result<std::string> s = r.string(v, at);
      if (!s) return s.error();
      (m.key == "id" ? out.id : m.key == "name" ? out.name : m.key == "description" ? out.description : out.resource_type) = s.take();
    } else if (m.key == "aliases" || m.key == "references") {
      Result<std::vector<std::string>> s = r.strings(v, at);
      if (!s) return s.error();
      (m.key == "aliases" ? out.aliases : out.references) = s.take();
    } else if (m.key == "service") {
      Result<std::vector<std::string>> s = v.is_array() ? r.strings(v, at) : Result<std::vector<std::string>>(std::vector<std::string>{});
      if (!s) return s.error();
      out.services = s.take();
      if (!v.is_array()) {
        Result<std::string> one = r.string(v, at);
        if (!one) return one.error();
        out.services.push_back(one.take());
      }
    } else if (m.key == "category") {
      Result<Category> c = pick(r, v, at, kCategories);
      if (!c) return c.error();
      out.category = *c;
      seen_category = true;
    } else if (m.key == "target") {
      Result<TargetKind> t = pick(r, v, at, kTargets);
      if (!t) return t.error();
      out.target = *t;
      seen_target = true;
    } else if (m.key == "gains") {
      Result<Gains> g = pick(r, v, at, kGains);
      if (!g) return g.error();
      out.gains = *g;
      seen_gains = true;
    } else if (m.key == "sources") {
      Result<std::vector<std::string>> s = r.strings(v, at);
      if (!s) return s.error();
      for (size_t i = 0; i < s->size(); ++i) {
        if ((*s)[i] == "user") out.from_user = true;
        else if ((*s)[i] == "role") out.from_role = true;
        else return r.bad(v.items[i], fmt::format("{}/{}", at, i), "a source is user or role");
      }
      seen_sources = out.from_user || out.from_role;
    } else if (m.key == "permissions" || m.key == "prerequisites") {
      if (!v.is_array()) return r.bad(v, at, "expected an array");
      for (size_t i = 0; i < v.items.size(); ++i) {
        const std::string item_at = fmt::format("{}/{}", at, i);
        if (m.key == "permissions") {
          Result<Permission> p = read_permission(r, v.items[i], item_at);
          if (!p) return p.error();
          out.permissions.push_back(p.take());
        } else {
          Result<Prerequisite> p = read_prerequisite(r, v.items[i], item_at);
          if (!p) return p.error();
          out.prerequisites.push_back(p.take());
        }
      }
    } else {
      return r.bad(v, at, fmt::format("unknown member \"{}\"", m.key));
    }
  }
  if (out.id.empty() || out.name.empty() || !seen_category || !seen_target || !seen_gains || !seen_sources ||
      out.permissions.empty())
    return r.bad(root, "", "a method needs id, name, category, sources, target, gains and permissions");
  if (out.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
    return r.bad(root, "/id", "an id is lower case letters, digits and '-'");
  const bool passrole = out.category == Category::kNewPassRole || out.category == Category::kExistingPassRole ||
                        out.category == Category::kHostAccess;
  if (passrole && out.services.empty()) return r.bad(root, "", "this category needs \"service\"");
  if (out.has(PrerequisiteKind::kExistingResource) && out.resource_type.empty())
    return r.bad(root, "", "an existing-resource prerequisite needs \"resourceType\"");
  return out;
}

}  // namespace

bool Method::has(PrerequisiteKind kind) const {
  return std::any_of(prerequisites.begin(), prerequisites.end(), [&](const Prerequisite& p) { return p.kind == kind; });
}

bool policy_level(const Method& m) {
  if (m.category == Category::kExistingPassRole || m.category == Category::kHostAccess) return false;
  if (m.id.find("permissions-boundary") != std::string::npos) return false;
  if (m.has(PrerequisiteKind::kTrustAllowsSource)) return false;
  return std::none_of(m.permissions.begin(), m.permissions.end(),
                      [](const Permission& p) { return p.action.rfind("sts:AssumeRole", 0) == 0; });
}

std::string_view category_name(Category category) {
  for (const auto& [name, value] : kCategories)
    if (value == category) return name;
  return "";
}

Result<Method> MethodCatalog::parse(std::string text, const std::string& file) {
  Result<JsonDocument> doc = parse_json(std::move(text), file);
  if (!doc) return doc.error();
  return read_method(*doc);
}

Result<MethodCatalog> MethodCatalog::from_methods(std::vector<Method> methods) {
  std::sort(methods.begin(), methods.end(), [](const Method& a, const Method& b) { return a.id < b.id; });
  MethodCatalog out;
  for (Method& m : methods) {
    for (std::string_view name : [&] {
           std::vector<std::string_view> names{m.id};
           names.insert(names.end(), m.aliases.begin(), m.aliases.end());
           return names;
         }()) {
      if (const Method* other = out.find(name))
        return Error{ErrorCode::kInvalidInput,
                     fmt::format("escalation method \"{}\" ({}) repeats the id or alias \"{}\" of {}", m.id, m.file, name, other->id),
                     SourceLoc{m.file, 0, 0, ""}, "ids and aliases name one method each"};
    }
    out.methods_.push_back(std::move(m));
  }
  return out;
}

Result<MethodCatalog> MethodCatalog::load(const std::string& data_dir) {
  std::vector<Method> methods;
  if (data_dir.empty()) {
    for (std::string_view name : catalog::embedded_file_names()) {
      if (name.rfind("escalation/", 0) != 0) continue;
      Result<Method> m = parse(std::string(catalog::embedded_file(name)), "embedded data/" + std::string(name));
      if (!m) return m.error();
      methods.push_back(m.take());
    }
  } else {
    const std::string dir = (std::filesystem::path(data_dir) / "escalation").string();
    Result<std::vector<std::string>> files = list_files(dir, ".json");
    if (!files) return files.error();
    for (const std::string& path : *files) {
      Result<std::string> text = read_tree_file(path);
      if (!text) return text.error();
      Result<Method> m = parse(text.take(), path);
      if (!m) return m.error();
      methods.push_back(m.take());
    }
  }
  for (const Method& m : methods) {
    const std::string expected = m.id + ".json";
    if (std::filesystem::path(m.file).filename().string() != expected)
      return Error{ErrorCode::kInvalidInput, fmt::format("escalation method \"{}\" must be in a file named {}", m.id, expected),
                   SourceLoc{m.file, 0, 0, "/id"}, ""};
  }
  return from_methods(std::move(methods));
}

const Method* MethodCatalog::find(std::string_view id_or_alias) const {
  for (const Method& m : methods_) {
    if (ascii_iequals(m.id, id_or_alias)) return &m;
    for (const std::string& a : m.aliases)
      if (ascii_iequals(a, id_or_alias)) return &m;
  }
  return nullptr;
}

}  // namespace iamwarden::escalation
