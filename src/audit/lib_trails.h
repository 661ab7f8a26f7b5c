// What the CloudTrail checks share: the missing-input finding, per-trail findings, and which
// management events a trail's event selectors record.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit/check.h"
#include "snapshot/account.h"

namespace iamwarden::audit {

/// Reports one account-level NOT_EVALUATED naming the missing cloudtrail/ files and returns false
/// when describe-trails was not collected in any region; true when the trails are known.
bool require_trails(const CheckContext& context, FindingSink& out);

/// "cloudtrail/<region>/<file>" for the region that listed the trail (its home region when collected).
std::string trail_file(const snapshot::Trail& trail, std::string_view file = "trails.json");

/// " (organization trail of account <id>: it is configured there)" when the trail's ARN names
/// another account than the snapshot's; "" otherwise.
std::string trail_owner_note(const snapshot::Account& account, const snapshot::Trail& trail);

/// Adds a finding for a trail: resource = ARN, resource_name = name, origin = its trails.json.
Finding& trail_finding(FindingSink& out, Status status, const snapshot::Trail& trail, std::string message);

/// A per-trail verdict: the status and the message (which states the value that decided).
using TrailJudge = std::pair<Status, std::string> (*)(const snapshot::Trail& trail);

/// Runs a per-trail check: NOT_EVALUATED without CloudTrail data, one account-level FAIL when no
/// trail exists (nothing is recorded, so nothing is protected), else `judge` for every trail.
void check_each_trail(const CheckContext& context, FindingSink& out, TrailJudge judge, std::string_view setting);

/// Which management events a trail records, from its event selectors.
struct ManagementEvents {
  bool known = false;   ///< false: the selectors were not collected or cannot be read (`how` says why)
  bool reads = false;   ///< every read-only management event (no source excluded, no other filter)
  bool writes = false;  ///< every write management event
  std::string how;      ///< what decided, for messages ("no custom event selectors: ...")
};

/// Reads Trail::event_selectors_json / advanced_event_selectors_json. Without custom selectors a
/// trail records all management events. Classic selectors count with IncludeManagementEvents (default
/// true) by ReadWriteType (default All) and no ExcludeManagementEventSources; advanced selectors with
/// eventCategory Equals Management by their readOnly field (absent: both) and no other field.
ManagementEvents management_events(const snapshot::Trail& trail);

}  // namespace iamwarden::audit
