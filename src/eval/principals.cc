// Principal matching and its match classes (spec §3.5, §5.2).
#include "eval/internal.h"

namespace iamwarden::eval::detail {
namespace {

using Kind = CompiledPrincipal::Kind;

bool same_role(const CompiledPrincipal& p, const Caller& caller) {
  if (caller.kind != CallerKind::kRoleSession) return false;
  // With the full role ARN compare exactly; from a session ARN alone only account + name are known.
  if (caller.role_path_known) return p.value == caller.role_arn;
  return p.account == caller.account && p.partition == caller.partition && p.name == caller.role_name;
}

uint8_t classes_of(const CompiledPrincipal& p, const Caller& caller) {
  switch (p.kind) {
    case Kind::kAny: return kClassWildcard;
    case Kind::kAccount:
      return caller.is_iam_principal() && p.account == caller.account && p.partition == caller.partition
                 ? kClassAccount : 0;
    case Kind::kUser:
      if (caller.kind == CallerKind::kUser && p.value == caller.arn) return kClassDirect;
      if (caller.kind == CallerKind::kFederatedUser && p.value == caller.federating_user)
        return kClassUserOfFederatedSession;
      return 0;
    case Kind::kRole: return same_role(p, caller) ? kClassRoleOfSession : 0;
    case Kind::kAssumedRole:
      return caller.kind == CallerKind::kRoleSession && !caller.session_name.empty() && p.value == caller.arn
                 ? kClassDirect : 0;
    case Kind::kFederatedUser:
      return caller.kind == CallerKind::kFederatedUser && p.value == caller.arn ? kClassDirect : 0;
    case Kind::kService:
      return caller.kind == CallerKind::kServicePrincipal && p.value == caller.arn ? kClassDirect : 0;
    case Kind::kFederated:
      return (caller.kind == CallerKind::kWebIdentity || caller.kind == CallerKind::kServicePrincipal) &&
                     p.value == caller.arn ? kClassDirect : 0;
    case Kind::kOther: return p.value == caller.arn ? kClassDirect : 0;
  }
  return 0;
}

// Under strict-chain NotPrincipal semantics a caller escapes a Deny only when its account, its role
// (for sessions) and its own ARN are all listed [NPRIN].
bool excluded_by_chain(const CompiledStatement& st, const Caller& caller) {
  uint8_t covered = 0;
  for (const CompiledPrincipal& p : st.principals) {
    if (p.kind == Kind::kAny) return true;
    covered |= classes_of(p, caller);
  }
  switch (caller.kind) {
    case CallerKind::kRoot: return covered & kClassAccount;
    case CallerKind::kUser: return (covered & kClassAccount) && (covered & kClassDirect);
    case CallerKind::kRoleSession:
      return (covered & kClassAccount) && (covered & kClassRoleOfSession) &&
             ((covered & kClassDirect) || caller.session_name.empty());
    case CallerKind::kFederatedUser: return (covered & kClassAccount) && (covered & kClassDirect);
    case CallerKind::kServicePrincipal:
    case CallerKind::kWebIdentity: return covered & kClassDirect;
    case CallerKind::kAnonymous: return false;
  }
  return false;
}

}  // namespace

uint8_t principal_classes(const CompiledStatement& st, const Caller& caller, bool caller_has_boundary,
                          bool strict_not_principal_chain) {
  switch (st.principal_mode) {
    case policy::ElementMode::kAbsent: return 0;  // a resource statement without Principal never matches
    case policy::ElementMode::kNormal: {
      uint8_t classes = 0;
      for (const CompiledPrincipal& p : st.principals) classes |= classes_of(p, caller);
      return classes;
    }
    case policy::ElementMode::kNot: {
      if (st.effect == policy::Effect::kDeny) {
        if (caller_has_boundary) return kClassWildcard;
        bool excluded = false;
        if (strict_not_principal_chain) {
          excluded = excluded_by_chain(st, caller);
        } else {
          for (const CompiledPrincipal& p : st.principals) excluded = excluded || classes_of(p, caller) != 0;
        }
        return excluded ? 0 : kClassWildcard;
      }
      for (const CompiledPrincipal& p : st.principals)
        if (classes_of(p, caller) != 0) return 0;
      return kClassWildcard;
    }
  }
  return 0;
}

}  // namespace iamwarden::eval::detail
