// The snapshot directory loader: every documented file, the manifest, and the present/missing record.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_set>

#include "base/files.h"
#include "base/json.h"
#include "base/safe_text.h"
#include "catalog/managed_policies.h"
#include "snapshot/authorization_details.h"
#include "snapshot/future_dates.h"
#include "snapshot/inventory.h"
#include "snapshot/load_files.h"
#include "snapshot/load_organizations.h"
#include "snapshot/snapshot.h"
#include "snapshot/snapshot_file.h"

namespace iamwarden::snapshot {
namespace {

namespace fs = std::filesystem;

class DirLoader {
 public:
  DirLoader(const std::string& dir, Account& account) : dir_(dir), account_(account) {}

  EntryKind kind(const std::string& rel) const { return entry_kind(path(rel)); }
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

  // Reads rel as JSON (validated whole) and hands it to load; records the outcome. Returns false
  // (no error) when absent; an entry that is not a regular file is an error, never "missing".
  template <class F>
  Result<bool> json_file(const std::string& rel, F&& load) {
    Result<std::optional<JsonDocument>> doc = read_snapshot_json(path(rel));
    if (!doc) return doc.error();
    if (!*doc) {
      record_absent(rel);
      return false;
    }
    if (Result<void> r = load(**doc); !r) return r.error();
    record(rel, FileStatus::kLoaded);
    return true;
  }

  // Whether rel is a directory of the snapshot: false when absent; an error when something else
  // (a symbolic link, a file) stands there.
  Result<bool> directory(const std::string& rel) const {
    EntryKind k = kind(rel);
    if (k == EntryKind::kMissing) return false;
    if (k != EntryKind::kDirectory) return unreadable_entry(path(rel), true);
    return true;
  }

  // Sorted names of the region subdirectories (files=false) or of the .json files (files=true,
  // without ".json") of rel. Links and special files among them are errors; other regular files
  // are not snapshot files and are left alone.
  Result<std::vector<std::string>> entries(const std::string& rel, bool files) const {
    std::vector<std::string> out;
    Result<bool> is_dir = directory(rel);
    if (!is_dir) return is_dir.error();
    if (!*is_dir) return out;
    Result<std::vector<std::string>> names = list_entries(path(rel));
    if (!names) return names.error();
    for (const std::string& name : *names) {
      std::string child = rel + "/" + name;
      EntryKind k = kind(child);
      bool json = name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0;
      if (k == EntryKind::kMissing) continue;  // removed meanwhile
      if (k == EntryKind::kOther) return unreadable_entry(path(child), !files);
      if (files && json) {
        if (k != EntryKind::kFile) return unreadable_entry(path(child), false);
        out.push_back(name.substr(0, name.size() - 5));
      } else if (!files && k == EntryKind::kDirectory) {
        out.push_back(name);
      }
    }
    return out;
  }

 private:
  const std::string& dir_;
  Account& account_;
};

// The page files under authorization-details/ (and its subdirectories), in name order.
Result<std::vector<std::string>> gaad_pages(const DirLoader& d, const std::string& rel) {
  std::vector<std::string> pages;
  std::vector<std::string> pending{rel};  // directories still to list: iteration, not recursion
  while (!pending.empty()) {
    std::string dir = std::move(pending.back());
    pending.pop_back();
    Result<std::vector<std::string>> files = d.entries(dir, true);
    if (!files) return files.error();
    for (const std::string& f : *files) pages.push_back(dir + "/" + f + ".json");
    Result<std::vector<std::string>> subdirs = d.entries(dir, false);
    if (!subdirs) return subdirs.error();
    for (const std::string& s : *subdirs) pending.push_back(dir + "/" + s);
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

Result<void> load_iam(DirLoader& d, Account& account) {
  const std::string merged = "authorization-details.json";
  EntryKind kind = d.kind(merged);
  if (kind == EntryKind::kFile) {
    if (Result<void> r = load_authorization_details(d.path(merged), account.iam); !r) return r;
    d.record(merged, FileStatus::kLoaded);
    account.iam_present = true;
  } else if (kind != EntryKind::kMissing) {
    return unreadable_entry(d.path(merged), false);
  }
  Result<bool> has_pages = d.directory("authorization-details");
  if (!has_pages) return has_pages.error();
  if (*has_pages) {
    Result<std::vector<std::string>> pages = gaad_pages(d, "authorization-details");
    if (!pages) return pages.error();
    for (const std::string& page : *pages) {
      if (Result<void> r = load_authorization_details(d.path(page), account.iam); !r) return r;
      d.record(page, FileStatus::kLoaded);
      account.iam_present = true;
    }
  }
  if (!account.iam_present) d.record_absent(merged);
  return {};
}

Result<void> load_credential_report_file(DirLoader& d, Account& account) {
  for (const std::string rel : {"credential-report.csv", "credential-report.json"}) {
    EntryKind kind = d.kind(rel);
    if (kind == EntryKind::kMissing) continue;
    if (kind != EntryKind::kFile) return unreadable_entry(d.path(rel), false);
    Result<std::string> text = read_snapshot_file(d.path(rel));
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
  Result<std::vector<std::string>> listed = d.entries("access-analyzers", true);
  if (!listed) return listed.error();
  std::vector<std::string> regions = listed.take();
  if (!regions.empty()) account.analyzers.emplace();
  else d.record_absent("access-analyzers/");
  for (const std::string& region : regions) {
    std::string rel = "access-analyzers/" + region + ".json";
    Result<bool> r = d.json_file(rel, [&](const JsonDocument& doc) { return load_analyzers(doc, region, *account.analyzers); });
    if (!r) return r.error();
    account.analyzer_regions.push_back(region);
  }
  // cloudtrail/<region>/{trails,trail-status,event-selectors}.json
  listed = d.entries("cloudtrail", false);
  if (!listed) return listed.error();
  std::vector<std::string> trail_regions = listed.take();
  if (!trail_regions.empty()) account.trails.emplace();
  else d.record_absent("cloudtrail/");
  for (const std::string& region : trail_regions) {
    std::string base = "cloudtrail/" + region + "/";
    Result<bool> r = d.json_file(base + "trails.json", [&](const JsonDocument& doc) { return load_trails(doc, region, *account.trails); });
    if (!r) return r.error();
    std::vector<std::string> unused_status, unused_selectors;
    r = d.json_file(base + "trail-status.json",
                    [&](const JsonDocument& doc) { return load_trail_status(doc, *account.trails, &unused_status); });
    if (!r) return r.error();
    r = d.json_file(base + "event-selectors.json",
                    [&](const JsonDocument& doc) { return load_event_selectors(doc, *account.trails, &unused_selectors); });
    if (!r) return r.error();
    // Not silently dropped: an answer for a trail trails.json does not list is said, not used.
    for (auto [file, keys] : {std::pair{"trail-status.json", &unused_status}, std::pair{"event-selectors.json", &unused_selectors}})
      for (const std::string& key : *keys)
        account.warnings.push_back(fmt::format("{}{}: {}: no such trail in the trails.json files read so far; not used",
                                               base, file, key.empty() ? std::string("a bare response for several trails")
                                                                       : "the answer for " + safe_excerpt(key, 200)));
  }
  return {};
}

// Why a service-last-accessed report is not used as is ("" when it is); adds it to the account.
std::string use_report(ServiceLastAccessedReport report, const std::string& name,
                       const std::vector<std::string_view>& known_arns, Account& account) {
  if (report.job_status != "COMPLETED") {
    return fmt::format("JobStatus {}{}: not used", safe_excerpt(report.job_status, 40),
                       report.error.empty() ? "" : " (" + safe_excerpt(report.error, 200) + ")");
  }
  std::string arn = report.arn.empty() ? service_last_accessed_arn(name, known_arns) : report.arn;
  if (arn.empty()) {
    return "no entity ARN: neither an \"Arn\" member nor a file name that is the percent-encoded ARN or the ARN of "
           "exactly one user, role or group with ':' and '/' replaced by '_'; not used";
  }
  auto [it, added] = account.service_last_accessed->try_emplace(arn, std::move(report.services));
  if (!added) return fmt::format("a second report for {}: not used (the first file's is)", safe_excerpt(arn, 200));
  return report.truncated
             ? fmt::format("IsTruncated: only the first page of services of {} is known", safe_excerpt(arn, 200))
             : "";
}

// service-last-accessed/<name>.json: one Access Advisor report per entity.
Result<void> load_service_last_accessed_dir(DirLoader& d, Account& account) {
  const std::string dir = "service-last-accessed";
  Result<bool> present = d.directory(dir);
  if (!present) return present.error();
  if (!*present) {
    d.record_absent(dir + "/");
    return {};
  }
  account.service_last_accessed.emplace();
  std::vector<std::string_view> known_arns;
  for (const User& u : account.iam.users) known_arns.push_back(u.arn);
  for (const Role& r : account.iam.roles) known_arns.push_back(r.arn);
  for (const Group& g : account.iam.groups) known_arns.push_back(g.arn);
  Result<std::vector<std::string>> names = d.entries(dir, true);
  if (!names) return names.error();
  for (const std::string& name : *names) {
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
    account.warnings.push_back(fmt::format("{}: {}", safe_excerpt(rel, 200), note));
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
  account.iam.policies.reserve(account.iam.policies.size() + referenced.size());  // one allocation, not a doubling
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
    account.warnings.push_back(
        fmt::format("group \"{}\" is listed in a user's GroupList but not in the dump", safe_excerpt(g, 200)));
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
  if (Result<void> iam = load_iam(d, account); !iam) return iam.error();
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
  r = d.json_file("inventory.json", [&](const JsonDocument& doc) {
    account.inventory.emplace();
    return load_inventory(doc, *account.inventory);
  });
  if (!r) return r.error();
  derive_account_id(account);
  for (const char* rel : {"organizations", "organizations/parents", "organizations/scp-targets",
                          "organizations/rcp-targets", "organizations/policies"})
    if (Result<bool> org_dir = d.directory(rel); !org_dir) return org_dir.error();
  if (Result<void> org = load_organization(dir, account.account_id, account.organization, account.files); !org)
    return org.error();
  if (!account.organization.present) d.record_absent("organizations/organization.json");
  // A file the manifest lists as written but that is not there: the snapshot lost it.
  for (const auto& entry : account.manifest.files) {
    const std::string& rel = entry.first;  // not a structured binding: captured below (clang 14)
    if (entry.second.status != FileStatus::kLoaded || rel.empty() || rel.front() == '/' || rel.find("..") != std::string::npos ||
        rel.back() == '/' || d.kind(rel) != EntryKind::kMissing)
      continue;
    std::string detail = "the manifest lists it as collected, but it is not in the snapshot";
    auto it = std::find_if(account.files.begin(), account.files.end(), [&](const FileRecord& f) { return f.path == rel; });
    if (it != account.files.end()) it->status = FileStatus::kFailed, it->detail = detail;
    else account.files.push_back(FileRecord{rel, FileStatus::kFailed, detail});
  }
  // Manifest entries for files not covered above (e.g. per-region calls that failed); a set, not
  // a scan per entry: a manifest may list thousands of files.
  std::unordered_set<std::string> recorded;
  for (const FileRecord& f : account.files) recorded.insert(f.path);
  for (const auto& [path, rec] : account.manifest.files)
    if (!recorded.count(path) && rec.status != FileStatus::kLoaded) account.files.push_back(rec);
  finish_account(account, options);
  if (Result<void> dates = check_no_future_dates(account, options.now); !dates) return dates.error();
  return account;
}

Result<Account> load_gaad_snapshot(const std::string& path, const LoadOptions& options) {
  Account account;
  if (Result<void> r = load_authorization_details(path, account.iam, true); !r) return r.error();
  account.iam_present = true;
  account.files.push_back(FileRecord{path, FileStatus::kLoaded, "--gaad"});
  finish_account(account, options);
  if (Result<void> dates = check_no_future_dates(account, options.now); !dates) return dates.error();
  return account;
}

}  // namespace iamwarden::snapshot
