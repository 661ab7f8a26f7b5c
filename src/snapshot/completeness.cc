// Finding the gaps of a snapshot from what was loaded and what the manifest records.
#include "snapshot/completeness.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/safe_text.h"

namespace iamwarden::snapshot {

std::vector<SnapshotGap> snapshot_gaps(const Account& account) {
  std::vector<SnapshotGap> gaps;
  if (!account.iam_present) {
    gaps.push_back({"authorization-details.json", "no authorization details (users, groups, roles, policies)", ""});
  }
  for (const auto& [path, record] : account.manifest.files)
    // inventory.json only serves `paths`, which treats a failed one as unknown (conditional edges).
    if (record.status == FileStatus::kFailed && path != "inventory.json")
      gaps.push_back({safe_excerpt(path, 200), "collection failed", safe_excerpt(record.detail, 300)});
  // Failures the loader found (a file the manifest lists as collected but that is not there).
  for (const FileRecord& f : account.files) {
    if (f.status != FileStatus::kFailed) continue;
    auto it = account.manifest.files.find(f.path);
    if (it != account.manifest.files.end() && it->second.status == FileStatus::kFailed) continue;  // listed above
    gaps.push_back({safe_excerpt(f.path, 200), "missing", safe_excerpt(f.detail, 300)});
  }
  std::stable_sort(gaps.begin() + (account.iam_present ? 0 : 1), gaps.end(),
                   [](const SnapshotGap& a, const SnapshotGap& b) { return a.path < b.path; });
  return gaps;
}

std::string gap_line(const SnapshotGap& gap) {
  return fmt::format("{}: {}{}", gap.path, gap.problem, gap.detail.empty() ? "" : " (" + gap.detail + ")");
}

std::string gaps_headline(const std::vector<std::string>& gap_lines) {
  return fmt::format("WARNING: incomplete snapshot: {}; results that need them are NOT_EVALUATED",
                     fmt::join(gap_lines, "; "));
}

}  // namespace iamwarden::snapshot
