// A prepared authorization request: who calls, which action on which resource, with what context.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "eval/arn.h"
#include "eval/context.h"

namespace iamwarden::eval {

/// What kind of caller makes the request (spec §3.5); decides which policy layers apply.
enum class CallerKind : uint8_t {
  kRoot, kUser, kRoleSession, kFederatedUser, kServicePrincipal, kWebIdentity, kAnonymous,
};

/// Name for traces ("IAM user", "role session", ...).
std::string_view caller_kind_name(CallerKind kind);

/// The caller, classified once from its ARN or service principal name.
struct Caller {
  CallerKind kind = CallerKind::kAnonymous;
  std::string arn;        ///< as given ("s3.amazonaws.com" for a service principal)
  std::string partition;
  std::string account;
  std::string role_arn;   ///< role sessions: the role ARN (with path when given)
  std::string role_name;  ///< role sessions: role name (last path segment)
  bool role_path_known = false;
  std::string session_name;
  std::string federating_user;  ///< federated-user sessions: the IAM user that federated, if known
  bool service_linked = false;  ///< role path /aws-service-role/ or name AWSServiceRoleFor*
  bool is_session() const { return kind == CallerKind::kRoleSession || kind == CallerKind::kFederatedUser; }
  bool is_iam_principal() const {
    return kind == CallerKind::kRoot || kind == CallerKind::kUser || kind == CallerKind::kRoleSession ||
           kind == CallerKind::kFederatedUser;
  }
};

/// Parses a caller: an IAM/STS ARN, a service principal, an identity provider, or "anonymous"/"*"/"".
/// role_arn and federating_user optionally complete sessions.
Result<Caller> parse_caller(std::string_view principal, std::string_view role_arn = {},
                            std::string_view federating_user = {});

/// Exemptions that the request data cannot show by itself (spec §5.3).
struct RequestOptions {
  bool caller_in_management_account = false;    ///< SCPs do not apply
  bool resource_in_management_account = false;  ///< RCPs do not apply
};

/// A request ready for evaluation. Evaluating it allocates nothing.
struct Request {
  std::string action;       ///< as given
  std::string service;      ///< lower case
  uint64_t service_hash = 0;  ///< key_hash(service)
  std::string action_name;  ///< lower case
  std::string resource;     ///< ARN or "*"
  std::array<uint32_t, 5> resource_colons{};  ///< offsets of the ARN's first five colons (when an ARN)
  bool resource_is_arn = false;
  bool ungated = false;       ///< an action policies do not control (sts:GetCallerIdentity, ...)
  bool needs_explicit_trust = false;  ///< role trust policy / KMS key policy must admit the caller
  std::string resource_account;  ///< from the request, else the ARN, else the caller's account
  Caller caller;
  Context context;
  RequestOptions options;
};

/// The resource ARN's six parts, from the offsets found once by make_request (no scanning).
ArnParts resource_parts(const Request& request);

/// Builds a request; resource_account may be empty.
Result<Request> make_request(Caller caller, std::string_view action, std::string_view resource,
                             std::string_view resource_account, Context context, RequestOptions options = {});

/// Points a request at another action of the catalog (service prefix and action name, any case),
/// keeping caller, resource and context. Reuses the strings' storage: retargeting many times does
/// not allocate once the longest name has been seen.
void retarget(Request& request, std::string_view service, std::string_view action_name);

/// Fills the keys AWS derives from the principal (aws:PrincipalArn, aws:PrincipalAccount, aws:username,
/// aws:userid where known, aws:PrincipalType) unless already given; returns the keys added.
std::vector<std::string> add_principal_keys(Request& request);

}  // namespace iamwarden::eval
