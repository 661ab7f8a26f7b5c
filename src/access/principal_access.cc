// Building a principal's access layers from the snapshot (see principal_access.h).
#include "access/principal_access.h"

#include <fmt/format.h>

#include "base/ascii.h"
#include "snapshot/policy_document.h"
#include "snapshot/principal.h"

namespace iamwarden::access {
namespace {

policy::PolicyKind kind_of(snapshot::Attachment attachment) {
  switch (attachment) {
    case snapshot::Attachment::kBoundary: return policy::PolicyKind::kBoundary;
    case snapshot::Attachment::kScp: return policy::PolicyKind::kScp;
    default: return policy::PolicyKind::kIdentity;
  }
}

bool mentions(std::string_view text, std::string_view lower_word) {
  if (text.size() < lower_word.size()) return false;
  for (size_t i = 0; i + lower_word.size() <= text.size(); ++i) {
    size_t k = 0;
    while (k < lower_word.size() && ascii_lower(text[i + k]) == lower_word[k]) ++k;
    if (k == lower_word.size()) return true;
  }
  return false;
}

// Known-key bits a document cannot read make no difference to its bounds: dropping them lets users
// and roles (which differ in aws:userid) share one parsed and bounded copy of a managed policy.
KnownKeys relevant_known(std::string_view text, KnownKeys known) {
  uint8_t bits = static_cast<uint8_t>(known);
  if (has(known, KnownKeys::kUserId) && !mentions(text, "userid")) bits &= ~static_cast<uint8_t>(KnownKeys::kUserId);
  if (has(known, KnownKeys::kOrganization) && !mentions(text, "org"))
    bits &= ~static_cast<uint8_t>(KnownKeys::kOrganization);
  return static_cast<KnownKeys>(bits);
}

}  // namespace

const BoundedPolicy* PolicyCache::get(const snapshot::PolicyDocument& document, policy::PolicyKind kind,
                                      std::string_view name, KnownKeys known, std::string& error) {
  known = relevant_known(document.text, known);
  Entry* entry = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::unique_ptr<Entry>& slot = entries_[{&document, static_cast<int>(kind) * 16 + static_cast<int>(known)}];
    if (!slot) slot = std::make_unique<Entry>();
    entry = slot.get();
  }
  // Parsed once however many principals share the document; other documents build in parallel.
  std::call_once(entry->built, [&] {
    policy::ParsedPolicy parsed = snapshot::parse_document(document, kind);
    for (const policy::Diagnostic& d : parsed.diagnostics) {
      if (d.level != policy::DiagnosticLevel::kError) continue;
      entry->error = d.error.format();
      break;
    }
    if (entry->error.empty())
      entry->policy = std::make_unique<BoundedPolicy>(bound_and_compile(parsed.policy, std::string(name), known));
  });
  error = entry->error;
  return entry->policy.get();
}

Result<PrincipalAccess> principal_access(const snapshot::Account& account, std::string_view name_or_arn,
                                         PolicyCache& cache) {
  Result<snapshot::PrincipalPolicies> found = snapshot::principal_policies(account, name_or_arn);
  if (!found) return found.error();
  const snapshot::PrincipalPolicies& pp = *found;
  PrincipalAccess out;
  out.arn = pp.arn;
  out.name = pp.name;
  out.is_role = pp.role != nullptr;
  Result<eval::Caller> caller = pp.user ? eval::parse_caller(pp.user->arn) : eval::parse_caller(pp.role->arn, pp.role->arn);
  if (!caller) return caller.error();
  out.caller = caller.take();
  if (pp.role) out.caller.service_linked = out.caller.service_linked || pp.role->service_linked();
  const bool management = !account.organization.management_account_id.empty() &&
                          account.organization.management_account_id == out.caller.account;

  // The context keys the principal decides, as simulate --snapshot derives them.
  Result<eval::Request> probe = eval::make_request(out.caller, "sts:GetCallerIdentity", "*", "", {});
  if (!probe) return probe.error();
  eval::add_principal_keys(*probe);
  for (const snapshot::Tag& tag : pp.user ? pp.user->tags : pp.role->tags)
    probe->context.set_default("aws:PrincipalTag/" + tag.key, tag.value);
  if (pp.user && !pp.user->id.empty()) probe->context.set_default("aws:userid", pp.user->id);
  KnownKeys known = KnownKeys::kPrincipal;
  if (pp.user && !pp.user->id.empty()) known = known | KnownKeys::kUserId;
  if (!account.organization.id.empty()) {
    probe->context.set_default("aws:PrincipalOrgID", account.organization.id);
    known = known | KnownKeys::kOrganization;
  }
  out.context = std::move(probe->context);
  out.layers.known = known;

  for (const std::string& u : pp.unresolved) out.problems.push_back(fmt::format("{} cannot be resolved", u));
  bool dependent = false;
  std::string key = fmt::format("{}|{}|{}|", static_cast<int>(out.caller.kind), out.caller.service_linked, management);
  std::string scp_level;
  for (const snapshot::AppliedPolicy& p : pp.policies) {
    if (p.attachment == snapshot::Attachment::kRcp) continue;  // RCPs bound resources, not the principal
    if (p.attachment == snapshot::Attachment::kScp && management) continue;
    if (!p.document) continue;  // listed in pp.unresolved
    std::string label = p.name.empty() ? p.arn : p.name;
    std::string error;
    const BoundedPolicy* bounded = cache.get(*p.document, kind_of(p.attachment), label, known, error);
    if (!bounded) {
      out.problems.push_back(fmt::format("{} {} does not parse: {}", snapshot::attachment_name(p.attachment), label, error));
      continue;
    }
    dependent = dependent || bounded->principal_dependent;
    switch (p.attachment) {
      case snapshot::Attachment::kBoundary: out.layers.boundary = bounded; key += "b"; break;
      case snapshot::Attachment::kScp:
        if (out.layers.scp_levels.empty() || p.via != scp_level) {
          out.layers.scp_levels.emplace_back();
          key += "|";
        }
        scp_level = p.via;
        out.layers.scp_levels.back().push_back(bounded);
        key += "s";
        break;
      default: out.layers.identity.push_back(bounded); key += "i"; break;
    }
    key += fmt::format("{},", static_cast<const void*>(bounded));
  }
  if (management) out.scp_note = "SCPs do not apply in the management account";
  else if (out.caller.service_linked) out.scp_note = "SCPs do not apply to service-linked roles";
  else if (!pp.scps_evaluated) out.scp_note = pp.scp_note.empty() ? "SCPs not in the snapshot" : pp.scp_note;
  if (!dependent) out.shared_key = std::move(key);
  return out;
}

}  // namespace iamwarden::access
