// Loaders for the small snapshot files, one per AWS call; each fills its part of the Account.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/result.h"
#include "snapshot/account.h"

namespace iamwarden::snapshot {

/// manifest.json.
Result<void> load_manifest(const JsonDocument& doc, Manifest& out);
/// password-policy.json: {"PasswordPolicy": {...}} or a recorded NoSuchEntity error.
Result<void> load_password_policy(const JsonDocument& doc, PasswordPolicy& out);
/// account-summary.json: {"SummaryMap": {key: int}}.
Result<void> load_account_summary(const JsonDocument& doc, std::map<std::string, int64_t>& out);
/// virtual-mfa-devices.json: {"VirtualMFADevices": [...]}.
Result<void> load_virtual_mfa_devices(const JsonDocument& doc, std::vector<MfaDevice>& out);
/// saml-providers.json ({"SAMLProviderList": [...]}) or open-id-connect-providers.json
/// ({"OpenIDConnectProviderList": [...]}).
Result<void> load_identity_providers(const JsonDocument& doc, std::vector<IdentityProvider>& out);
/// server-certificates.json: {"ServerCertificateMetadataList": [...]}.
Result<void> load_server_certificates(const JsonDocument& doc, std::vector<ServerCertificate>& out);
/// organizations-features.json: {"OrganizationId": ..., "EnabledFeatures": [...]}.
Result<void> load_organizations_features(const JsonDocument& doc, std::vector<std::string>& out);
/// access-analyzers/<region>.json: {"analyzers": [...]}.
Result<void> load_analyzers(const JsonDocument& doc, const std::string& region, std::vector<Analyzer>& out);
/// cloudtrail/<region>/trails.json: {"trailList": [...]}; merges into out by TrailARN.
Result<void> load_trails(const JsonDocument& doc, const std::string& region, std::vector<Trail>& out);
/// cloudtrail/<region>/trail-status.json: {TrailARN: get-trail-status output}, or one bare
/// get-trail-status output when there is a single trail in `trails`.
/// Responses for no listed trail are not used; their keys ("" for a bare response) go to unused.
Result<void> load_trail_status(const JsonDocument& doc, std::vector<Trail>& trails,
                               std::vector<std::string>* unused = nullptr);
/// cloudtrail/<region>/event-selectors.json: {TrailARN: get-event-selectors output}, or one bare
/// get-event-selectors output (it names its TrailARN).
Result<void> load_event_selectors(const JsonDocument& doc, std::vector<Trail>& trails,
                                  std::vector<std::string>* unused = nullptr);

/// One service-last-accessed/<name>.json file: a get-service-last-accessed-details output, plain
/// or wrapped as {"Arn": "<entity ARN>", ...the output's members}.
struct ServiceLastAccessedReport {
  std::string arn;         ///< the wrapper's Arn; "" for a plain output
  std::string job_status;  ///< COMPLETED, IN_PROGRESS or FAILED
  std::string error;       ///< "Code: Message" from the output's Error, when given
  bool truncated = false;  ///< IsTruncated: only the first page of services is here
  std::vector<ServiceLastAccessed> services;  ///< read only when COMPLETED
};
Result<void> load_service_last_accessed(const JsonDocument& doc, ServiceLastAccessedReport& out);

/// The file name (without ".json") iamwarden gives an entity's report: the ARN with every
/// character outside [A-Za-z0-9+=,.@_-] percent-encoded (':' → %3A, '/' → %2F).
std::string service_last_accessed_file_name(std::string_view arn);

/// The entity ARN a report's file name (without ".json") stands for: a percent-encoded ARN (as
/// above, or any other percent-encoding), a literal ARN, or the ARN with ':' and '/' replaced by
/// '_' when exactly one of known_arns encodes to it. "" when none of these applies.
std::string service_last_accessed_arn(std::string_view name, const std::vector<std::string_view>& known_arns);

}  // namespace iamwarden::snapshot
