// Dates that lie after the snapshot was taken are invalid data: "last used in 2099" would read as
// "used recently" and pass every unused-credential check.
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"
#include "snapshot/account.h"

namespace iamwarden::snapshot {

/// How far past the reference time a date may be (clock skew between AWS and the collector).
inline constexpr int64_t kFutureDateToleranceSeconds = 15 * 60;

/// The time the snapshot's usage dates are judged against, and what it comes from.
struct ReferenceTime {
  int64_t unix_seconds = 0;
  std::string source;  ///< "credential report GeneratedTime", "manifest collectedAt", "--now", "the current time"
};

/// The credential report's GeneratedTime when known, else the manifest's collectedAt, else now
/// (seconds since the epoch; 0 means the current time).
ReferenceTime reference_time(const Account& account, int64_t now);

/// An error naming the first usage or creation date later than the reference (plus the tolerance):
/// credential report rows (every date but password_next_rotation, which is due in the future),
/// RoleLastUsed.LastUsedDate, user and role CreateDate, and Access Advisor LastAuthenticated.
Result<void> check_no_future_dates(const Account& account, int64_t now);

}  // namespace iamwarden::snapshot
