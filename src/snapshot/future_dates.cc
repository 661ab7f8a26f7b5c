// Refusing usage and creation dates later than the snapshot (see future_dates.h).
#include "snapshot/future_dates.h"

#include <fmt/format.h>

#include <ctime>

#include "base/safe_text.h"

namespace iamwarden::snapshot {
namespace {

class FutureCheck {
 public:
  explicit FutureCheck(ReferenceTime ref) : ref_(std::move(ref)) {}

  // True when t is not later than the reference; else sets error_ (what and where say which date).
  bool ok(const Timestamp& t, std::string_view what, SourceLoc where) {
    if (!t.unix_seconds || *t.unix_seconds <= ref_.unix_seconds + kFutureDateToleranceSeconds) return true;
    error_ = Error{ErrorCode::kInvalidInput,
                   fmt::format("{} is {}, after the snapshot was taken ({}, {}): a date in the future is invalid data",
                               what, safe_excerpt(t.text, 60), format_timestamp(ref_.unix_seconds), ref_.source),
                   std::move(where),
                   "collect the snapshot again; with --now, give a time after the snapshot was taken"};
    return false;
  }
  Error error_;

 private:
  ReferenceTime ref_;
};

SourceLoc at(const Origin& o, std::string_view member) {
  return SourceLoc{o.file, o.line, o.column, o.pointer + std::string(member)};
}

}  // namespace

ReferenceTime reference_time(const Account& account, int64_t now) {
  if (account.credential_report && account.credential_report->generated_time.unix_seconds)
    return {*account.credential_report->generated_time.unix_seconds, "credential report GeneratedTime"};
  if (std::optional<int64_t> collected = parse_timestamp(account.manifest.collected_at))
    return {*collected, "manifest collectedAt"};
  if (now != 0) return {now, "--now"};
  return {static_cast<int64_t>(std::time(nullptr)), "the current time"};
}

Result<void> check_no_future_dates(const Account& account, int64_t now) {
  FutureCheck check(reference_time(account, now));
  if (account.credential_report) {
    const CredentialReport& report = *account.credential_report;
    for (const CredentialReportRow& row : report.rows) {
      SourceLoc loc{report.file, row.line, 1, ""};
      std::string who = fmt::format("the row of \"{}\":", safe_excerpt(row.user, 80));
      bool ok = check.ok(row.user_creation_time, who + " user_creation_time", loc) &&
                check.ok(row.password_last_used, who + " password_last_used", loc) &&
                check.ok(row.password_last_changed, who + " password_last_changed", loc);
      for (size_t k = 0; ok && k < row.access_keys.size(); ++k) {
        ok = check.ok(row.access_keys[k].last_rotated, fmt::format("{} access_key_{}_last_rotated", who, k + 1), loc) &&
             check.ok(row.access_keys[k].last_used_date, fmt::format("{} access_key_{}_last_used_date", who, k + 1), loc);
      }
      for (size_t c = 0; ok && c < row.certs.size(); ++c)
        ok = check.ok(row.certs[c].last_rotated, fmt::format("{} cert_{}_last_rotated", who, c + 1), loc);
      if (!ok) return check.error_;
    }
  }
  for (const User& u : account.iam.users)
    if (!check.ok(u.create_date, "CreateDate", at(u.origin, "/CreateDate"))) return check.error_;
  for (const Role& r : account.iam.roles) {
    if (!check.ok(r.create_date, "CreateDate", at(r.origin, "/CreateDate")) ||
        !check.ok(r.last_used, "RoleLastUsed.LastUsedDate", at(r.origin, "/RoleLastUsed/LastUsedDate")))
      return check.error_;
  }
  if (account.service_last_accessed) {
    for (const auto& [arn, services] : *account.service_last_accessed)
      for (const ServiceLastAccessed& s : services)
        if (!check.ok(s.last_authenticated,
                      fmt::format("LastAuthenticated of {} for {}", safe_excerpt(s.service_namespace, 60), safe_excerpt(arn, 200)),
                      SourceLoc{"service-last-accessed", 0, 0, ""}))
          return check.error_;
  }
  return {};
}

}  // namespace iamwarden::snapshot
