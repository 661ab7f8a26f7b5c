// SARIF 2.1.0 for `paths --format sarif`: one result per principal that can become administrator,
// located at the policy statements that allow its first step (docs/paths.md).
#pragma once

#include <string>
#include <string_view>

#include "escalation/graph.h"
#include "escalation/report.h"
#include "snapshot/account.h"

namespace iamwarden::escalation {

/// `source`: the snapshot directory or authorization-details file, for results without a located statement.
std::string paths_sarif(const Graph& graph, const snapshot::Account& account, const Selection& selection,
                        std::string_view source);

}  // namespace iamwarden::escalation
