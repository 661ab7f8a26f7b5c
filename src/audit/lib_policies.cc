// Engine-based facts about every policy (placeholder until the policy checks land).
#include "audit/lib_policies.h"

namespace iamwarden::audit {

PolicyAnalysis::PolicyAnalysis(const snapshot::Account&, const catalog::Catalog&, unsigned,
                               const std::vector<std::string>&) {}

}  // namespace iamwarden::audit
