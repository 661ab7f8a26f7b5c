// Caller classification and request preparation.
#include "eval/request.h"

#include <fmt/format.h>

#include "eval/arn.h"

namespace iamwarden::eval {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_service_principal(std::string_view s) {
  return ends_with(s, ".amazonaws.com") || ends_with(s, ".amazonaws.com.cn") || ends_with(s, ".aws.internal") ||
         ends_with(s, ".amazon.com");
}

bool is_identity_provider(std::string_view s) {
  return s == "accounts.google.com" || s == "graph.facebook.com" || s == "www.amazon.com";
}

Error caller_error(std::string_view principal, std::string_view why) {
  return Error{ErrorCode::kInvalidInput, fmt::format("cannot read principal \"{}\": {}", principal, why), {},
               "give an IAM or STS ARN (user, role, assumed-role, federated-user, root), a service principal such as "
               "\"s3.amazonaws.com\", or \"anonymous\""};
}

}  // namespace

std::string_view caller_kind_name(CallerKind kind) {
  switch (kind) {
    case CallerKind::kRoot: return "root user";
    case CallerKind::kUser: return "IAM user";
    case CallerKind::kRoleSession: return "role session";
    case CallerKind::kFederatedUser: return "federated-user session";
    case CallerKind::kServicePrincipal: return "service principal";
    case CallerKind::kWebIdentity: return "identity provider";
    case CallerKind::kAnonymous: return "anonymous caller";
  }
  return "caller";
}

Result<Caller> parse_caller(std::string_view principal, std::string_view role_arn, std::string_view federating_user) {
  Caller c;
  c.arn = std::string(principal);
  if (principal.empty() || principal == "*" || principal == "anonymous") {
    c.kind = CallerKind::kAnonymous;
    return c;
  }
  if (principal.size() == 12 && principal.find_first_not_of("0123456789") == std::string_view::npos) {
    // A bare account id stands for the account's root user, as in a Principal element.
    c.kind = CallerKind::kRoot;
    c.partition = "aws";
    c.account = std::string(principal);
    c.arn = fmt::format("arn:aws:iam::{}:root", principal);
    return c;
  }
  if (principal.rfind("arn:", 0) != 0) {
    if (is_identity_provider(principal)) c.kind = CallerKind::kWebIdentity;
    else if (is_service_principal(principal)) c.kind = CallerKind::kServicePrincipal;
    else return caller_error(principal, "not an ARN, a service principal or \"anonymous\"");
    return c;
  }
  ArnParts arn = split_arn(principal);
  if (!arn.ok) return caller_error(principal, "an ARN has six colon-separated parts");
  c.partition = std::string(arn.partition());
  c.account = std::string(arn.account());
  std::string_view res = arn.resource();
  if (arn.service() == "iam") {
    if (res == "root") {
      c.kind = CallerKind::kRoot;
    } else if (res.rfind("user/", 0) == 0) {
      c.kind = CallerKind::kUser;
    } else if (res.rfind("role/", 0) == 0) {
      // A role ARN as the caller stands for a session of that role.
      c.kind = CallerKind::kRoleSession;
      c.role_arn = c.arn;
      c.role_path_known = true;
      c.role_name = std::string(res.substr(res.rfind('/') + 1));
    } else if (res.rfind("saml-provider/", 0) == 0 || res.rfind("oidc-provider/", 0) == 0) {
      c.kind = CallerKind::kWebIdentity;
    } else {
      return caller_error(principal, "IAM ARNs of callers are root, user/... or role/...");
    }
  } else if (arn.service() == "sts") {
    if (res.rfind("assumed-role/", 0) == 0) {
      std::string_view rest = res.substr(13);
      size_t slash = rest.find('/');
      if (slash == std::string_view::npos || slash == 0)
        return caller_error(principal, "an assumed-role ARN is arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION");
      c.kind = CallerKind::kRoleSession;
      c.role_name = std::string(rest.substr(0, slash));
      c.session_name = std::string(rest.substr(slash + 1));
      c.role_arn = fmt::format("arn:{}:iam::{}:role/{}", c.partition, c.account, c.role_name);
    } else if (res.rfind("federated-user/", 0) == 0) {
      c.kind = CallerKind::kFederatedUser;
    } else {
      return caller_error(principal, "STS ARNs of callers are assumed-role/... or federated-user/...");
    }
  } else {
    return caller_error(principal, "callers are IAM or STS principals");
  }
  if (!role_arn.empty()) {
    if (c.kind != CallerKind::kRoleSession) return caller_error(principal, "principalRoleArn is only for role sessions");
    ArnParts role = split_arn(role_arn);
    std::string_view role_res = role.ok ? role.resource() : std::string_view();
    if (!role.ok || role.service() != "iam" || role_res.rfind("role/", 0) != 0 ||
        role_res.substr(role_res.rfind('/') + 1) != c.role_name || role.account() != c.account)
      return caller_error(role_arn, "principalRoleArn must be the ARN of the session's role (same account and name)");
    c.role_arn = std::string(role_arn);
    c.role_path_known = true;
  }
  if (!federating_user.empty()) {
    if (c.kind != CallerKind::kFederatedUser)
      return caller_error(principal, "federatingUser is only for federated-user sessions");
    c.federating_user = std::string(federating_user);
  }
  if (c.kind == CallerKind::kRoleSession) {
    c.service_linked = c.role_arn.find(":role/aws-service-role/") != std::string::npos ||
                       c.role_name.rfind("AWSServiceRoleFor", 0) == 0;
  }
  return c;
}

Result<Request> make_request(Caller caller, std::string_view action, std::string_view resource,
                             std::string_view resource_account, Context context, RequestOptions options) {
  Request r;
  size_t colon = action.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == action.size() ||
      action.find(':', colon + 1) != std::string_view::npos || action.find_first_of("*? ") != std::string_view::npos) {
    return Error{ErrorCode::kInvalidInput, fmt::format("request action \"{}\" is not \"service:Action\"", action), {},
                 "a request names one concrete action, e.g. \"s3:GetObject\""};
  }
  if (resource.empty())
    return Error{ErrorCode::kInvalidInput, "request resource is empty", {},
                 "give the resource ARN, or \"*\" for actions without resource-level permissions"};
  if (resource != "*" && (resource.rfind("arn:", 0) != 0 || !split_arn(resource).ok))
    return Error{ErrorCode::kInvalidInput, fmt::format("request resource \"{}\" is not an ARN", resource), {},
                 "give a full ARN (arn:partition:service:region:account:resource) or \"*\""};
  r.resource = std::string(resource);
  if (resource != "*") {
    r.resource_is_arn = true;
    size_t start = 0;
    for (uint32_t& offset : r.resource_colons) {
      offset = static_cast<uint32_t>(resource.find(':', start));
      start = offset + 1;
    }
  }
  retarget(r, action.substr(0, colon), action.substr(colon + 1));
  ArnParts parts = resource_parts(r);
  if (!resource_account.empty()) {
    r.resource_account = std::string(resource_account);
  } else if (parts.ok && !parts.account().empty()) {
    r.resource_account = std::string(parts.account());
  } else {
    r.resource_account = caller.account;
  }
  r.caller = std::move(caller);
  r.context = std::move(context);
  r.options = options;
  return r;
}

void retarget(Request& r, std::string_view service, std::string_view action_name) {
  r.action.assign(service);
  r.action += ':';
  r.action += action_name;
  fold_case_into(r.service, service);
  r.service_hash = key_hash(r.service);
  fold_case_into(r.action_name, action_name);
  r.ungated = r.service == "sts" && (r.action_name == "getcalleridentity" || r.action_name == "getsessiontoken");
  ArnParts parts = resource_parts(r);
  r.needs_explicit_trust =
      parts.ok && ((r.service == "sts" && parts.service() == "iam" && parts.resource().rfind("role/", 0) == 0) ||
                   (r.service == "kms" && parts.service() == "kms" && parts.resource().rfind("key/", 0) == 0));
}

ArnParts resource_parts(const Request& request) {
  ArnParts parts;
  if (!request.resource_is_arn) return parts;
  std::string_view text = request.resource;
  uint32_t start = 0;
  for (size_t i = 0; i < 5; ++i) {
    parts.part[i] = text.substr(start, request.resource_colons[i] - start);
    start = request.resource_colons[i] + 1;
  }
  parts.part[5] = text.substr(start);
  parts.ok = true;
  return parts;
}

std::vector<std::string> add_principal_keys(Request& request) {
  std::vector<std::string> added;
  auto add = [&](std::string_view key, std::string value) {
    if (request.context.find(key)) return;
    (void)request.context.set(key, std::move(value));
    added.emplace_back(key);
  };
  const Caller& c = request.caller;
  switch (c.kind) {
    case CallerKind::kRoot:
      add("aws:PrincipalArn", c.arn);
      add("aws:PrincipalAccount", c.account);
      add("aws:PrincipalType", "Account");
      add("aws:userid", c.account);
      break;
    case CallerKind::kUser:
      add("aws:PrincipalArn", c.arn);
      add("aws:PrincipalAccount", c.account);
      add("aws:PrincipalType", "User");
      add("aws:username", c.arn.substr(c.arn.rfind('/') + 1));
      break;
    case CallerKind::kRoleSession:
      add("aws:PrincipalArn", c.role_arn);
      add("aws:PrincipalAccount", c.account);
      add("aws:PrincipalType", "AssumedRole");
      break;
    case CallerKind::kFederatedUser:
      add("aws:PrincipalArn", c.arn);
      add("aws:PrincipalAccount", c.account);
      add("aws:PrincipalType", "FederatedUser");
      add("aws:userid", fmt::format("{}:{}", c.account, c.arn.substr(c.arn.rfind('/') + 1)));
      break;
    case CallerKind::kAnonymous:
      add("aws:PrincipalAccount", "anonymous");
      add("aws:PrincipalType", "Anonymous");
      add("aws:userid", "anonymous");
      break;
    case CallerKind::kServicePrincipal:
      add("aws:PrincipalIsAWSService", "true");
      add("aws:PrincipalServiceName", c.arn);
      break;
    case CallerKind::kWebIdentity:
      break;
  }
  if (c.is_iam_principal()) add("aws:PrincipalIsAWSService", "false");
  return added;
}

}  // namespace iamwarden::eval
