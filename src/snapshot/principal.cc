// Gathering a principal's policies from the account model (see principal.h).
#include "snapshot/principal.h"

#include <fmt/format.h>

#include "base/closest_match.h"
#include "snapshot/principal_suggest.h"

namespace iamwarden::snapshot {
namespace {

// arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION -> ROLE.
std::string_view session_role(std::string_view arn) {
  size_t pos = arn.find(":assumed-role/");
  if (arn.rfind("arn:", 0) != 0 || arn.find(":sts::") == std::string_view::npos || pos == std::string_view::npos)
    return {};
  std::string_view rest = arn.substr(pos + 14);
  return rest.substr(0, rest.find('/'));
}

void add_managed(const Account& account, PrincipalPolicies& out, const PolicyRef& ref, Attachment attachment,
                 const std::string& via) {
  AppliedPolicy applied;
  applied.attachment = attachment;
  applied.arn = ref.arn;
  applied.name = ref.name;
  applied.via = via;
  if (const ManagedPolicy* p = account.find_policy(ref.arn)) {
    applied.name = p->name;
    applied.source = p->source;
    if (const PolicyVersion* v = p->default_version()) {
      applied.version_id = v->version_id;
      applied.document = &v->document;
    }
  }
  if (!applied.document) out.unresolved.push_back(ref.arn);
  out.policies.push_back(std::move(applied));
}

void add_inline(PrincipalPolicies& out, const std::vector<InlinePolicy>& policies, Attachment attachment,
                const std::string& via) {
  for (const InlinePolicy& p : policies) {
    AppliedPolicy applied;
    applied.attachment = attachment;
    applied.name = p.name;
    applied.via = via;
    applied.document = &p.document;
    out.policies.push_back(std::move(applied));
  }
}

void add_org_policies(const Account& account, PrincipalPolicies& out, bool service_linked) {
  const Organization& org = account.organization;
  if (!org.present) {
    out.scp_note = "no organizations data in the snapshot: SCPs and RCPs not evaluated";
    return;
  }
  if (!org.management_account_id.empty() && org.management_account_id == account.account_id) {
    out.scp_note = "the management account: SCPs do not apply";
    out.scps_evaluated = true;
    return;
  }
  if (org.path.empty()) {
    out.scp_note = "the organization path (list-parents up to the root) is incomplete: SCPs not evaluated";
    return;
  }
  out.scps_evaluated = true;
  for (const OrgLevel& level : org.path) {
    std::string via = fmt::format("{} ({})", level.id, level.type);
    if (!level.scps_known) out.scps_evaluated = false;
    for (auto [ids, attachment] : {std::pair{&level.scp_ids, Attachment::kScp}, std::pair{&level.rcp_ids, Attachment::kRcp}}) {
      if (attachment == Attachment::kScp && service_linked) continue;
      for (const std::string& id : *ids) {
        AppliedPolicy applied;
        applied.attachment = attachment;
        applied.arn = id;
        applied.via = via;
        auto it = org.policies.find(id);
        if (it != org.policies.end()) {
          applied.name = it->second.name;
          if (!it->second.arn.empty()) applied.arn = it->second.arn;
          if (it->second.content_known) applied.document = &it->second.document;
        }
        if (!applied.document) {
          out.unresolved.push_back(id);
          if (attachment == Attachment::kScp) out.scps_evaluated = false;
        }
        out.policies.push_back(std::move(applied));
      }
    }
  }
  if (service_linked) out.scp_note = "a service-linked role: SCPs do not apply";
  else if (!out.scps_evaluated) out.scp_note = "some SCP levels or contents are missing: SCPs not fully evaluated";
}

}  // namespace

std::string_view attachment_name(Attachment a) {
  switch (a) {
    case Attachment::kInline: return "inline";
    case Attachment::kManaged: return "managed";
    case Attachment::kGroupInline: return "group-inline";
    case Attachment::kGroupManaged: return "group-managed";
    case Attachment::kBoundary: return "boundary";
    case Attachment::kScp: return "scp";
    case Attachment::kRcp: return "rcp";
  }
  return "unknown";
}

Result<PrincipalPolicies> principal_policies(const Account& account, std::string_view name_or_arn) {
  PrincipalPolicies out;
  std::string_view key = name_or_arn;
  if (std::string_view role = session_role(name_or_arn); !role.empty()) key = role;
  const User* user = key == name_or_arn ? account.find_user(key) : nullptr;
  const Role* role = user ? nullptr : account.find_role(key);
  if (!user && !role) {
    // Every command that looks a principal up (access, snapshot principal, simulate) suggests names.
    return Error{ErrorCode::kInvalidInput,
                 fmt::format("no user or role \"{}\" in the snapshot{}", name_or_arn,
                             did_you_mean(suggest_principals(account, name_or_arn))),
                 SourceLoc{}, "give a user or role name, ARN or unique id"};
  }
  if (user) {
    out.user = user;
    out.arn = user->arn;
    out.name = user->name;
    add_inline(out, user->inline_policies, Attachment::kInline, "");
    for (const PolicyRef& ref : user->attached) add_managed(account, out, ref, Attachment::kManaged, "");
    for (const std::string& group_name : user->groups) {
      const Group* group = account.find_group(group_name);
      if (!group) {
        out.unresolved.push_back("group " + group_name);
        continue;
      }
      add_inline(out, group->inline_policies, Attachment::kGroupInline, group->name);
      for (const PolicyRef& ref : group->attached) add_managed(account, out, ref, Attachment::kGroupManaged, group->name);
    }
    if (user->boundary) add_managed(account, out, *user->boundary, Attachment::kBoundary, "");
    add_org_policies(account, out, false);
  } else {
    out.role = role;
    out.arn = role->arn;
    out.name = role->name;
    add_inline(out, role->inline_policies, Attachment::kInline, "");
    for (const PolicyRef& ref : role->attached) add_managed(account, out, ref, Attachment::kManaged, "");
    if (role->boundary) add_managed(account, out, *role->boundary, Attachment::kBoundary, "");
    add_org_policies(account, out, role->service_linked());
  }
  return out;
}

}  // namespace iamwarden::snapshot
