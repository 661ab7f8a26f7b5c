// The small snapshot files: manifest, password policy, summary, MFA, providers, certificates, analyzers,
// service last accessed.
#include "snapshot/load_files.h"

#include <fmt/format.h>

#include "snapshot/json_fields.h"
#include "snapshot/policy_document.h"

namespace iamwarden::snapshot {
namespace {

// The response object (placebo recordings unwrapped), or an error when it is not an object.
Result<const JsonNode*> response_of(const JsonDocument& doc, std::string& pointer) {
  const JsonNode& r = unwrap_recording(doc.root, pointer);
  if (Result<void> k = expect_kind(doc, r, pointer, JsonNode::Kind::kObject); !k) return k.error();
  return &r;
}

}  // namespace

Result<void> load_manifest(const JsonDocument& doc, Manifest& out) {
  std::string p;
  const JsonNode* root = nullptr;
  IAMWARDEN_SNAPSHOT_TRY(root, response_of(doc, p));
  out.present = true;
  IAMWARDEN_SNAPSHOT_TRY(out.account_id, get_string(doc, *root, p, "accountId"));
  IAMWARDEN_SNAPSHOT_TRY(out.partition, get_string(doc, *root, p, "partition"));
  IAMWARDEN_SNAPSHOT_TRY(out.collected_at, get_string(doc, *root, p, "collectedAt"));
  IAMWARDEN_SNAPSHOT_TRY(out.tool, get_string(doc, *root, p, "tool"));
  const JsonNode* regions = nullptr;
  IAMWARDEN_SNAPSHOT_TRY(regions, get_array(doc, *root, p, "regions"));
  if (regions) {
    for (size_t i = 0; i < regions->items.size(); ++i) {
      const JsonNode& r = regions->items[i];
      if (Result<void> k = expect_kind(doc, r, child_pointer(child_pointer(p, "regions"), i), JsonNode::Kind::kString); !k)
        return k.error();
      out.regions.push_back(r.text);
    }
  }
  if (const JsonNode* files = root->find("files")) {
    std::string fp = child_pointer(p, "files");
    if (Result<void> k = expect_kind(doc, *files, fp, JsonNode::Kind::kObject); !k) return k.error();
    for (const JsonMember& m : files->members) {
      std::string mp = child_pointer(fp, m.key);
      if (Result<void> k = expect_kind(doc, m.value, mp, JsonNode::Kind::kObject); !k) return k.error();
      FileRecord record;
      record.path = m.key;
      std::string status, error;
      IAMWARDEN_SNAPSHOT_TRY(status, get_string(doc, m.value, mp, "status"));
      IAMWARDEN_SNAPSHOT_TRY(error, get_string(doc, m.value, mp, "error"));
      if (status == "ok") record.status = FileStatus::kLoaded;
      else if (status == "not_found") record.status = FileStatus::kNotFound;
      else if (status == "failed") record.status = FileStatus::kFailed;
      else
        return json_error(doc, m.value, child_pointer(mp, "status"),
                          fmt::format("unknown status \"{}\" (ok, not_found or failed)", status));
      record.detail = error;
      out.files[record.path] = std::move(record);
    }
  }
  return {};
}

Result<void> load_password_policy(const JsonDocument& doc, PasswordPolicy& out) {
  std::string p;
  const JsonNode* root = nullptr;
  IAMWARDEN_SNAPSHOT_TRY(root, response_of(doc, p));
  if (error_code(*root) == "NoSuchEntity") {
    out = PasswordPolicy{};
    out.state = PasswordPolicyState::kNone;
    return {};
  }
  const JsonNode* policy = root->find("PasswordPolicy");
  if (!policy) {
    if (std::string code = error_code(*root); !code.empty())
      return json_error(doc, *root, p, fmt::format("the file records an AWS error ({})", code));
    return json_error(doc, *root, p, "no \"PasswordPolicy\" object (nor a NoSuchEntity error)");
  }
  p = child_pointer(p, "PasswordPolicy");
  if (Result<void> k = expect_kind(doc, *policy, p, JsonNode::Kind::kObject); !k) return k.error();
  out.state = PasswordPolicyState::kPresent;
  IAMWARDEN_SNAPSHOT_TRY(out.minimum_length, get_int(doc, *policy, p, "MinimumPasswordLength"));
  IAMWARDEN_SNAPSHOT_TRY(out.require_symbols, get_bool(doc, *policy, p, "RequireSymbols"));
  IAMWARDEN_SNAPSHOT_TRY(out.require_numbers, get_bool(doc, *policy, p, "RequireNumbers"));
  IAMWARDEN_SNAPSHOT_TRY(out.require_uppercase, get_bool(doc, *policy, p, "RequireUppercaseCharacters"));
  IAMWARDEN_SNAPSHOT_TRY(out.require_lowercase, get_bool(doc, *policy, p, "RequireLowercaseCharacters"));
  IAMWARDEN_SNAPSHOT_TRY(out.allow_users_to_change, get_bool(doc, *policy, p, "AllowUsersToChangePassword"));
  IAMWARDEN_SNAPSHOT_TRY(out.expire_passwords, get_bool(doc, *policy, p, "ExpirePasswords"));
  IAMWARDEN_SNAPSHOT_TRY(out.max_age_days, get_int(doc, *policy, p, "MaxPasswordAge"));
  IAMWARDEN_SNAPSHOT_TRY(out.reuse_prevention, get_int(doc, *policy, p, "PasswordReusePrevention"));
  IAMWARDEN_SNAPSHOT_TRY(out.hard_expiry, get_bool(doc, *policy, p, "HardExpiry"));
  return {};
}

Result<void> load_account_summary(const JsonDocument& doc, std::map<std::string, int64_t>& out) {
  std::string p;
  const JsonNode* root = nullptr;
  IAMWARDEN_SNAPSHOT_TRY(root, response_of(doc, p));
  const JsonNode* map = root->find("SummaryMap");
  if (!map) return json_error(doc, *root, p, "no \"SummaryMap\" object");
  p = child_pointer(p, "SummaryMap");
  if (Result<void> k = expect_kind(doc, *map, p, JsonNode::Kind::kObject); !k) return k.error();
  for (const JsonMember& m : map->members) {
    std::optional<int64_t> value;
    IAMWARDEN_SNAPSHOT_TRY(value, get_int(doc, *map, p, m.key));
    if (value) out[m.key] = *value;
  }
  return {};
}

Result<void> load_virtual_mfa_devices(const JsonDocument& doc, std::vector<MfaDevice>& out) {
  std::string p;
  const JsonNode* root = nullptr;
  IAMWARDEN_SNAPSHOT_TRY(root, response_of(doc, p));
  return each_object(doc, *root, p, "VirtualMFADevices", [&](const JsonNode& d, const std::string& dp) -> Result<void> {
    MfaDevice device;
    IAMWARDEN_SNAPSHOT_TRY(device.serial_number, get_string(doc, d, dp, "SerialNumber"));
    IAMWARDEN_SNAPSHOT_TRY(device.enable_date, get_timestamp(doc, d, dp, "EnableDate"));
    if (const JsonNode* user = d.find("User"); user && user->kind != JsonNode::Kind::kNull) {
      std::string up = child_pointer(dp, "User");
      if (Result<void> k = expect_kind(doc, *user, up, JsonNode::Kind::kObject); !k) return k;
      IAMWARDEN_SNAPSHOT_TRY(device.user_arn, get_string(doc, *user, up, "Arn"));
      IAMWARDEN_SNAPSHOT_TRY(device.user_name, get_string(doc, *user, up, "UserName"));
    }
    out.push_back(std::move(device));
    return {};
  });
}

Result<void> load_identity_providers(const JsonDocument& doc, std::vector<IdentityProvider>& out) {
  std::string p;
  const JsonNode* root = nullptr;
  IAMWARDEN_SNAPSHOT_TRY(root, response_of(doc, p));
  std::string_view key = root->find("OpenIDConnectProviderList") ? "OpenIDConnectProviderList" : "SAMLProviderList";
  return each_object(doc, *root, p, key, [&](const JsonNode& d, const std::string& dp) -> Result<void> {
    IdentityProvider provider;
    IAMWARDEN_SNAPSHOT_TRY(provider.arn, get_string(doc, d, dp, "Arn"));
    IAMWARDEN_SNAPSHOT_TRY(provider.create_date, get_timestamp(doc, d, dp, "CreateDate"));
    IAMWARDEN_SNAPSHOT_TRY(provider.valid_until, get_timestamp(doc, d, dp, "ValidUntil"));
    out.push_back(std::move(provider));
    return {};
  });
}

Result<void> load_server_certificates(const JsonDocument& doc, std::vector<ServerCertificate>& out) {
  std::string p;
  const JsonNode* root = nullptr;
  IAMWARDEN_SNAPSHOT_TRY(root, response_of(doc, p));
  return each_object(doc, *root, p, "ServerCertificateMetadataList",
                     [&](const JsonNode& d, const std::string& dp) -> Result<void> {
                       ServerCertificate c;
                       IAMWARDEN_SNAPSHOT_TRY(c.name, get_string(doc, d, dp, "ServerCertificateName"));
                       IAMWARDEN_SNAPSHOT_TRY(c.id, get_string(doc, d, dp, "ServerCertificateId"));
                       IAMWARDEN_SNAPSHOT_TRY(c.arn, get_string(doc, d, dp, "Arn"));
                       IAMWARDEN_SNAPSHOT_TRY(c.path, get_string(doc, d, dp, "Path"));
                       IAMWARDEN_SNAPSHOT_TRY(c.upload_date, get_timestamp(doc, d, dp, "UploadDate"));
                       IAMWARDEN_SNAPSHOT_TRY(c.expiration, get_timestamp(doc, d, dp, "Expiration"));
                       out.push_back(std::move(c));
                       return {};
                     });
}

Result<void> load_organizations_features(const JsonDocument& doc, std::vector<std::string>& out) {
  std::string p;
  const JsonNode* root = nullptr;
  IAMWARDEN_SNAPSHOT_TRY(root, response_of(doc, p));
  const JsonNode* list = nullptr;
  IAMWARDEN_SNAPSHOT_TRY(list, required_array(doc, *root, p, "EnabledFeatures"));
  for (size_t i = 0; i < list->items.size(); ++i) {
    const JsonNode& f = list->items[i];
    if (Result<void> k = expect_kind(doc, f, child_pointer(child_pointer(p, "EnabledFeatures"), i),
                                     JsonNode::Kind::kString);
        !k)
      return k.error();
    out.push_back(f.text);
  }
  return {};
}

Result<void> load_analyzers(const JsonDocument& doc, const std::string& region, std::vector<Analyzer>& out) {
  std::string p;
  const JsonNode* root = nullptr;
  IAMWARDEN_SNAPSHOT_TRY(root, response_of(doc, p));
  return each_object(doc, *root, p, "analyzers", [&](const JsonNode& d, const std::string& dp) -> Result<void> {
    Analyzer a;
    a.region = region;
    IAMWARDEN_SNAPSHOT_TRY(a.arn, get_string(doc, d, dp, "arn"));
    IAMWARDEN_SNAPSHOT_TRY(a.name, get_string(doc, d, dp, "name"));
    IAMWARDEN_SNAPSHOT_TRY(a.type, get_string(doc, d, dp, "type"));
    IAMWARDEN_SNAPSHOT_TRY(a.status, get_string(doc, d, dp, "status"));
    out.push_back(std::move(a));
    return {};
  });
}

Result<void> load_service_last_accessed(const JsonDocument& doc, ServiceLastAccessedReport& out) {
  std::string p;
  const JsonNode* root = nullptr;
  IAMWARDEN_SNAPSHOT_TRY(root, response_of(doc, p));
  IAMWARDEN_SNAPSHOT_TRY(out.arn, get_string(doc, *root, p, "Arn"));
  IAMWARDEN_SNAPSHOT_TRY(out.job_status, get_string(doc, *root, p, "JobStatus"));
  if (out.job_status.empty()) {
    if (std::string code = error_code(*root); !code.empty())
      return json_error(doc, *root, p, fmt::format("the file records an AWS error ({})", code));
    return json_error(doc, *root, p, "no \"JobStatus\" (not a get-service-last-accessed-details output)");
  }
  std::optional<bool> truncated;
  IAMWARDEN_SNAPSHOT_TRY(truncated, get_bool(doc, *root, p, "IsTruncated"));
  out.truncated = truncated.value_or(false);
  if (const JsonNode* e = root->find("Error"); e && e->kind != JsonNode::Kind::kNull) {
    std::string ep = child_pointer(p, "Error");
    if (Result<void> k = expect_kind(doc, *e, ep, JsonNode::Kind::kObject); !k) return k.error();
    std::string code, message;
    IAMWARDEN_SNAPSHOT_TRY(code, get_string(doc, *e, ep, "Code"));
    IAMWARDEN_SNAPSHOT_TRY(message, get_string(doc, *e, ep, "Message"));
    out.error = message.empty() ? code : fmt::format("{}: {}", code, message);
  }
  if (out.job_status != "COMPLETED") return {};
  return each_object(doc, *root, p, "ServicesLastAccessed", [&](const JsonNode& s, const std::string& sp) -> Result<void> {
    ServiceLastAccessed& entry = out.services.emplace_back();
    IAMWARDEN_SNAPSHOT_TRY(entry.service_name, get_string(doc, s, sp, "ServiceName"));
    IAMWARDEN_SNAPSHOT_TRY(entry.service_namespace, get_string(doc, s, sp, "ServiceNamespace"));
    if (entry.service_namespace.empty()) return json_error(doc, s, sp, "no \"ServiceNamespace\"");
    IAMWARDEN_SNAPSHOT_TRY(entry.last_authenticated, get_timestamp(doc, s, sp, "LastAuthenticated"));
    IAMWARDEN_SNAPSHOT_TRY(entry.last_authenticated_entity, get_string(doc, s, sp, "LastAuthenticatedEntity"));
    IAMWARDEN_SNAPSHOT_TRY(entry.last_authenticated_region, get_string(doc, s, sp, "LastAuthenticatedRegion"));
    IAMWARDEN_SNAPSHOT_TRY(entry.total_authenticated_entities, get_int(doc, s, sp, "TotalAuthenticatedEntities"));
    return {};
  });
}

std::string service_last_accessed_file_name(std::string_view arn) {
  std::string out;
  for (char c : arn) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                std::string_view("+=,.@_-").find(c) != std::string_view::npos;
    if (keep) out += c;
    else fmt::format_to(std::back_inserter(out), "%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

std::string service_last_accessed_arn(std::string_view name, const std::vector<std::string_view>& known_arns) {
  if (name.find('%') != std::string_view::npos) {
    std::optional<std::string> decoded = percent_decode(name);
    return decoded && decoded->starts_with("arn:") ? *decoded : std::string();
  }
  if (name.starts_with("arn:")) return std::string(name);
  if (!name.starts_with("arn_")) return "";
  std::string_view found;
  for (std::string_view arn : known_arns) {
    if (arn.size() != name.size() || arn == found) continue;
    bool same = true;
    for (size_t i = 0; i < arn.size() && same; ++i)
      same = name[i] == (arn[i] == ':' || arn[i] == '/' ? '_' : arn[i]);
    if (!same) continue;
    if (!found.empty()) return "";  // two entities encode to this name: ambiguous
    found = arn;
  }
  return std::string(found);
}

}  // namespace iamwarden::snapshot
