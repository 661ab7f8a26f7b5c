// The condition operator must fit the key's type (StringEquals on a date key, Bool on a string key, ...).
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kMismatch{"type_mismatch", Severity::kWarning, "Operator does not fit the key's type",
                             "Each condition key has a type (String, ARN, Numeric, Date, Bool, IP, Binary); an "
                             "operator of another family compares the wrong way or never matches.",
                             ""};

std::string_view operators_for(catalog::KeyType type) {
  switch (type) {
    case catalog::KeyType::kString: return "String (or Arn) operators";
    case catalog::KeyType::kArn: return "Arn or String operators";
    case catalog::KeyType::kBool: return "Bool";
    case catalog::KeyType::kDate: return "Date operators";
    case catalog::KeyType::kNumeric: return "Numeric operators";
    case catalog::KeyType::kIpAddress: return "IpAddress or NotIpAddress";
    case catalog::KeyType::kBinary: return "BinaryEquals";
  }
  return "";
}

bool fits(policy::OpFamily family, catalog::KeyType type, std::string_view key) {
  using policy::OpFamily;
  if (family == OpFamily::kNull) return true;
  switch (type) {
    // ARN-valued strings (kms:EncryptionContext:aws:s3:arn) are fine with Arn operators.
    case catalog::KeyType::kString: return family == OpFamily::kString || family == OpFamily::kArn;
    case catalog::KeyType::kArn: return family == OpFamily::kArn || family == OpFamily::kString;
    case catalog::KeyType::kBool: return family == OpFamily::kBool;
    case catalog::KeyType::kDate:
      // aws:EpochTime is both a date and a number of seconds.
      return family == OpFamily::kDate || (family == OpFamily::kNumeric && iequals(key, "aws:EpochTime"));
    case catalog::KeyType::kNumeric: return family == OpFamily::kNumeric;
    case catalog::KeyType::kIpAddress: return family == OpFamily::kIp;
    case catalog::KeyType::kBinary: return family == OpFamily::kBinary;
  }
  return true;
}

void run(LintContext& context) {
  const catalog::Catalog* catalog = context.catalog();
  if (!catalog) return;
  for (const policy::Statement& st : context.policy().statements) {
    for (const policy::ConditionClause& clause : st.conditions) {
      const catalog::ConditionKey* key = catalog->find_key(clause.key.value);
      if (!key || fits(policy::op_family(clause.op.base), key->type.type, clause.key.value)) continue;
      context.report("type_mismatch", clause.op_name.offset, context.clause_pointer(st, clause),
                     fmt::format("{} does not fit \"{}\", a {} key", clause.op_name.value, clause.key.value,
                                 catalog::key_type_name(key->type)),
                     fmt::format("use {} for {}", operators_for(key->type.type), clause.key.value));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("type_mismatch", run, kMismatch);

}  // namespace iamwarden::lint
