// Compiling a parsed policy: lower-cased actions indexed by service, parsed ARNs, typed values.
#include <algorithm>
#include <map>

#include "eval/compiled_policy.h"

namespace iamwarden::eval {
namespace {

using policy::ElementMode;
using policy::OpFamily;
using policy::PolicyKind;

bool is_identity_like(PolicyKind kind) {
  return kind == PolicyKind::kIdentity || kind == PolicyKind::kBoundary || kind == PolicyKind::kSession;
}

bool is_account_id(std::string_view s) {
  return s.size() == 12 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

CompiledAction compile_action(const std::string& text) {
  CompiledAction action;
  if (text == "*") {
    action.any = true;
    return action;
  }
  size_t colon = text.find(':');
  action.service = fold_case(text.substr(0, colon));
  action.service_hash = key_hash(action.service);
  action.name = Pattern(colon == std::string::npos ? std::string_view() : std::string_view(text).substr(colon + 1),
                        PatternOptions{true, false, true});
  return action;
}

CompiledPrincipal compile_principal(policy::PrincipalType type, const std::string& value) {
  using Kind = CompiledPrincipal::Kind;
  CompiledPrincipal p;
  p.value = value;
  switch (type) {
    case policy::PrincipalType::kService: p.kind = Kind::kService; return p;
    case policy::PrincipalType::kFederated: p.kind = Kind::kFederated; return p;
    case policy::PrincipalType::kCanonicalUser: p.kind = Kind::kOther; return p;
    case policy::PrincipalType::kAws: break;
  }
  if (value == "*") {
    p.kind = Kind::kAny;
    return p;
  }
  if (is_account_id(value)) {
    p.kind = Kind::kAccount;
    p.partition = "aws";
    p.account = value;
    return p;
  }
  ArnParts arn = split_arn(value);
  if (!arn.ok || arn.part[0] != "arn") return p;
  p.partition = std::string(arn.partition());
  p.account = std::string(arn.account());
  std::string_view resource = arn.resource();
  if (arn.service() == "iam") {
    if (resource == "root") p.kind = Kind::kAccount;
    else if (resource.rfind("user/", 0) == 0) p.kind = Kind::kUser;
    else if (resource.rfind("role/", 0) == 0) {
      p.kind = Kind::kRole;
      p.name = std::string(resource.substr(resource.rfind('/') + 1));
    }
  } else if (arn.service() == "sts") {
    if (resource.rfind("assumed-role/", 0) == 0) p.kind = Kind::kAssumedRole;
    else if (resource.rfind("federated-user/", 0) == 0) p.kind = Kind::kFederatedUser;
  }
  return p;
}

ConditionValue compile_value(const policy::ConditionOperator& op, const std::string& text, bool variables) {
  ConditionValue v;
  v.raw = text;
  switch (policy::op_family(op.base)) {
    case OpFamily::kString:
    case OpFamily::kArn:
      v.text = Pattern(text, PatternOptions{policy::allows_wildcards(op.base), variables, false});
      break;
    case OpFamily::kBool:
      v.text = Pattern(text, PatternOptions{false, variables, false});
      v.boolean = policy::parse_bool(text);
      break;
    case OpFamily::kNull: v.boolean = policy::parse_bool(text); break;
    case OpFamily::kNumeric: v.number = policy::parse_number(text); break;
    case OpFamily::kDate: v.date_millis = policy::parse_date_millis(text); break;
    case OpFamily::kIp: v.ip = policy::parse_ip_network(text); break;
    case OpFamily::kBinary: v.bytes = policy::decode_base64(text); break;
  }
  return v;
}

}  // namespace

CompiledPolicy compile(const policy::Policy& doc, std::string name, const CompileOptions& options) {
  CompiledPolicy out;
  out.kind = doc.kind;
  out.version = doc.version;
  out.name = std::move(name);
  const bool variables = doc.version == policy::Version::k2012_10_17;
  const ShortArnMode short_mode = is_identity_like(doc.kind) && options.pad_short_arns_in_identity
                                      ? ShortArnMode::kPadWithWildcards
                                      : ShortArnMode::kNoMatch;
  std::map<std::string, std::vector<uint32_t>, std::less<>> index;
  for (const policy::Statement& st : doc.statements) {
    CompiledStatement cs;
    cs.index = st.index;
    cs.sid = st.sid.value;
    cs.pointer = st.pointer;
    cs.effect = st.effect;
    cs.not_action = st.action_mode == ElementMode::kNot;
    const uint32_t position = static_cast<uint32_t>(out.statements.size());
    bool any_service = cs.not_action;
    for (const policy::Located& a : st.actions) {
      cs.actions.push_back(compile_action(a.value));
      if (cs.actions.back().any) any_service = true;
    }
    if (any_service) {
      out.always.push_back(position);
    } else {
      for (const CompiledAction& a : cs.actions) {
        std::vector<uint32_t>& bucket = index[a.service];
        if (bucket.empty() || bucket.back() != position) bucket.push_back(position);
      }
    }
    cs.resource_mode = st.resource_mode;
    for (const policy::Located& r : st.resources) cs.resources.emplace_back(r.value, variables, short_mode);
    cs.principal_mode = st.principal_mode;
    if (st.principal_wildcard) {
      CompiledPrincipal any;
      any.kind = CompiledPrincipal::Kind::kAny;
      any.value = "*";
      cs.principals.push_back(std::move(any));
    }
    for (const policy::PrincipalEntry& p : st.principals) cs.principals.push_back(compile_principal(p.type, p.value.value));
    for (const policy::ConditionClause& c : st.conditions) {
      std::string folded = fold_case(c.key.value);
      const uint64_t hash = key_hash(folded);
      CompiledCondition cc{c.op, c.op_name.value, c.key.value, std::move(folded), hash, {}};
      const bool values_take_variables = variables && policy::allows_variables(c.op.base);
      for (const policy::Located& v : c.values) cc.values.push_back(compile_value(c.op, v.value, values_take_variables));
      cs.conditions.push_back(std::move(cc));
    }
    out.statements.push_back(std::move(cs));
  }
  for (auto& [service, statements] : index) out.by_service.push_back({key_hash(service), service, std::move(statements)});
  std::sort(out.by_service.begin(), out.by_service.end(),
            [](const CompiledPolicy::ServiceIndex& a, const CompiledPolicy::ServiceIndex& b) { return a.hash < b.hash; });
  return out;
}

}  // namespace iamwarden::eval
