// The snapshot directory loader: every documented file, the manifest, and the present/missing record.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_set>

#include "base/files.h"
#include "base/json.h"
#include "catalog/managed_policies.h"
#include "snapshot/authorization_details.h"
#include "snapshot/load_files.h"
#include "snapshot/load_organizations.h"
#include "snapshot/snapshot.h"

namespace iamwarden::snapshot {
namespace {

namespace fs = std::filesystem;

class DirLoader {
 public:
  DirLoader(const std::string& dir, Account& account) : dir_(dir), account_(account) {}

  bool exists(const std::string& rel) const {
    std::error_code ec;
    return fs::is_regular_file(fs::path(dir_) / rel, ec);
  }
  std::string path(const std::string& rel) const { return (fs::path(dir_) / rel).string(); }

  void record(const std::string& rel, FileStatus status, std::string detail = "") {
    account_.files.push_back(FileRecord{rel, status, std::move(detail)});
  }
  // A file that is not there: missing, or what the manifest says happened to it.
  void record_absent(const std::string& rel) {
    auto it = account_.manifest.files.find(rel);
    if (it != account_.manifest.files.end() && it->second.status != FileStatus::kLoaded) {
      record(rel, it->second.status, it->second.detail);
    } else {
      record(rel, FileStatus::kMissing);
    }
  }

  // Reads rel as JSON and hands it to load; records the outcome. Returns false (no error) when absent.
  template <class F>
  Result<bool> json_file(const std::string& rel, F&& load) {
    if (!exists(rel)) {
      record_absent(rel);
      return false;
    }
    Result<JsonDocument> doc = read_json_file(path(rel));
    if (!doc) return doc.error();
    if (Result<void> r = load(*doc); !r) return r.error();
    record(rel, FileStatus::kLoaded);
    return true;
  }

  // Sorted names of subdirectories (regions) of rel.
  std::vector<std::string> subdirs(const std::string& rel, bool files) const {
    std::vector<std::string> out;
    std::error_code ec;
    fs::path base = fs::path(dir_) / rel;
    if (!fs::is_directory(base, ec)) return out;
    for (const fs::directory_entry& e : fs::directory_iterator(base, ec)) {
      if (files ? e.is_regular_file(ec) && e.path().extension() == ".json" : e.is_directory(ec))
        out.push_back(files ? e.path().stem().string() : e.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  const std::string& dir_;
  Account& account_;
};

Result<void> load_iam(DirLoader& d, const std::string& dir, Account& account) {
  const std::string merged = "authorization-details.json";
  if (d.exists(merged)) {
    if (Result<void> r = load_authorization_details(d.path(merged), account.iam); !r) return r;
    d.record(merged, FileStatus::kLoaded);
    account.iam_present = true;
  }
  std::error_code ec;
  if (fs::is_directory(fs::path(dir) / "authorization-details", ec)) {
    Result<std::vector<std::string>> pages = list_files((fs::path(dir) / "authorization-details").string(), ".json");
    if (!pages) return pages.error();
    for (const std::string& page : *pages) {
      if (Result<void> r = load_authorization_details(page, account.iam); !r) return r;
      d.record(fs::relative(page, dir, ec).string(), FileStatus::kLoaded);
      account.iam_present = true;
    }
  }
  if (!account.iam_present) d.record_absent(merged);
  return {};
}

Result<void> load_credential_report_file(DirLoader& d, Account& account) {
  for (const std::string rel : {"credential-report.csv", "credential-report.json"}) {
    if (!d.exists(rel)) continue;
    Result<std::string> text = read_file(d.path(rel));
    if (!text) return text.error();
    Result<CredentialReport> report = parse_credential_report(text.take(), d.path(rel));
    if (!report) return report.error();
    account.credential_report = report.take();
    d.record(rel, FileStatus::kLoaded);
    return {};
  }
  d.record_absent("credential-report.csv");
  return {};
}

Result<void> load_regional(DirLoader& d, Account& account) {
  // access-analyzers/<region>.json
  std::vector<std::string> regions = d.subdirs("access-analyzers", true);
  if (!regions.empty()) account.analyzers.emplace();
  else d.record_absent("access-analyzers/");
  for (const std::string& region : regions) {
    std::string rel = "access-analyzers/" + region + ".json";
    Result<bool> r = d.json_file(rel, [&](const JsonDocument& doc) { return load_analyzers(doc, region, *account.analyzers); });
    if (!r) return r.error();
    account.analyzer_regions.push_back(region);
  }
  // cloudtrail/<region>/{trails,trail-status,event-selectors}.json
  std::vector<std::string> trail_regions = d.subdirs("cloudtrail", false);
  if (!trail_regions.empty()) account.trails.emplace();
  else d.record_absent("cloudtrail/");
  for (const std::string& region : trail_regions) {
    std::string base = "cloudtrail/" + region + "/";
    Result<bool> r = d.json_file(base + "trails.json", [&](const JsonDocument& doc) { return load_trails(doc, region, *account.trails); });
    if (!r) return r.error();
    r = d.json_file(base + "trail-status.json", [&](const JsonDocument& doc) { return load_trail_status(doc, *account.trails); });
    if (!r) return r.error();
    r = d.json_file(base + "event-selectors.json", [&](const JsonDocument& doc) { return load_event_selectors(doc, *account.trails); });
    if (!r) return r.error();
  }
  return {};
}

// Why a service-last-accessed report is not used as is ("" when it is); adds it to the account.
std::string use_report(ServiceLastAccessedReport report, const std::string& name,
                       const std::vector<std::string_view>& known_arns, Account& account) {
  if (report.job_status != "COMPLETED") {
    return fmt::format("JobStatus {}{}: not used", report.job_status, report.error.empty() ? "" : " (" + report.error + ")");
  }
  std::string arn = report.arn.empty() ? service_last_accessed_arn(name, known_arns) : report.arn;
  if (arn.empty()) {
    return "no entity ARN: neither an \"Arn\" member nor a file name that is the percent-encoded ARN or the ARN of "
           "exactly one user, role or group with ':' and '/' replaced by '_'; not used";
  }
  auto [it, added] = account.service_last_accessed->try_emplace(arn, std::move(report.services));
  if (!added) return fmt::format("a second report for {}: not used (the first file's is)", arn);
  return report.truncated ? fmt::format("IsTruncated: only the first page of services of {} is known", arn) : "";
}

// service-last-accessed/<name>.json: one Access Advisor report per entity.
Result<void> load_service_last_accessed_dir(DirLoader& d, Account& account) {
  const std::string dir = "service-last-accessed";
  std::error_code ec;
  if (!fs::is_directory(d.path(dir), ec)) {
    d.record_absent(dir + "/");
    return {};
  }
  account.service_last_accessed.emplace();
  std::vector<std::string_view> known_arns;
  for (const User& u : account.iam.users) known_arns.push_back(u.arn);
  for (const Role& r : account.iam.roles) known_arns.push_back(r.arn);
  for (const Group& g : account.iam.groups) known_arns.push_back(g.arn);
  for (const std::string& name : d.subdirs(dir, true)) {
    std::string rel = dir + "/" + name + ".json";
    std::string note;
    Result<bool> r = d.json_file(rel, [&](const JsonDocument& doc) -> Result<void> {
      ServiceLastAccessedReport report;
      if (Result<void> l = load_service_last_accessed(doc, report); !l) return l;
      note = use_report(std::move(report), name, known_arns, account);
      return {};
    });
    if (!r) return r.error();
    if (note.empty()) continue;
    account.files.back().detail = note;
    account.warnings.push_back(fmt::format("{}: {}", rel, note));
  }
  return {};
}

std::string account_from_arn(std::string_view arn) {
  // arn:partition:iam::ACCOUNT:...
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string_view::npos) return "";
    ++pos;
  }
  size_t end = arn.find(':', pos);
  if (end == std::string_view::npos) return "";
  std::string_view id = arn.substr(pos, end - pos);
  return id.size() == 12 && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })
             ? std::string(id)
             : "";
}

std::string partition_from_arn(std::string_view arn) {
  if (arn.rfind("arn:", 0) != 0) return "";
  size_t end = arn.find(':', 4);
  return end == std::string_view::npos ? "" : std::string(arn.substr(4, end - 4));
}

void derive_account_id(Account& account) {
  if (!account.manifest.account_id.empty()) account.account_id = account.manifest.account_id;
  if (!account.manifest.partition.empty()) account.partition = account.manifest.partition;
  std::vector<std::string_view> arns;
  for (const User& u : account.iam.users) arns.push_back(u.arn);
  for (const Role& r : account.iam.roles) arns.push_back(r.arn);
  for (const Group& g : account.iam.groups) arns.push_back(g.arn);
  for (const ManagedPolicy& p : account.iam.policies)
    if (!p.aws_managed()) arns.push_back(p.arn);
  if (account.credential_report) {
    for (const CredentialReportRow& row : account.credential_report->rows) arns.push_back(row.arn);
  }
  for (std::string_view arn : arns) {
    std::string id = account_from_arn(arn);
    if (id.empty()) continue;
    if (account.account_id.empty()) account.account_id = id;
    if (account.manifest.partition.empty()) account.partition = partition_from_arn(arn);
    break;
  }
}

}  // namespace

// Drops entities listed twice (overlapping pages, or a merged file next to its pages): the first wins.
template <class E>
void drop_duplicates(std::vector<E>& items, std::string_view kind, std::vector<std::string>& warnings) {
  std::unordered_set<std::string_view> seen;
  seen.reserve(items.size());
  std::vector<bool> duplicate(items.size());
  size_t count = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    duplicate[i] = !seen.insert(items[i].arn).second;
    count += duplicate[i];
  }
  if (count == 0) return;
  warnings.push_back(fmt::format("{} {} listed more than once (overlapping pages?); the first of each is used", count, kind));
  size_t out = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (duplicate[i]) continue;
    if (out != i) items[out] = std::move(items[i]);
    ++out;
  }
  items.resize(out);
}

void finish_account(Account& account, const LoadOptions& options) {
  drop_duplicates(account.iam.users, "users", account.warnings);
  drop_duplicates(account.iam.groups, "groups", account.warnings);
  drop_duplicates(account.iam.roles, "roles", account.warnings);
  drop_duplicates(account.iam.policies, "managed policies", account.warnings);
  derive_account_id(account);
  account.build_indexes();
  // Referenced managed policies (attached to principals or groups, or boundaries) absent from the dump.
  std::map<std::string, std::vector<std::string>> referenced;
  auto refer = [&](const std::string& arn, const std::string& by, bool boundary) {
    if (account.find_policy(arn)) return;
    referenced[arn].push_back(boundary ? "boundary of " + by : by);
  };
  for (const User& u : account.iam.users) {
    for (const PolicyRef& r : u.attached) refer(r.arn, u.arn, false);
    if (u.boundary) refer(u.boundary->arn, u.arn, true);
  }
  for (const Group& g : account.iam.groups)
    for (const PolicyRef& r : g.attached) refer(r.arn, g.arn, false);
  for (const Role& role : account.iam.roles) {
    for (const PolicyRef& r : role.attached) refer(r.arn, role.arn, false);
    if (role.boundary) refer(role.boundary->arn, role.arn, true);
  }
  bool added = false;
  const catalog::ManagedPolicies* catalog = nullptr;
  bool catalog_asked = false;
  for (auto& [arn, by] : referenced) {
    const catalog::ManagedPolicy* builtin = nullptr;
    bool aws = arn.find(":iam::aws:policy/") != std::string::npos;
    if (aws && !catalog_asked && options.managed_policies) {
      catalog = options.managed_policies();
      catalog_asked = true;
    }
    if (aws && catalog) builtin = catalog->find(arn);
    if (!builtin) {
      account.unresolved_policies.push_back(UnresolvedPolicy{arn, by});
      continue;
    }
    ManagedPolicy p;
    p.name = builtin->name;
    p.arn = arn;
    p.path = builtin->path;
    p.default_version_id = builtin->version;
    p.source = PolicySource::kBuiltinCatalog;
    p.origin = Origin{"<built-in AWS-managed policies>", "", 0, 0};
    PolicyVersion v;
    v.version_id = builtin->version;
    v.is_default = true;
    v.document.text = account.iam.text->add(builtin->document);
    v.document.origin = Origin{"<built-in AWS-managed policies>", builtin->arn, 0, 0};
    v.document.was_encoded = true;  // minified: no useful line numbers
    p.versions.push_back(std::move(v));
    account.iam.policies.push_back(std::move(p));
    added = true;
  }
  if (added) account.build_indexes();
  // Groups named by users but absent from the dump: reported, since their policies are unknown.
  std::set<std::string> missing_groups;
  for (const User& u : account.iam.users)
    for (const std::string& g : u.groups)
      if (!account.find_group(g)) missing_groups.insert(g);
  for (const std::string& g : missing_groups)
    account.warnings.push_back(fmt::format("group \"{}\" is listed in a user's GroupList but not in the dump", g));
}

Result<Account> load_snapshot(const std::string& dir, const LoadOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Error{ErrorCode::kIo, "not a readable snapshot directory", SourceLoc{dir, 0, 0, ""},
                 "give a directory written by `iamwarden collect`, or --gaad FILE for one authorization-details dump"};
  }
  {
    fs::directory_iterator probe(dir, ec);
    if (ec) return Error{ErrorCode::kIo, fmt::format("cannot read the directory: {}", ec.message()), SourceLoc{dir, 0, 0, ""}, ""};
  }
  Account account;
  DirLoader d(dir, account);
  Result<bool> r = d.json_file("manifest.json", [&](const JsonDocument& doc) { return load_manifest(doc, account.manifest); });
  if (!r) return r.error();
  if (Result<void> iam = load_iam(d, dir, account); !iam) return iam.error();
  if (Result<void> cr = load_credential_report_file(d, account); !cr) return cr.error();
  r = d.json_file("password-policy.json", [&](const JsonDocument& doc) { return load_password_policy(doc, account.password_policy); });
  if (!r) return r.error();
  if (!*r) {
    auto it = account.manifest.files.find("password-policy.json");
    if (it != account.manifest.files.end() && it->second.status == FileStatus::kNotFound)
      account.password_policy.state = PasswordPolicyState::kNone;
  }
  r = d.json_file("account-summary.json", [&](const JsonDocument& doc) {
    account.account_summary.emplace();
    return load_account_summary(doc, *account.account_summary);
  });
  if (!r) return r.error();
  r = d.json_file("virtual-mfa-devices.json", [&](const JsonDocument& doc) {
    account.virtual_mfa_devices.emplace();
    return load_virtual_mfa_devices(doc, *account.virtual_mfa_devices);
  });
  if (!r) return r.error();
  r = d.json_file("saml-providers.json", [&](const JsonDocument& doc) {
    account.saml_providers.emplace();
    return load_identity_providers(doc, *account.saml_providers);
  });
  if (!r) return r.error();
  r = d.json_file("open-id-connect-providers.json", [&](const JsonDocument& doc) {
    account.oidc_providers.emplace();
    return load_identity_providers(doc, *account.oidc_providers);
  });
  if (!r) return r.error();
  r = d.json_file("server-certificates.json", [&](const JsonDocument& doc) {
    account.server_certificates.emplace();
    return load_server_certificates(doc, *account.server_certificates);
  });
  if (!r) return r.error();
  r = d.json_file("organizations-features.json", [&](const JsonDocument& doc) {
    account.organizations_features.emplace();
    return load_organizations_features(doc, *account.organizations_features);
  });
  if (!r) return r.error();
  if (Result<void> reg = load_regional(d, account); !reg) return reg.error();
  if (Result<void> sla = load_service_last_accessed_dir(d, account); !sla) return sla.error();
  derive_account_id(account);
  if (Result<void> org = load_organization(dir, account.account_id, account.organization, account.files); !org)
    return org.error();
  if (!account.organization.present) d.record_absent("organizations/organization.json");
  // Manifest entries for files not covered above (e.g. per-region calls that failed).
  for (const auto& entry : account.manifest.files) {
    // Not a structured binding: clang 14 (the fuzz builds) cannot capture those in lambdas.
    const std::string& path = entry.first;
    const FileRecord& rec = entry.second;
    bool known = std::any_of(account.files.begin(), account.files.end(), [&](const FileRecord& f) { return f.path == path; });
    if (!known && rec.status != FileStatus::kLoaded) account.files.push_back(rec);
  }
  finish_account(account, options);
  return account;
}

Result<Account> load_gaad_snapshot(const std::string& path, const LoadOptions& options) {
  Account account;
  if (Result<void> r = load_authorization_details(path, account.iam); !r) return r.error();
  account.iam_present = true;
  account.files.push_back(FileRecord{path, FileStatus::kLoaded, "--gaad"});
  finish_account(account, options);
  return account;
}

}  // namespace iamwarden::snapshot
