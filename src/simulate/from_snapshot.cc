// The principal's policies from a snapshot, compiled into a simulation case with derived context keys.
#include "simulate/from_snapshot.h"

#include <fmt/format.h>

#include "simulate/derived_keys.h"
#include "snapshot/policy_document.h"
#include "snapshot/principal.h"
#include "snapshot/snapshot.h"

namespace iamwarden::simulate {
namespace {

using snapshot::Attachment;

policy::PolicyKind kind_of(Attachment attachment) {
  switch (attachment) {
    case Attachment::kBoundary: return policy::PolicyKind::kBoundary;
    case Attachment::kScp: return policy::PolicyKind::kScp;
    case Attachment::kRcp: return policy::PolicyKind::kRcp;
    default: return policy::PolicyKind::kIdentity;
  }
}

std::string describe(const snapshot::AppliedPolicy& p) {
  std::string name = fmt::format("{} {}", snapshot::attachment_name(p.attachment), p.name.empty() ? p.arn : p.name);
  if (!p.via.empty()) name += fmt::format(" (via {})", p.via);
  return name;
}

// Compiles one snapshot document into the case; errors carry the snapshot file and pointer.
const eval::CompiledPolicy* compile_document(const snapshot::PolicyDocument& document, policy::PolicyKind kind,
                                             std::string name, SimulationCase& out, std::vector<Error>& errors) {
  policy::ParsedPolicy parsed = snapshot::parse_document(document, kind);
  bool ok = true;
  for (policy::Diagnostic& d : parsed.diagnostics) {
    if (d.level != policy::DiagnosticLevel::kError) continue;
    errors.push_back(std::move(d.error));
    ok = false;
  }
  if (!ok) return nullptr;
  out.policies.push_back(std::make_unique<eval::CompiledPolicy>(eval::compile(parsed.policy, std::move(name))));
  return out.policies.back().get();
}

const eval::CompiledPolicy* compile_applied(const snapshot::AppliedPolicy& p, SimulationCase& out,
                                            std::vector<Error>& errors) {
  if (!p.document) {
    errors.push_back(Error{ErrorCode::kInvalidInput,
                           fmt::format("{} cannot be resolved, so the decision cannot be made", describe(p)), {},
                           "add the policy to the snapshot (or update iamwarden's AWS-managed policy data)"});
    return nullptr;
  }
  return compile_document(*p.document, kind_of(p.attachment), describe(p), out, errors);
}

// sts:AssumeRole* and friends on a role of the snapshot: its trust policy is the resource policy.
void use_trust_policy(const snapshot::Account& account, bool resource_policy_given, SimulationCase& out,
                      std::vector<Error>& errors) {
  const eval::Request& r = out.request;
  if (!decided_by_trust_policy(r.action, r.resource)) return;
  const snapshot::Role* role = account.find_role(r.resource);
  const bool in_snapshot = role && role->arn == r.resource;
  if (resource_policy_given) {
    if (in_snapshot)
      out.notes.push_back(fmt::format(
          "resource policy: the --resource-policy file, instead of the trust policy of role {} from the snapshot",
          role->name));
    return;
  }
  if (!in_snapshot) {
    // The same name with another path is another ARN: say so rather than guess.
    const snapshot::Role* named = account.find_role(r.resource.substr(r.resource.rfind('/') + 1));
    out.notes.push_back(fmt::format("resource policy: {} is not a role of the snapshot{}, so no trust policy is used",
                                    r.resource, named ? fmt::format(" (its role {} is {})", named->name, named->arn) : ""));
    return;
  }
  if (!role->trust_policy) {
    out.notes.push_back(fmt::format("resource policy: role {} has no trust policy in the snapshot", role->name));
    return;
  }
  std::string name = fmt::format("trust policy of role {}", role->name);
  out.set.resource = compile_document(*role->trust_policy, policy::PolicyKind::kTrust, name, out, errors);
  if (out.set.resource) out.notes.push_back(fmt::format("resource policy: {} from the snapshot ({})", name, role->arn));
}

// RCPFullAWSAccess is part of every RCP level already (and is the one RCP with an Allow).
bool is_rcp_full_access(const snapshot::AppliedPolicy& p) {
  return p.attachment == Attachment::kRcp &&
         (p.name == "RCPFullAWSAccess" || p.arn.find("p-RCPFullAWSAccess") != std::string::npos);
}

}  // namespace

bool case_from_snapshot(const snapshot::Account& account, SnapshotQuestion question, SimulationCase& out,
                        std::vector<std::string>& derived_keys, std::vector<Error>& errors) {
  Result<snapshot::PrincipalPolicies> found = snapshot::principal_policies(account, question.principal);
  if (!found) {
    errors.push_back(found.error());  // names the nearest principals ("did you mean")
    return false;
  }
  const snapshot::PrincipalPolicies& pp = *found;
  // A role is simulated as a session of it: the given session ARN, or the role ARN itself.
  const bool session_arn = question.principal.find(":assumed-role/") != std::string::npos;
  Result<eval::Caller> caller = pp.user ? eval::parse_caller(pp.user->arn)
                                        : eval::parse_caller(session_arn ? question.principal : pp.role->arn,
                                                             pp.role->arn);
  if (!caller) {
    errors.push_back(caller.error());
    return false;
  }
  if (pp.role) caller->service_linked = caller->service_linked || pp.role->service_linked();
  eval::RequestOptions options;
  options.caller_in_management_account =
      !account.organization.management_account_id.empty() &&
      account.organization.management_account_id == caller->account;
  const std::string caller_account = caller->account;
  Result<eval::Request> request = eval::make_request(caller.take(), question.action, question.resource,
                                                     question.resource_account, std::move(question.context), options);
  if (!request) {
    errors.push_back(request.error());
    return false;
  }
  out.request = request.take();
  out.file = "<snapshot>";
  out.name = pp.arn;

  derived_keys = eval::add_principal_keys(out.request);
  const std::vector<snapshot::Tag>& tags = pp.user ? pp.user->tags : pp.role->tags;
  for (const snapshot::Tag& tag : tags) add_derived_key(out.request, derived_keys, "aws:PrincipalTag/" + tag.key, tag.value);
  if (pp.user && !pp.user->id.empty()) add_derived_key(out.request, derived_keys, "aws:userid", pp.user->id);
  if (pp.role && !pp.role->id.empty() && !out.request.caller.session_name.empty())
    add_derived_key(out.request, derived_keys, "aws:userid", pp.role->id + ":" + out.request.caller.session_name);
  if (!account.organization.id.empty()) add_derived_key(out.request, derived_keys, "aws:PrincipalOrgID", account.organization.id);
  add_resource_account_key(out.request, !question.resource_account.empty(), derived_keys, out.warnings);
  use_trust_policy(account, question.resource_policy_given, out, errors);

  // RCPs are those of the resource's account: known only when that is the principal's account.
  const bool own_resource = out.request.resource_account == caller_account;
  std::string scp_level, rcp_level;
  for (const snapshot::AppliedPolicy& p : pp.policies) {
    if (p.attachment == Attachment::kRcp && (!own_resource || is_rcp_full_access(p))) {
      if (p.attachment == Attachment::kRcp && own_resource && (out.set.rcp_levels.empty() || p.via != rcp_level)) {
        out.set.rcp_levels.emplace_back();  // the level exists even when RCPFullAWSAccess is all it has
        rcp_level = p.via;
      }
      continue;
    }
    const eval::CompiledPolicy* compiled = compile_applied(p, out, errors);
    if (!compiled) continue;
    switch (p.attachment) {
      case Attachment::kBoundary: out.set.boundary = compiled; break;
      case Attachment::kScp:
        if (out.set.scp_levels.empty() || p.via != scp_level) out.set.scp_levels.emplace_back();
        scp_level = p.via;
        out.set.scp_levels.back().push_back(compiled);
        break;
      case Attachment::kRcp:
        if (out.set.rcp_levels.empty() || p.via != rcp_level) out.set.rcp_levels.emplace_back();
        rcp_level = p.via;
        out.set.rcp_levels.back().push_back(compiled);
        break;
      default: out.set.identity.push_back(compiled); break;
    }
  }
  if (out.set.scp_levels.size() > eval::kMaxOrgLevels || out.set.rcp_levels.size() > eval::kMaxOrgLevels)
    errors.push_back(Error{ErrorCode::kInvalidInput, "the organization path has more levels than AWS allows", {}, ""});
  return errors.empty();
}

}  // namespace iamwarden::simulate
