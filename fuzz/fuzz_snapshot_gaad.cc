// Fuzzes the authorization-details loader and then parses every policy document it kept. Once the
// whole-document check accepts a text, the loader may only find shape errors, never syntax ones.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <cstdlib>

#include "snapshot/authorization_details.h"
#include "snapshot/json_check.h"
#include "snapshot/policy_document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 256 * 1024) return 0;
  using namespace iamwarden::snapshot;
  AuthorizationDetails details;
  iamwarden::Result<void> r =
      parse_authorization_details(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz", details);
  if (!r) {
    (void)r.error().format();
    bool valid = iamwarden::snapshot::check_json_document(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz").ok();
    if (valid && r.error().code == iamwarden::ErrorCode::kJsonSyntax) std::abort();
    return 0;
  }
  auto parse = [](const PolicyDocument& d, iamwarden::policy::PolicyKind kind) {
    iamwarden::policy::ParsedPolicy parsed = parse_document(d, kind);
    for (const auto& diag : parsed.diagnostics) (void)diag.error.format();
  };
  for (const User& u : details.users)
    for (const InlinePolicy& p : u.inline_policies) parse(p.document, iamwarden::policy::PolicyKind::kIdentity);
  for (const Group& g : details.groups)
    for (const InlinePolicy& p : g.inline_policies) parse(p.document, iamwarden::policy::PolicyKind::kIdentity);
  for (const Role& role : details.roles) {
    if (role.trust_policy) parse(*role.trust_policy, iamwarden::policy::PolicyKind::kTrust);
    for (const InlinePolicy& p : role.inline_policies) parse(p.document, iamwarden::policy::PolicyKind::kIdentity);
  }
  for (const ManagedPolicy& p : details.policies) {
    (void)p.default_version();
    for (const PolicyVersion& v : p.versions) parse(v.document, iamwarden::policy::PolicyKind::kIdentity);
  }
  return 0;
}
