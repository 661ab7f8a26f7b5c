// What makes a snapshot incomplete: the gate `audit` and `access` apply before trusting a result.
#pragma once

#include <string>
#include <vector>

#include "snapshot/account.h"

namespace iamwarden::snapshot {

/// One reason a snapshot is incomplete. Texts are escaped and bounded (safe_excerpt): they quote
/// the manifest, which is input.
struct SnapshotGap {
  std::string path;     ///< the snapshot file concerned
  std::string problem;  ///< "collection failed", "no authorization details", ...
  std::string detail;   ///< the manifest's error, when it gives one
};

/// The gaps of a loaded snapshot, no authorization details first, then in path order: every file
/// the manifest records as `failed` (but inventory.json, which only `paths` reads and which it
/// treats as unknown when failed), and every file the loader marked failed (one the manifest
/// records as `ok` that is not there).
std::vector<SnapshotGap> snapshot_gaps(const Account& account);

/// "path: problem (detail)".
std::string gap_line(const SnapshotGap& gap);

/// One line saying the snapshot is incomplete and why, for the first line of a report:
/// "WARNING: incomplete snapshot: a: collection failed (...); b: ...; results that need them are NOT_EVALUATED".
std::string gaps_headline(const std::vector<std::string>& gap_lines);

}  // namespace iamwarden::snapshot
