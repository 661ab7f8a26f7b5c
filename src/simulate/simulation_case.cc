// Loading request files: strict shapes, every error located, policies compiled once.
#include "simulate/simulation_case.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "eval/arn.h"
#include "policy/parser.h"

namespace iamwarden::simulate {
namespace {

using policy::PolicyKind;

class CaseLoader {
 public:
  CaseLoader(const JsonDocument& doc, SimulationCase& out, std::vector<Error>& errors)
      : doc_(doc), out_(out), errors_(errors) {}

  bool load() {
    out_.file = doc_.file;
    const JsonNode& root = doc_.root;
    if (!root.is_object()) return fail(root.offset, "", "a request file must be a JSON object", "");
    const JsonNode* request = nullptr;
    const JsonNode* policies = nullptr;
    const JsonNode* options = nullptr;
    for (const JsonMember& m : root.members) {
      std::string p = "/" + json_pointer_token(m.key);
      if (m.key == "name") {
        if (string_value(m.value, p)) out_.name = m.value.text;
      } else if (m.key == "request") {
        request = &m.value;
      } else if (m.key == "policies") {
        policies = &m.value;
      } else if (m.key == "options") {
        options = &m.value;
      } else if (m.key == "expect") {
        if (!string_value(m.value, p)) continue;
        out_.expect = parse_expectation(m.value.text);
        if (!out_.expect)
          fail(m.value.offset, p, fmt::format("unknown expectation \"{}\"", m.value.text),
               "use Allowed, ExplicitDeny, ImplicitDeny or Error");
      } else {
        // Extra descriptive members (notes, tags) do not change the decision.
        out_.warnings.push_back(Error{ErrorCode::kInvalidInput, fmt::format("ignored member \"{}\"", m.key),
                                      doc_.locate(m.key_offset, p), ""});
      }
    }
    if (!request) return fail(root.offset, "", "the request file has no \"request\" object", "");
    eval::RequestOptions request_options;
    bool service_linked = false;
    if (options) read_options(*options, request_options, service_linked);
    if (!load_request(*request, request_options, service_linked)) return false;
    if (policies) load_policies(*policies);
    return errors_.empty();
  }

 private:
  bool fail(uint32_t offset, const std::string& pointer, std::string message, std::string hint) {
    errors_.push_back(Error{ErrorCode::kInvalidInput, std::move(message), doc_.locate(offset, pointer), std::move(hint)});
    return false;
  }

  bool string_value(const JsonNode& node, const std::string& pointer) {
    if (node.is_string()) return true;
    return fail(node.offset, pointer, fmt::format("expected a string, found {}", json_kind_name(node.kind)), "");
  }

  void read_options(const JsonNode& node, eval::RequestOptions& options, bool& service_linked) {
    if (!node.is_object()) {
      fail(node.offset, "/options", "\"options\" must be an object", "");
      return;
    }
    for (const JsonMember& m : node.members) {
      std::string p = "/options/" + json_pointer_token(m.key);
      bool* target = nullptr;
      if (m.key == "serviceLinkedRole") target = &service_linked;
      else if (m.key == "callerInManagementAccount") target = &options.caller_in_management_account;
      else if (m.key == "resourceInManagementAccount") target = &options.resource_in_management_account;
      if (!target) {
        fail(m.key_offset, p, fmt::format("unknown option \"{}\"", m.key),
             "options are serviceLinkedRole, callerInManagementAccount, resourceInManagementAccount");
        continue;
      }
      if (m.value.kind != JsonNode::Kind::kBool) {
        fail(m.value.offset, p, "option values are true or false", "");
        continue;
      }
      *target = m.value.text == "true";
    }
  }

  bool load_request(const JsonNode& node, const eval::RequestOptions& options, bool service_linked) {
    if (!node.is_object()) return fail(node.offset, "/request", "\"request\" must be an object", "");
    std::string principal, action, resource = "*", resource_account, role_arn, federating_user;
    const JsonNode* context = nullptr;
    bool has_action = false;
    for (const JsonMember& m : node.members) {
      std::string p = "/request/" + json_pointer_token(m.key);
      std::string* target = nullptr;
      if (m.key == "principal") target = &principal;
      else if (m.key == "action") target = &action, has_action = true;
      else if (m.key == "resource") target = &resource;
      else if (m.key == "resourceAccount") target = &resource_account;
      else if (m.key == "principalRoleArn") target = &role_arn;
      else if (m.key == "federatingUser") target = &federating_user;
      else if (m.key == "context") {
        context = &m.value;
        continue;
      } else {
        fail(m.key_offset, p, fmt::format("unknown request member \"{}\"", m.key),
             "members are principal, action, resource, resourceAccount, context, principalRoleArn, federatingUser");
        continue;
      }
      if (string_value(m.value, p)) *target = m.value.text;
    }
    if (!has_action) fail(node.offset, "/request", "the request has no \"action\"", "e.g. \"action\": \"s3:GetObject\"");
    eval::Context ctx;
    if (context) load_context(*context, ctx);
    if (!errors_.empty()) return false;

    Result<eval::Caller> caller = eval::parse_caller(principal, role_arn, federating_user);
    if (!caller) return located(caller.error(), node, "principal");
    caller->service_linked = caller->service_linked || service_linked;
    Result<eval::Request> request =
        eval::make_request(caller.take(), action, resource, resource_account, std::move(ctx), options);
    if (!request) return located(request.error(), node, "action");
    out_.request = request.take();
    return true;
  }

  bool located(const Error& error, const JsonNode& request, std::string_view member) {
    const JsonNode* node = request.find(member);
    Error e = error;
    e.loc = doc_.locate(node ? node->offset : request.offset, fmt::format("/request/{}", member));
    errors_.push_back(std::move(e));
    return false;
  }

  void load_context(const JsonNode& node, eval::Context& ctx) {
    if (!node.is_object()) {
      fail(node.offset, "/request/context", "\"context\" must be an object of condition keys", "");
      return;
    }
    auto scalar = [](const JsonNode& v) {
      return v.kind == JsonNode::Kind::kString || v.kind == JsonNode::Kind::kNumber || v.kind == JsonNode::Kind::kBool;
    };
    for (const JsonMember& m : node.members) {
      std::string p = "/request/context/" + json_pointer_token(m.key);
      Result<void> added;
      if (scalar(m.value)) {
        added = ctx.set(m.key, m.value.text);
      } else if (m.value.is_array()) {
        std::vector<std::string> values;
        bool ok = true;
        for (size_t i = 0; i < m.value.items.size(); ++i) {
          const JsonNode& item = m.value.items[i];
          if (!scalar(item)) {
            fail(item.offset, fmt::format("{}/{}", p, i), "context list values must be strings, numbers or booleans", "");
            ok = false;
            continue;
          }
          values.push_back(item.text);
        }
        if (!ok) continue;
        added = ctx.set_list(m.key, std::move(values));
      } else {
        fail(m.value.offset, p,
             fmt::format("context value must be a string (single-valued) or an array (multivalued), found {}",
                         json_kind_name(m.value.kind)), "");
        continue;
      }
      if (!added) {
        Error e = added.error();
        e.loc = doc_.locate(m.key_offset, p);
        errors_.push_back(std::move(e));
      }
    }
  }

  // Each member of "policies" is optional; see docs/request-format.md.
  void load_policies(const JsonNode& node) {
    if (!node.is_object()) {
      fail(node.offset, "/policies", "\"policies\" must be an object", "");
      return;
    }
    eval::PolicySet& set = out_.set;
    for (const JsonMember& m : node.members) {
      std::string p = "/policies/" + json_pointer_token(m.key);
      if (m.key == "identity") {
        for_each_document(m.value, p, [&](const JsonNode& d, const std::string& dp) {
          if (auto* c = add_policy(out_, doc_, d, dp, PolicyKind::kIdentity, errors_)) set.identity.push_back(c);
        });
      } else if (m.key == "session") {
        for_each_document(m.value, p, [&](const JsonNode& d, const std::string& dp) {
          if (auto* c = add_policy(out_, doc_, d, dp, PolicyKind::kSession, errors_)) set.session.push_back(c);
        });
      } else if (m.key == "resource") {
        if (single_document(m.value, p))
          set.resource = add_policy(out_, doc_, m.value, p,
                                    resource_policy_kind(out_.request.action, out_.request.resource), errors_);
      } else if (m.key == "permissionBoundary") {
        if (single_document(m.value, p)) set.boundary = add_policy(out_, doc_, m.value, p, PolicyKind::kBoundary, errors_);
      } else if (m.key == "scp" || m.key == "rcp") {
        load_levels(m.value, p, m.key == "scp" ? PolicyKind::kScp : PolicyKind::kRcp,
                    m.key == "scp" ? set.scp_levels : set.rcp_levels);
      } else {
        fail(m.key_offset, p, fmt::format("unknown policy set \"{}\"", m.key),
             "policies are identity, resource, permissionBoundary, scp, rcp, session");
      }
    }
  }

  bool single_document(const JsonNode& node, const std::string& pointer) {
    if (node.is_object()) return true;
    return fail(node.offset, pointer, fmt::format("expected one policy document (an object), found {}",
                                                  json_kind_name(node.kind)), "");
  }

  template <class F>
  void for_each_document(const JsonNode& node, const std::string& pointer, F&& f) {
    if (node.is_object()) {
      f(node, pointer);
    } else if (node.is_array()) {
      for (size_t i = 0; i < node.items.size(); ++i) f(node.items[i], fmt::format("{}/{}", pointer, i));
    } else {
      fail(node.offset, pointer, fmt::format("expected a policy document or an array of them, found {}",
                                             json_kind_name(node.kind)), "");
    }
  }

  void load_levels(const JsonNode& node, const std::string& pointer, PolicyKind kind,
                   std::vector<std::vector<const eval::CompiledPolicy*>>& levels) {
    if (!node.is_array()) {
      fail(node.offset, pointer, "expected a list of levels (root first), each a list of policy documents",
           "e.g. [[root policies], [OU policies], [account policies]]");
      return;
    }
    if (node.items.size() > eval::kMaxOrgLevels) {
      fail(node.offset, pointer, fmt::format("{} levels is more than an organization can have ({} at most)",
                                             node.items.size(), eval::kMaxOrgLevels), "");
      return;
    }
    for (size_t i = 0; i < node.items.size(); ++i) {
      std::vector<const eval::CompiledPolicy*>& level = levels.emplace_back();
      for_each_document(node.items[i], fmt::format("{}/{}", pointer, i), [&](const JsonNode& d, const std::string& dp) {
        if (auto* c = add_policy(out_, doc_, d, dp, kind, errors_)) level.push_back(c);
      });
    }
  }

  const JsonDocument& doc_;
  SimulationCase& out_;
  std::vector<Error>& errors_;
};

}  // namespace

std::optional<Expectation> parse_expectation(std::string_view text) {
  Expectation e;
  e.text = std::string(text);
  if (text == "Allowed") e.decision = eval::Decision::kAllowed;
  else if (text == "ExplicitDeny") e.decision = eval::Decision::kExplicitDeny;
  else if (text == "ImplicitDeny") e.decision = eval::Decision::kImplicitDeny;
  else if (text == "Error") e.error = true;
  else return std::nullopt;
  return e;
}

void peek_case_header(const JsonDocument& doc, std::string& name, std::optional<Expectation>& expect) {
  if (!doc.root.is_object()) return;
  if (const JsonNode* n = doc.root.find("name"); n && n->is_string()) name = n->text;
  if (const JsonNode* e = doc.root.find("expect"); e && e->is_string()) expect = parse_expectation(e->text);
}

bool decided_by_trust_policy(std::string_view action, std::string_view resource) {
  static constexpr std::string_view kTrustActions[] = {"sts:assumerole", "sts:assumerolewithsaml",
                                                       "sts:assumerolewithwebidentity", "sts:tagsession",
                                                       "sts:setsourceidentity"};
  const std::string folded = eval::fold_case(action);
  const eval::ArnParts parts = eval::split_arn(resource);
  return parts.ok && parts.service() == "iam" && parts.resource().rfind("role/", 0) == 0 &&
         std::find(std::begin(kTrustActions), std::end(kTrustActions), folded) != std::end(kTrustActions);
}

policy::PolicyKind resource_policy_kind(std::string_view action, std::string_view resource) {
  return decided_by_trust_policy(action, resource) ? PolicyKind::kTrust : PolicyKind::kResource;
}

const eval::CompiledPolicy* add_policy(SimulationCase& c, const JsonDocument& doc, const JsonNode& node,
                                       const std::string& pointer, PolicyKind kind, std::vector<Error>& errors) {
  policy::ParsedPolicy parsed = policy::parse_policy(doc, node, pointer, kind);
  for (policy::Diagnostic& d : parsed.diagnostics) {
    if (d.level == policy::DiagnosticLevel::kError) errors.push_back(std::move(d.error));
    else c.warnings.push_back(std::move(d.error));
  }
  if (!parsed.ok()) return nullptr;
  c.policies.push_back(std::make_unique<eval::CompiledPolicy>(eval::compile(parsed.policy, pointer)));
  return c.policies.back().get();
}

bool load_case(const JsonDocument& doc, SimulationCase& out, std::vector<Error>& errors) {
  return CaseLoader(doc, out, errors).load();
}

}  // namespace iamwarden::simulate
