// The decision procedure (spec §5.4): explicit deny, guardrails, then the grant paths.
#include "eval/evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "eval/internal.h"

namespace iamwarden::eval {
namespace {

using detail::PrincipalClass;
using policy::Effect;
using policy::ElementMode;
using policy::PolicyKind;

}  // namespace

// Organizations allows root + 5 OU levels + the account; loaders reject deeper chains.
static_assert(kMaxOrgLevels >= 7);

namespace {

// Services whose resources RCPs govern (AWS Organizations user guide, spec §5.3).
constexpr std::array<std::string_view, 11> kRcpServices = {
    "aoss", "cognito-identity", "cognito-idp", "dynamodb", "ecr", "kms", "logs", "s3", "secretsmanager", "sqs", "sts"};

/// What a policy contributed: its first applying Deny and Allow, and the Allow principal classes.
struct Scan {
  const CompiledStatement* deny = nullptr;
  const CompiledStatement* allow = nullptr;
  uint8_t allow_classes = 0;
};

class Evaluation {
 public:
  Evaluation(const Request& request, const PolicySet& policies, Trace* trace, const EvalOptions& options)
      : req_(request), ps_(policies), trace_(trace), options_(options), parts_(resource_parts(request)) {
    const CallerKind kind = request.caller.kind;
    identity_applies_ = kind == CallerKind::kUser || kind == CallerKind::kRoleSession ||
                        kind == CallerKind::kFederatedUser;
    has_boundary_ = identity_applies_ && policies.boundary != nullptr;
    session_applies_ = request.caller.is_session() && !policies.session.empty();
    scp_applies_ = !policies.scp_levels.empty() && request.caller.is_iam_principal() &&
                   !request.options.caller_in_management_account && !request.caller.service_linked;
    rcp_applies_ = !policies.rcp_levels.empty() && rcp_supported_service(request.service) &&
                   !request.options.resource_in_management_account && !request.caller.service_linked;
  }

  Outcome run() {
    if (req_.caller.kind != CallerKind::kAnonymous && req_.ungated) {
      note("sts:GetCallerIdentity and sts:GetSessionToken are not controlled by policies");
      return decided(Decision::kAllowed, Rule::kUngatedAction);
    }
    explain_skipped_layers();

    // 1. Scan every applicable policy once; any applying Deny anywhere decides.
    Outcome deny;
    std::array<Scan, kMaxOrgLevels> scp_scan_levels;
    const size_t scp_levels = scp_applies_ ? std::min(ps_.scp_levels.size(), kMaxOrgLevels) : 0;
    for (size_t level = 0; level < scp_levels; ++level)
      for (const CompiledPolicy* p : ps_.scp_levels[level])
        merge(scp_scan_levels[level], scan(*p, "scp", static_cast<int>(level), scp_scan_levels[level].allow), *p, "scp",
              static_cast<int>(level), deny);
    if (rcp_applies_) {
      for (size_t level = 0; level < ps_.rcp_levels.size(); ++level)
        for (const CompiledPolicy* p : ps_.rcp_levels[level]) {
          Scan ignored;
          merge(ignored, scan(*p, "rcp", static_cast<int>(level)), *p, "rcp", static_cast<int>(level), deny);
        }
    }
    Scan resource;
    if (ps_.resource) merge(resource, scan(*ps_.resource, "resource", -1), *ps_.resource, "resource", -1, deny);
    Scan identity, boundary, session;
    if (identity_applies_)
      for (const CompiledPolicy* p : ps_.identity)
        merge(identity, scan(*p, "identity", -1, identity.allow), *p, "identity", -1, deny);
    if (has_boundary_) merge(boundary, scan(*ps_.boundary, "boundary", -1), *ps_.boundary, "boundary", -1, deny);
    if (session_applies_)
      for (const CompiledPolicy* p : ps_.session)
        merge(session, scan(*p, "session", -1, session.allow), *p, "session", -1, deny);
    if (deny.statement) return deny;

    // 2. Guardrails: every SCP level needs an applying Allow. RCP levels always hold
    // RCPFullAWSAccess, so only their denies matter.
    for (size_t level = 0; level < scp_levels; ++level) {
      if (!scp_scan_levels[level].allow) {
        Outcome out = decided(Decision::kImplicitDeny, Rule::kScpLevelWithoutAllow);
        out.level = static_cast<int>(level);
        out.layer = "scp";
        return out;
      }
    }

    // 3. Grants.
    const uint8_t classes = resource.allow_classes;
    const CallerKind kind = req_.caller.kind;
    if (kind == CallerKind::kAnonymous)
      return grant(classes & detail::kClassWildcard, resource, Rule::kResourceAllow, Rule::kNoResourceGrant);
    if (kind == CallerKind::kServicePrincipal || kind == CallerKind::kWebIdentity)
      return grant(classes & (detail::kClassWildcard | detail::kClassDirect), resource, Rule::kResourceAllow,
                   Rule::kNoResourceGrant);

    Rule id_failure = Rule::kNoAllow;
    const bool id_path = identity_path(identity, boundary, session, id_failure);
    const bool boundary_ok = !has_boundary_ || boundary.allow;
    const bool session_ok = !req_.caller.is_session() ||
                            (session_applies_ ? session.allow != nullptr
                                              : req_.caller.kind == CallerKind::kRoleSession);
    const bool same_account = req_.resource_account == req_.caller.account;

    if (same_account) {
      if (explicit_trust_required()) {
        const Rule not_admitted = req_.service == "kms" ? Rule::kKeyPolicyWithoutAllow : Rule::kExplicitTrustRequired;
        if (!ps_.resource) {
          note("this action needs the resource's own policy (role trust policy or key policy) to admit the caller");
          return decided(Decision::kImplicitDeny, not_admitted);
        }
        if (direct_path(classes, boundary_ok, session_ok, true))
          return grant(true, resource, Rule::kResourceAllow, not_admitted);
        if ((classes & detail::kClassAccount) && id_path) return allow_identity(identity, kind);
        Rule why = not_admitted;
        if (classes & detail::kClassAccount) why = id_failure == Rule::kNoAllow ? Rule::kAccountGrantWithoutIdentityAllow
                                                                                : id_failure;
        else if (classes) why = grant_blocker(classes, boundary_ok, session_ok, true, why);
        Outcome out = decided(Decision::kImplicitDeny, why);
        if (why == not_admitted) out.policy = ps_.resource;  // "does not admit" rather than "was not given"
        return out;
      }
      if (id_path) return allow_identity(identity, kind);
      if (direct_path(classes, boundary_ok, session_ok, false))
        return grant(true, resource, Rule::kResourceAllow, Rule::kNoAllow);
      // The resource policy granted, but its grant did not take effect: say which layer stopped it.
      Rule why = id_failure;
      if (classes) why = grant_blocker(classes, boundary_ok, session_ok, false, why);
      if (why == Rule::kNoAllow && (classes & detail::kClassAccount)) why = Rule::kAccountGrantWithoutIdentityAllow;
      return decided(Decision::kImplicitDeny, why);
    }
    // Cross-account: both sides must allow; no bypass (spec §5.4).
    const uint8_t trusting_classes = detail::kClassWildcard | detail::kClassAccount | detail::kClassDirect |
                                     detail::kClassRoleOfSession | detail::kClassUserOfFederatedSession;
    if (!id_path) return decided(Decision::kImplicitDeny, id_failure == Rule::kNoAllow
                                                          ? Rule::kCrossAccountNoIdentityAllow : id_failure);
    if (!(classes & trusting_classes)) {
      note(fmt::format("the resource is in account {}, the caller in {}: the resource policy must allow the caller",
                       req_.resource_account, req_.caller.account));
      return decided(Decision::kImplicitDeny,
                     ps_.resource ? Rule::kCrossAccountNoResourceGrant : Rule::kCrossAccountNoResourcePolicy);
    }
    Outcome out = grant(true, resource, Rule::kCrossAccountAllow, Rule::kNoAllow);
    return out;
  }

 private:

  void note(std::string text) {
    if (trace_) trace_->notes.push_back(std::move(text));
  }

  void explain_skipped_layers() {
    if (!trace_) return;
    if (!ps_.scp_levels.empty() && !scp_applies_) {
      if (!req_.caller.is_iam_principal()) note("SCPs do not apply: the caller is not an IAM principal of the account");
      else if (req_.caller.service_linked) note("SCPs do not apply: the caller is a service-linked role");
      else note("SCPs do not apply: the caller is in the management account");
    }
    if (!ps_.rcp_levels.empty() && !rcp_applies_) {
      if (!rcp_supported_service(req_.service)) note(fmt::format("RCPs do not apply: {} is not a service RCPs govern", req_.service));
      else if (req_.caller.service_linked) note("RCPs do not apply: the caller is a service-linked role");
      else note("RCPs do not apply: the resource is in the management account");
    }
    if (!ps_.identity.empty() && !identity_applies_)
      note(fmt::format("identity policies do not apply to a {}", caller_kind_name(req_.caller.kind)));
    if (ps_.boundary && !has_boundary_)
      note(fmt::format("a permissions boundary does not apply to a {}", caller_kind_name(req_.caller.kind)));
    if (!ps_.session.empty() && !session_applies_) note("session policies apply only to role and federated-user sessions");
  }

  Outcome decided(Decision decision, Rule rule) const {
    Outcome out;
    out.decision = decision;
    out.rule = rule;
    out.layer = deciding_layer(rule);
    return out;
  }

  // Why a same-account grant of the resource policy (classes != 0) did not take effect: the layer
  // whose missing Allow blocks it, found by asking which gate, opened, would let it through.
  Rule grant_blocker(uint8_t classes, bool boundary_ok, bool session_ok, bool trust_mode, Rule otherwise) const {
    if (direct_path(classes, true, session_ok, trust_mode)) return Rule::kBoundaryWithoutAllow;
    if (direct_path(classes, boundary_ok, true, trust_mode)) return Rule::kSessionWithoutAllow;
    if (!boundary_ok && direct_path(classes, true, true, trust_mode)) return Rule::kBoundaryWithoutAllow;
    if (req_.caller.kind == CallerKind::kFederatedUser && !session_applies_ &&
        (classes & detail::kClassUserOfFederatedSession))
      return Rule::kFederatedWithoutSessionPolicy;
    return otherwise;
  }

  Outcome grant(bool allowed, const Scan& resource, Rule allow_rule, Rule deny_rule) const {
    if (!allowed) return decided(Decision::kImplicitDeny, deny_rule);
    Outcome out = decided(Decision::kAllowed, allow_rule);
    out.policy = ps_.resource;
    out.statement = resource.allow;
    out.layer = "resource";
    return out;
  }

  Outcome allow_identity(const Scan& identity, CallerKind kind) const {
    if (kind == CallerKind::kRoot) return decided(Decision::kAllowed, Rule::kRootAllow);
    Outcome out = decided(Decision::kAllowed, Rule::kIdentityAllow);
    out.statement = identity.allow;
    out.policy = identity_policy_;
    out.layer = "identity";
    return out;
  }

  bool identity_path(const Scan& identity, const Scan& boundary, const Scan& session, Rule& failure) const {
    if (req_.caller.kind == CallerKind::kRoot) return true;
    if (!identity_applies_) return false;
    if (!identity.allow) {
      failure = Rule::kNoAllow;
      return false;
    }
    if (has_boundary_ && !boundary.allow) {
      failure = Rule::kBoundaryWithoutAllow;
      return false;
    }
    if (session_applies_ && !session.allow) {
      failure = Rule::kSessionWithoutAllow;
      return false;
    }
    // A federated-user session without a session policy has no identity permissions (D18).
    if (req_.caller.kind == CallerKind::kFederatedUser && !session_applies_) {
      failure = Rule::kFederatedWithoutSessionPolicy;
      return false;
    }
    return true;
  }

  // Same-account grants made by the resource policy itself (spec §5.5).
  bool direct_path(uint8_t classes, bool boundary_ok, bool session_ok, bool trust_mode) const {
    const CallerKind kind = req_.caller.kind;
    if (classes & detail::kClassWildcard) return true;
    if (classes & detail::kClassDirect) {
      if (kind == CallerKind::kUser) {
        if (!trust_mode || boundary_ok) return true;  // role trust: a named user still needs its boundary [TRUST]
      } else if (!options_.session_policy_caps_session_arn_grants || session_ok) {
        return true;
      }
    }
    if ((classes & detail::kClassRoleOfSession) && boundary_ok && (!session_applies_ || session_ok)) return true;
    if ((classes & detail::kClassUserOfFederatedSession) && boundary_ok && session_applies_ && session_ok) return true;
    return false;
  }

  bool explicit_trust_required() const { return req_.needs_explicit_trust; }

  void merge(Scan& into, const Scan& from, const CompiledPolicy& policy, std::string_view layer, int level,
             Outcome& deny) {
    if (from.deny && !deny.statement) {
      deny.decision = Decision::kExplicitDeny;
      deny.rule = Rule::kExplicitDeny;
      deny.policy = &policy;
      deny.statement = from.deny;
      deny.level = level;
      deny.layer = layer;
    }
    if (from.allow && !into.allow) {
      into.allow = from.allow;
      if (policy.kind == PolicyKind::kIdentity) identity_policy_ = &policy;
    }
    into.allow_classes |= from.allow_classes;
  }

  bool action_matches(const CompiledStatement& st) const {
    return statement_matches_action(st, req_.service_hash, req_.service, req_.action_name);
  }

  bool resource_matches(const CompiledStatement& st) const {
    if (st.resource_mode == ElementMode::kAbsent) return true;  // the resource the policy is attached to (R6)
    bool any = false;
    for (const ResourcePattern& r : st.resources) {
      if (r.match(req_.resource, parts_, req_.context) == MatchResult::kMatch) {
        any = true;
        break;
      }
    }
    return st.resource_mode == ElementMode::kNormal ? any : !any;
  }

  static bool carries_principal(PolicyKind kind) {
    return kind == PolicyKind::kResource || kind == PolicyKind::kTrust || kind == PolicyKind::kRcp;
  }

  // have_allow: the layer already has an applying Allow, so without a trace only Deny statements
  // can still change the outcome (resource policies keep collecting principal classes).
  Scan scan(const CompiledPolicy& policy, std::string_view layer, int level, bool have_allow = false) {
    Scan out;
    const bool skip_allows = !trace_ && have_allow && !carries_principal(policy.kind);
    auto visit = [&](const CompiledStatement& st) {
      if (!trace_ && out.deny) return;
      if ((skip_allows || (!trace_ && out.allow && !carries_principal(policy.kind))) && st.effect == Effect::kAllow)
        return;
      check_statement(policy, st, layer, level, out);
    };
    if (trace_) {
      for (const CompiledStatement& st : policy.statements) visit(st);
    } else {
      policy.for_candidates(req_.service_hash, req_.service, visit);
    }
    return out;
  }

  void check_statement(const CompiledPolicy& policy, const CompiledStatement& st, std::string_view layer, int level,
                       Scan& out) {
    StatementTrace* t = nullptr;
    if (trace_ && trace_->record_statements) {
      trace_->statements.push_back({});
      t = &trace_->statements.back();
      t->policy = policy.name;
      t->layer = level >= 0 ? fmt::format("{} level {}", layer, level + 1) : std::string(layer);
      t->statement = st.label();
      t->pointer = st.pointer;
      t->effect = st.effect;
    }
    if (!action_matches(st)) {
      if (t) t->reason = fmt::format("action {} {}", req_.action, st.not_action ? "is excluded by NotAction" : "is not in Action");
      return;
    }
    if (!resource_matches(st)) {
      if (t) t->reason = fmt::format("resource {} {}", req_.resource,
                                     st.resource_mode == ElementMode::kNot ? "is excluded by NotResource" : "is not in Resource");
      return;
    }
    uint8_t classes = detail::kClassWildcard;
    if (carries_principal(policy.kind)) {
      classes = detail::principal_classes(st, req_.caller, has_boundary_ && st.effect == Effect::kDeny,
                                          options_.not_principal_strict_chain);
      if (!classes) {
        if (t) t->reason = st.principal_mode == ElementMode::kAbsent
                               ? "the statement has no Principal, so it matches no caller"
                               : fmt::format("principal {} is not covered by {}", req_.caller.arn,
                                             st.principal_mode == ElementMode::kNot ? "NotPrincipal (or is excluded by it)" : "Principal");
        return;
      }
    }
    if (trace_) note_missing_keys(st);
    for (const CompiledCondition& c : st.conditions) {
      bool holds = detail::condition_holds(c, req_.context);
      if (t) {
        if (!t->reason.empty()) t->reason += "; ";
        t->reason += "condition ";
        detail::describe_condition(c, req_.context, holds, t->reason);
      }
      if (!holds) {
        if (t) t->reason = "does not apply: " + t->reason;
        return;
      }
    }
    if (t) {
      t->applied = true;
      std::string what = carries_principal(policy.kind) ? fmt::format(" (principal matched as {})", class_names(classes)) : "";
      what += describe_resource_match(st);
      t->reason = t->reason.empty() ? "applies: action and resource match" + what
                                    : "applies" + what + ": " + t->reason;
    }
    if (st.effect == Effect::kDeny) {
      if (!out.deny) out.deny = &st;
    } else {
      if (!out.allow) out.allow = &st;
      out.allow_classes |= classes;
    }
  }

  // Every condition key of an applicable statement counts, also those after a clause that fails:
  // giving the key could change which clause decides (AWS lists them all as missing context values).
  void note_missing_keys(const CompiledStatement& st) {
    for (const CompiledCondition& c : st.conditions) {
      if (req_.context.find(c.key_hash, c.folded_key)) continue;
      bool seen = false;
      for (const std::string& k : trace_->missing_keys) seen = seen || fold_case(k) == c.folded_key;
      if (!seen) trace_->missing_keys.push_back(c.key);
    }
  }

  // " (resource matched by arn:...:home/martha/* from ...${aws:username}/*)" when variables were used.
  std::string describe_resource_match(const CompiledStatement& st) const {
    if (st.resource_mode != ElementMode::kNormal) return "";
    for (const ResourcePattern& r : st.resources) {
      if (r.match(req_.resource, parts_, req_.context) != MatchResult::kMatch) continue;
      std::string rendered;
      if (!r.render(req_.context, rendered) || rendered == r.source()) return "";
      return fmt::format(" (resource matched by {} from {})", rendered, r.source());
    }
    return "";
  }

  static std::string class_names(uint8_t classes) {
    std::string out;
    auto add = [&](uint8_t bit, std::string_view name) {
      if (!(classes & bit)) return;
      if (!out.empty()) out += ", ";
      out += name;
    };
    add(detail::kClassWildcard, "anyone");
    add(detail::kClassAccount, "the caller's account");
    add(detail::kClassDirect, "the caller itself");
    add(detail::kClassRoleOfSession, "the session's role");
    add(detail::kClassUserOfFederatedSession, "the user behind the federated session");
    return out;
  }

  const Request& req_;
  const PolicySet& ps_;
  Trace* trace_;
  const EvalOptions& options_;
  ArnParts parts_;
  const CompiledPolicy* identity_policy_ = nullptr;
  bool identity_applies_ = false;
  bool has_boundary_ = false;
  bool session_applies_ = false;
  bool scp_applies_ = false;
  bool rcp_applies_ = false;
};

}  // namespace

std::string_view decision_name(Decision decision) {
  switch (decision) {
    case Decision::kAllowed: return "Allowed";
    case Decision::kExplicitDeny: return "ExplicitDeny";
    case Decision::kImplicitDeny: return "ImplicitDeny";
  }
  return "ImplicitDeny";
}

bool rcp_supported_service(std::string_view service) {
  return std::find(kRcpServices.begin(), kRcpServices.end(), service) != kRcpServices.end();
}

std::string Outcome::describe() const {
  auto where = [&]() {
    std::string s = std::string(layer);
    if (level >= 0) s += fmt::format(" level {}", level + 1);
    if (policy) s += fmt::format(" policy {}", policy->name);
    if (statement) s += fmt::format(", statement {}", statement->label());
    return s;
  };
  switch (rule) {
    case Rule::kUngatedAction: return "allowed: the action is not controlled by policies";
    case Rule::kExplicitDeny: return "explicit deny in " + where();
    case Rule::kNotPrincipalBoundary: return "explicit deny: Deny+NotPrincipal applies to callers with a boundary";
    case Rule::kScpLevelWithoutAllow:
      return fmt::format("implicit deny: no SCP at level {} allows the action", level + 1);
    case Rule::kIdentityAllow: return "allowed by " + where();
    case Rule::kResourceAllow: return "allowed by " + where();
    case Rule::kCrossAccountAllow: return "allowed: identity policies and the resource policy (" + where() + ") both allow";
    case Rule::kRootAllow: return "allowed: the root user has full access in its own account";
    case Rule::kNoAllow: return "implicit deny: no identity-based or resource-based policy allows the action";
    case Rule::kAccountGrantWithoutIdentityAllow:
      return "implicit deny: the resource policy grants the action only to the caller's account, and no identity-based "
             "policy of the caller allows it";
    case Rule::kNoResourceGrant:
      return "implicit deny: only a resource-based policy can allow this caller, and none allows it";
    case Rule::kCrossAccountNoResourcePolicy:
      return "implicit deny: cross-account request and no resource-based policy allows the caller";
    case Rule::kKeyPolicyWithoutAllow:
      return policy ? "implicit deny: the KMS key policy does not admit the caller"
                    : "implicit deny: no KMS key policy was given, and only the key policy can admit the caller";
    case Rule::kBoundaryWithoutAllow: return "implicit deny: the permissions boundary does not allow the action";
    case Rule::kSessionWithoutAllow: return "implicit deny: the session policy does not allow the action";
    case Rule::kFederatedWithoutSessionPolicy:
      return "implicit deny: a federated-user session without a session policy has no identity permissions";
    case Rule::kCrossAccountNoResourceGrant:
      return "implicit deny: cross-account request and the resource policy does not allow the caller";
    case Rule::kCrossAccountNoIdentityAllow:
      return "implicit deny: cross-account request and the caller's identity policies do not allow it";
    case Rule::kExplicitTrustRequired:
      return policy ? "implicit deny: the role trust policy does not admit the caller"
                    : "implicit deny: no role trust policy was given, and only the trust policy can admit the caller";
  }
  return "implicit deny";
}

std::string_view deciding_layer(Rule rule) {
  switch (rule) {
    case Rule::kScpLevelWithoutAllow: return "scp";
    case Rule::kBoundaryWithoutAllow: return "boundary";
    case Rule::kSessionWithoutAllow:
    case Rule::kFederatedWithoutSessionPolicy: return "session";
    case Rule::kIdentityAllow:
    case Rule::kRootAllow:
    case Rule::kNoAllow:
    case Rule::kAccountGrantWithoutIdentityAllow:
    case Rule::kCrossAccountNoIdentityAllow: return "identity";
    case Rule::kNotPrincipalBoundary:
    case Rule::kResourceAllow:
    case Rule::kCrossAccountAllow:
    case Rule::kNoResourceGrant:
    case Rule::kCrossAccountNoResourceGrant:
    case Rule::kCrossAccountNoResourcePolicy:
    case Rule::kExplicitTrustRequired:
    case Rule::kKeyPolicyWithoutAllow: return "resource";
    case Rule::kUngatedAction:
    case Rule::kExplicitDeny: return "";
  }
  return "";
}

Outcome evaluate(const Request& request, const PolicySet& policies, Trace* trace, const EvalOptions& options) {
  return Evaluation(request, policies, trace, options).run();
}

}  // namespace iamwarden::eval
