// Policy grammar (spec §2): closed element sets, shapes, per-kind element rules, typed values.
#include "policy/parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "policy/values.h"

namespace iamwarden::policy {
namespace {

bool is_org_kind(PolicyKind kind) { return kind == PolicyKind::kScp || kind == PolicyKind::kRcp; }
bool is_identity_like(PolicyKind kind) {
  return kind == PolicyKind::kIdentity || kind == PolicyKind::kBoundary || kind == PolicyKind::kSession;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class Parser {
 public:
  Parser(const JsonDocument& doc, PolicyKind kind, ParsedPolicy& out) : doc_(doc), kind_(kind), out_(out) {
    out_.policy.kind = kind;
  }

  void parse(const JsonNode& node, const std::string& pointer) {
    if (!node.is_object()) {
      error(node.offset, pointer, "wrong_shape",
            fmt::format("a policy must be a JSON object, found {}", json_kind_name(node.kind)), "");
      return;
    }
    check_duplicates(node, pointer);
    const JsonNode* statement = nullptr;
    for (const JsonMember& m : node.members) {
      std::string p = pointer + "/" + json_pointer_token(m.key);
      if (m.key == "Version") parse_version(m.value, p);
      else if (m.key == "Id") parse_id(m.value, p);
      else if (m.key == "Statement") statement = &m.value;
      else unknown_element(m, p, "Version, Id, Statement");
    }
    if (kind_ == PolicyKind::kRcp && out_.policy.version != Version::k2012_10_17)
      error(node.offset, pointer, "rcp_version", "a resource control policy must say \"Version\": \"2012-10-17\"", "");
    if (!statement) {
      error(node.offset, pointer, "missing_statement", "the policy has no Statement element",
            "add \"Statement\": [ ... ]");
      return;
    }
    std::string sp = pointer + "/Statement";
    if (statement->is_object()) {
      out_.policy.statement_array = false;
      parse_statement(*statement, sp, 0);
    } else if (statement->is_array()) {
      for (size_t i = 0; i < statement->items.size(); ++i)
        parse_statement(statement->items[i], fmt::format("{}/{}", sp, i), static_cast<uint32_t>(i));
    } else {
      error(statement->offset, sp, "wrong_shape",
            fmt::format("Statement must be an object or an array of objects, found {}",
                        json_kind_name(statement->kind)), "");
    }
  }

 private:
  void error(uint32_t offset, const std::string& pointer, std::string code, std::string message, std::string hint) {
    add(DiagnosticLevel::kError, offset, pointer, std::move(code), std::move(message), std::move(hint));
  }
  void warning(uint32_t offset, const std::string& pointer, std::string code, std::string message, std::string hint) {
    add(DiagnosticLevel::kWarning, offset, pointer, std::move(code), std::move(message), std::move(hint));
  }
  void add(DiagnosticLevel level, uint32_t offset, const std::string& pointer, std::string code, std::string message,
           std::string hint) {
    Diagnostic d;
    d.level = level;
    d.code = std::move(code);
    d.error = Error{ErrorCode::kPolicy, std::move(message), doc_.locate(offset, pointer), std::move(hint)};
    out_.diagnostics.push_back(std::move(d));
  }

  void unknown_element(const JsonMember& m, const std::string& pointer, std::string_view allowed) {
    error(m.key_offset, pointer, "unknown_element", fmt::format("unknown element \"{}\"", m.key),
          fmt::format("allowed here: {} (names are case-sensitive)", allowed));
  }

  // JSON libraries keep the last duplicate silently; AWS rejects duplicates (spec §2.1).
  void check_duplicates(const JsonNode& node, const std::string& pointer) {
    for (size_t i = 1; i < node.members.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (node.members[i].key == node.members[j].key) {
          error(node.members[i].key_offset, pointer + "/" + json_pointer_token(node.members[i].key),
                "duplicate_member", fmt::format("\"{}\" appears more than once", node.members[i].key),
                "keep one; AWS does not take the last one");
          break;
        }
      }
    }
  }

  bool expect_string(const JsonNode& node, const std::string& pointer, std::string_view element) {
    if (node.is_string()) return true;
    error(node.offset, pointer, "wrong_shape",
          fmt::format("{} must be a string, found {}", element, json_kind_name(node.kind)), "");
    return false;
  }

  void parse_version(const JsonNode& node, const std::string& pointer) {
    if (!expect_string(node, pointer, "Version")) return;
    out_.policy.has_version = true;
    if (node.text == "2012-10-17") out_.policy.version = Version::k2012_10_17;
    else if (node.text == "2008-10-17") out_.policy.version = Version::k2008_10_17;
    else
      error(node.offset, pointer, "invalid_version", fmt::format("unknown policy Version \"{}\"", node.text),
            "use \"2012-10-17\"");
  }

  void parse_id(const JsonNode& node, const std::string& pointer) {
    if (!expect_string(node, pointer, "Id")) return;
    out_.policy.has_id = true;
    out_.policy.id = {node.text, node.offset};
  }

  // Reads a string-or-array-of-strings element.
  bool string_list(const JsonNode& node, const std::string& pointer, std::string_view element,
                   std::vector<Located>& out) {
    if (node.is_string()) {
      out.push_back({node.text, node.offset});
      return true;
    }
    if (!node.is_array()) {
      error(node.offset, pointer, "wrong_shape",
            fmt::format("{} must be a string or an array of strings, found {}", element, json_kind_name(node.kind)),
            "");
      return false;
    }
    bool ok = true;
    for (size_t i = 0; i < node.items.size(); ++i) {
      const JsonNode& item = node.items[i];
      if (!item.is_string()) {
        error(item.offset, fmt::format("{}/{}", pointer, i), "wrong_shape",
              fmt::format("every {} entry must be a string, found {}", element, json_kind_name(item.kind)), "");
        ok = false;
        continue;
      }
      out.push_back({item.text, item.offset});
    }
    if (node.items.empty()) {
      error(node.offset, pointer, "empty_element", fmt::format("{} is an empty array", element), "");
      ok = false;
    }
    return ok;
  }

  void parse_statement(const JsonNode& node, const std::string& pointer, uint32_t index) {
    if (!node.is_object()) {
      error(node.offset, pointer, "wrong_shape",
            fmt::format("a statement must be a JSON object, found {}", json_kind_name(node.kind)), "");
      return;
    }
    check_duplicates(node, pointer);
    Statement st;
    st.index = index;
    st.pointer = pointer;
    st.offset = node.offset;
    bool has_effect = false;
    for (const JsonMember& m : node.members) {
      std::string p = pointer + "/" + json_pointer_token(m.key);
      const JsonNode& v = m.value;
      if (m.key == "Sid") {
        if (expect_string(v, p, "Sid")) {
          st.has_sid = true;
          st.sid = {v.text, v.offset};
        }
      } else if (m.key == "Effect") {
        if (!expect_string(v, p, "Effect")) continue;
        has_effect = true;
        if (v.text == "Allow") st.effect = Effect::kAllow;
        else if (v.text == "Deny") st.effect = Effect::kDeny;
        else
          error(v.offset, p, "invalid_effect", fmt::format("Effect must be \"Allow\" or \"Deny\", found \"{}\"", v.text),
                "the value is case-sensitive");
      } else if (m.key == "Action" || m.key == "NotAction") {
        if (st.action_mode != ElementMode::kAbsent) {
          error(m.key_offset, p, "action_and_notaction", "a statement cannot have both Action and NotAction", "");
          continue;
        }
        st.action_mode = m.key == "Action" ? ElementMode::kNormal : ElementMode::kNot;
        if (string_list(v, p, m.key, st.actions)) check_actions(st.actions, v, p);
      } else if (m.key == "Resource" || m.key == "NotResource") {
        if (st.resource_mode != ElementMode::kAbsent) {
          error(m.key_offset, p, "resource_and_notresource", "a statement cannot have both Resource and NotResource",
                "");
          continue;
        }
        st.resource_mode = m.key == "Resource" ? ElementMode::kNormal : ElementMode::kNot;
        if (string_list(v, p, m.key, st.resources)) check_resources(st.resources, v, p);
      } else if (m.key == "Principal" || m.key == "NotPrincipal") {
        if (st.principal_mode != ElementMode::kAbsent) {
          error(m.key_offset, p, "principal_and_notprincipal",
                "a statement cannot have both Principal and NotPrincipal", "");
          continue;
        }
        st.principal_mode = m.key == "Principal" ? ElementMode::kNormal : ElementMode::kNot;
        parse_principal(v, p, st);
      } else if (m.key == "Condition") {
        parse_condition(v, p, st);
      } else {
        unknown_element(m, p, "Sid, Effect, Action, NotAction, Resource, NotResource, Principal, NotPrincipal, Condition");
      }
    }
    if (!has_effect) error(node.offset, pointer, "missing_effect", "the statement has no Effect", "");
    if (st.action_mode == ElementMode::kAbsent)
      error(node.offset, pointer, "missing_action", "the statement must contain Action or NotAction", "");
    check_kind_rules(st, node, pointer);
    out_.policy.statements.push_back(std::move(st));
  }

  void check_actions(const std::vector<Located>& actions, const JsonNode& node, const std::string& pointer) {
    for (size_t i = 0; i < actions.size(); ++i) {
      const std::string& a = actions[i].value;
      std::string p = node.is_array() ? fmt::format("{}/{}", pointer, i) : pointer;
      if (a == "*") continue;
      size_t colon = a.find(':');
      if (colon == std::string::npos) {
        error(actions[i].offset, p, "invalid_action", fmt::format("action \"{}\" is not \"service:action\"", a),
              "write it as e.g. \"s3:GetObject\" or \"*\"");
      } else if (a.find(':', colon + 1) != std::string::npos) {
        error(actions[i].offset, p, "invalid_action", fmt::format("action \"{}\" has more than one colon", a), "");
      } else if (colon == 0) {
        error(actions[i].offset, p, "invalid_action", fmt::format("action \"{}\" has no service prefix", a), "");
      } else if (a.find_first_of("*?") < colon) {
        error(actions[i].offset, p, "wildcard_in_service", fmt::format("action \"{}\" has a wildcard in its service prefix", a),
              "wildcards are allowed only in the action name, e.g. \"s3:Get*\"");
      }
    }
  }

  void check_resources(const std::vector<Located>& resources, const JsonNode& node, const std::string& pointer) {
    for (size_t i = 0; i < resources.size(); ++i) {
      const std::string& r = resources[i].value;
      std::string p = node.is_array() ? fmt::format("{}/{}", pointer, i) : pointer;
      if (r == "*") continue;
      if (r.rfind("arn:", 0) != 0) {
        error(resources[i].offset, p, "invalid_resource", fmt::format("resource \"{}\" must be an ARN or \"*\"", r),
              "e.g. \"arn:aws:s3:::my-bucket/*\"");
      } else if (is_org_kind(kind_) && std::count(r.begin(), r.end(), ':') < 5) {
        error(resources[i].offset, p, "invalid_resource",
              fmt::format("resource \"{}\" is not a complete ARN ({} policies need all six parts)", r,
                          policy_kind_name(kind_)), "");
      }
    }
  }

  void parse_principal(const JsonNode& node, const std::string& pointer, Statement& st) {
    if (node.is_string()) {
      if (node.text == "*") {
        st.principal_wildcard = true;
        return;
      }
      error(node.offset, pointer, "invalid_principal", fmt::format("principal \"{}\" must be \"*\" or an object", node.text),
            "write {\"AWS\": \"...\"}, {\"Service\": \"...\"} or {\"Federated\": \"...\"}");
      return;
    }
    if (!node.is_object()) {
      error(node.offset, pointer, "wrong_shape",
            fmt::format("Principal must be \"*\" or an object, found {}", json_kind_name(node.kind)), "");
      return;
    }
    check_duplicates(node, pointer);
    if (node.members.empty()) error(node.offset, pointer, "empty_element", "Principal is an empty object", "");
    for (const JsonMember& m : node.members) {
      std::string p = pointer + "/" + json_pointer_token(m.key);
      PrincipalType type;
      if (m.key == "AWS") type = PrincipalType::kAws;
      else if (m.key == "Service") type = PrincipalType::kService;
      else if (m.key == "Federated") type = PrincipalType::kFederated;
      else if (m.key == "CanonicalUser") type = PrincipalType::kCanonicalUser;
      else {
        unknown_element(m, p, "AWS, Service, Federated, CanonicalUser");
        continue;
      }
      std::vector<Located> values;
      if (!string_list(m.value, p, m.key, values)) continue;
      for (size_t i = 0; i < values.size(); ++i) {
        std::string vp = m.value.is_array() ? fmt::format("{}/{}", p, i) : p;
        const std::string& v = values[i].value;
        if (type == PrincipalType::kService && v == "*")
          error(values[i].offset, vp, "invalid_principal", "\"Service\": \"*\" is not allowed", "name the service principal");
        else if (v != "*" && v.find_first_of("*?") != std::string::npos)
          error(values[i].offset, vp, "invalid_principal",
                fmt::format("principal \"{}\" has a partial wildcard", v),
                "only a whole \"*\" is allowed; narrow with a condition on aws:PrincipalArn");
        st.principals.push_back({type, std::move(values[i])});
      }
    }
  }

  void parse_condition(const JsonNode& node, const std::string& pointer, Statement& st) {
    if (!node.is_object()) {
      error(node.offset, pointer, "wrong_shape",
            fmt::format("Condition must be an object, found {}", json_kind_name(node.kind)), "");
      return;
    }
    check_duplicates(node, pointer);
    for (const JsonMember& op_member : node.members) {
      std::string op_pointer = pointer + "/" + json_pointer_token(op_member.key);
      std::optional<ConditionOperator> op = parse_condition_operator(op_member.key);
      if (!op) {
        error(op_member.key_offset, op_pointer, "unknown_operator",
              fmt::format("unknown condition operator \"{}\"", op_member.key),
              "e.g. StringEquals, StringLike, ArnLike, IpAddress, Bool, Null, with an optional IfExists suffix");
        continue;
      }
      if (!op->canonical_case)
        warning(op_member.key_offset, op_pointer, "operator_case",
                fmt::format("condition operator \"{}\" is not written as AWS documents it", op_member.key), "");
      const JsonNode& block = op_member.value;
      if (!block.is_object()) {
        error(block.offset, op_pointer, "wrong_shape",
              fmt::format("the value of {} must be an object of condition keys, found {}", op_member.key,
                          json_kind_name(block.kind)), "");
        continue;
      }
      if (block.members.empty())
        warning(block.offset, op_pointer, "empty_element",
                fmt::format("{} has no condition keys, so it adds no condition", op_member.key), "");
      for (size_t i = 0; i < block.members.size(); ++i) {
        const JsonMember& key_member = block.members[i];
        std::string key_pointer = op_pointer + "/" + json_pointer_token(key_member.key);
        for (size_t j = 0; j < i; ++j) {
          if (lower(block.members[j].key) == lower(key_member.key)) {
            error(key_member.key_offset, key_pointer, "duplicate_condition_key",
                  fmt::format("condition key \"{}\" appears twice under {} (keys ignore case)", key_member.key,
                              op_member.key), "");
            break;
          }
        }
        ConditionClause clause;
        clause.op_name = {op_member.key, op_member.key_offset};
        clause.op = *op;
        clause.key = {key_member.key, key_member.key_offset};
        if (key_member.key.empty()) error(key_member.key_offset, key_pointer, "empty_condition_key", "empty condition key", "");
        parse_condition_values(key_member.value, key_pointer, clause);
        st.conditions.push_back(std::move(clause));
      }
    }
  }

  void parse_condition_values(const JsonNode& node, const std::string& pointer, ConditionClause& clause) {
    auto scalar = [&](const JsonNode& v, const std::string& p) {
      if (v.kind == JsonNode::Kind::kString || v.kind == JsonNode::Kind::kNumber || v.kind == JsonNode::Kind::kBool) {
        clause.values.push_back({v.text, v.offset});
        check_typed_value(clause, v, p);
        return;
      }
      error(v.offset, p, "wrong_shape",
            fmt::format("condition values must be strings, numbers or booleans, found {}", json_kind_name(v.kind)), "");
    };
    if (node.is_array()) {
      clause.values_array = true;
      for (size_t i = 0; i < node.items.size(); ++i) scalar(node.items[i], fmt::format("{}/{}", pointer, i));
    } else {
      scalar(node, pointer);
    }
  }

  // Values of typed operators must parse; variables are allowed only where §4.7 says.
  void check_typed_value(const ConditionClause& clause, const JsonNode& v, const std::string& p) {
    const std::string& text = v.text;
    auto bad = [&](std::string_view what, std::string_view hint) {
      error(v.offset, p, "invalid_condition_value",
            fmt::format("{} is not a valid {} for {}", text, what, clause.op_name.value), std::string(hint));
    };
    switch (op_family(clause.op.base)) {
      case OpFamily::kNumeric:
        if (!parse_number(text)) bad("number", "write an integer or decimal, e.g. \"10\"");
        break;
      case OpFamily::kDate:
        if (!parse_date_millis(text)) bad("date", "use ISO 8601 (\"2024-01-31T12:00:00Z\") or epoch seconds");
        break;
      case OpFamily::kIp:
        if (!parse_ip_network(text)) bad("IP address or CIDR block", "e.g. \"203.0.113.0/24\" or \"2001:db8::/32\"");
        break;
      case OpFamily::kBinary:
        // Not refused: AWS's write-time check is unknown, and such a value simply never matches.
        if (!decode_base64(text))
          warning(v.offset, p, "invalid_condition_value",
                  fmt::format("{} is not valid base64, so {} never matches it", text, clause.op_name.value), "");
        break;
      case OpFamily::kNull:
        if (!parse_bool(text)) bad("Null value", "Null takes \"true\" (key absent) or \"false\" (key present)");
        break;
      case OpFamily::kBool:
        if (!parse_bool(text) && text.find("${") == std::string::npos)
          warning(v.offset, p, "invalid_condition_value",
                  fmt::format("{} is not \"true\" or \"false\", so {} never matches it", text, clause.op_name.value), "");
        break;
      case OpFamily::kArn:
        if (text.find_first_of("*?$") == std::string::npos &&
            (text.rfind("arn:", 0) != 0 || std::count(text.begin(), text.end(), ':') < 5))
          bad("ARN", "an ARN has six parts: arn:partition:service:region:account:resource");
        break;
      case OpFamily::kString:
        break;
    }
  }

  void check_kind_rules(const Statement& st, const JsonNode& node, const std::string& pointer) {
    const bool has_principal = st.principal_mode != ElementMode::kAbsent;
    if ((is_identity_like(kind_) || kind_ == PolicyKind::kScp) && has_principal) {
      error(node.offset, pointer, "principal_not_allowed",
            fmt::format("{} policies must not specify a principal", policy_kind_name(kind_)),
            "remove Principal/NotPrincipal; the policy applies to whoever it is attached to");
    }
    if (is_identity_like(kind_) && st.resource_mode == ElementMode::kAbsent) {
      error(node.offset, pointer, "missing_resource",
            fmt::format("{} policy statements must contain Resource or NotResource", policy_kind_name(kind_)),
            "add \"Resource\": \"*\" or the ARNs it applies to");
    }
    if (kind_ == PolicyKind::kTrust) {
      if (st.resource_mode != ElementMode::kAbsent)
        error(node.offset, pointer, "resource_not_allowed", "a role trust policy must not contain Resource or NotResource",
              "the trust policy always applies to its role");
      if (st.principal_mode == ElementMode::kNot)
        error(node.offset, pointer, "notprincipal_not_allowed", "a role trust policy cannot use NotPrincipal", "");
      else if (!has_principal)
        error(node.offset, pointer, "missing_principal", "a role trust policy statement must contain Principal", "");
    }
    if (kind_ == PolicyKind::kRcp) {
      if (st.effect != Effect::kDeny)
        error(node.offset, pointer, "rcp_allow", "resource control policy statements must have \"Effect\": \"Deny\"",
              "RCPFullAWSAccess, attached by AWS, provides the Allow");
      if (st.principal_mode != ElementMode::kNormal || !st.principal_wildcard)
        error(node.offset, pointer, "rcp_principal", "resource control policy statements need \"Principal\": \"*\"",
              "narrow the principals with conditions instead");
      if (st.action_mode == ElementMode::kNot)
        error(node.offset, pointer, "rcp_notaction", "resource control policies do not support NotAction", "");
      for (const Located& a : st.actions)
        if (a.value == "*")
          error(a.offset, pointer + "/Action", "rcp_action_star", "resource control policies do not accept \"Action\": \"*\"",
                "name the services, e.g. \"s3:*\"");
      if (st.resource_mode == ElementMode::kAbsent)
        error(node.offset, pointer, "missing_resource", "a resource control policy statement must contain Resource or NotResource", "");
    }
    if (kind_ == PolicyKind::kResource && st.principal_mode == ElementMode::kAbsent)
      warning(node.offset, pointer, "missing_principal", "a resource policy statement without Principal never matches", "");
  }

  const JsonDocument& doc_;
  PolicyKind kind_;
  ParsedPolicy& out_;
};

}  // namespace

std::string_view policy_kind_name(PolicyKind kind) {
  switch (kind) {
    case PolicyKind::kIdentity: return "identity";
    case PolicyKind::kResource: return "resource";
    case PolicyKind::kTrust: return "trust";
    case PolicyKind::kBoundary: return "boundary";
    case PolicyKind::kScp: return "scp";
    case PolicyKind::kRcp: return "rcp";
    case PolicyKind::kSession: return "session";
  }
  return "policy";
}

bool ParsedPolicy::ok() const {
  return std::none_of(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic& d) { return d.level == DiagnosticLevel::kError; });
}

ParsedPolicy parse_policy(const JsonDocument& doc, const JsonNode& node, const std::string& pointer, PolicyKind kind) {
  ParsedPolicy out;
  Parser(doc, kind, out).parse(node, pointer);
  return out;
}

Result<Policy> parse_policy_text(std::string text, std::string file, PolicyKind kind) {
  Result<JsonDocument> doc = parse_json(std::move(text), std::move(file));
  if (!doc) return doc.error();
  ParsedPolicy parsed = parse_policy(*doc, doc->root, "", kind);
  for (const Diagnostic& d : parsed.diagnostics)
    if (d.level == DiagnosticLevel::kError) return d.error;
  return std::move(parsed.policy);
}

}  // namespace iamwarden::policy
