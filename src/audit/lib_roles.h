// What the role, trust-policy and account-level checks share: reporting missing inputs, AWS-managed
// attachments, reading trust policies, and asking the engine whether a caller the account does not
// control can assume a role ("probes").
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/check.h"
#include "eval/compiled_policy.h"
#include "eval/evaluator.h"
#include "eval/request.h"
#include "policy/document.h"
#include "snapshot/account.h"

namespace iamwarden::audit {

// ---- Account-level findings and missing inputs (also used by the CloudTrail, Access Analyzer and
// Organizations checks) ----

/// The account id as the resource of account-level findings ("unknown-account" when not known).
std::string account_resource(const snapshot::Account& account);

/// Adds a finding about the account as a whole; resource_name is the account id, origin.file `file`.
Finding& account_finding(const CheckContext& context, FindingSink& out, Status status, std::string message,
                         std::string_view file = {});

/// Adds a finding with any status (FindingSink has one method per status).
Finding& report(FindingSink& out, Status status, std::string resource, std::string message);

/// Why a snapshot file is not there: "<path> is not in the snapshot", or what the collector recorded
/// ("<path> could not be collected: AccessDenied ..."). A directory path ("cloudtrail/") also looks at
/// the records of the files below it.
std::string missing_input(const snapshot::Account& account, std::string_view path);

/// Reports one account-level NOT_EVALUATED naming the missing authorization-details.json and returns
/// false when the authorization details were not loaded; true when the IAM entities can be checked.
bool require_authorization_details(const CheckContext& context, FindingSink& out);

/// For the SCP checks: reports the finding when SCPs cannot be examined or do not apply, and returns
/// false then: organizations/organization.json missing or failed (NOT_EVALUATED), the account in no
/// organization or in one without all features (FAIL), the management account (PASS: SCPs never apply
/// to it), the root → account path unknown (NOT_EVALUATED). True when the path is known.
bool scp_path_applies(const CheckContext& context, FindingSink& out);

/// "Name (p-id)" of an Organizations policy, or the id when the policy is not described.
std::string org_policy_label(const snapshot::Organization& org, const std::string& id);

/// "arn:<partition>:iam::aws:policy/<name>" for the snapshot's partition.
std::string aws_managed_policy_arn(const snapshot::Account& account, std::string_view name);

/// True when the user, group or role has the AWS-managed policy `name` attached (arn:<any partition>:iam::aws:policy/<name>;
/// a customer-managed policy of the same name does not count).
bool has_aws_managed_policy(const snapshot::PolicyHolder& role, std::string_view name);

/// Adds a finding for a role: resource = ARN, resource_name = role name, origin = the role's.
Finding& role_finding(FindingSink& out, Status status, const snapshot::Role& role, std::string message);

/// The snapshot's partition ("aws" when unknown).
std::string partition_of(const snapshot::Account& account);

/// Runs `judge` for every role that is not service-linked (those are AWS's to manage and are not
/// reported). Reports NOT_EVALUATED when the authorization details were not loaded, and one
/// account-level PASS naming `scope` ("roles other than service-linked ones") when no role was in
/// scope: `judge` returns false for a role outside the check's scope (and reports nothing for it).
void for_each_role(const CheckContext& context, FindingSink& out, std::string_view scope,
                   const std::function<bool(const snapshot::Role&)>& judge);

// ---- Trust policies ----

/// A role's trust policy, parsed. `error` is set (and `policy` empty) when the role has none or the
/// document is not a valid trust policy.
struct TrustPolicy {
  policy::Policy policy;
  std::string error;
  bool ok() const { return error.empty(); }
};

/// Parses the role's AssumeRolePolicyDocument.
TrustPolicy read_trust_policy(const snapshot::Role& role);

/// Adds a finding about a role's trust policy: like role_finding, with the origin of the document.
Finding& trust_finding(FindingSink& out, Status status, const snapshot::Role& role, std::string message);

/// for_each_role with the parsed trust policy: a role whose trust policy cannot be read gets a
/// NOT_EVALUATED finding (and counts as in scope) instead of a call to `judge`.
void for_each_trusting_role(const CheckContext& context, FindingSink& out, std::string_view scope,
                            const std::function<bool(const snapshot::Role&, const TrustPolicy&)>& judge);

/// A verdict on one role's trust policy, for checks whose scope is every role not service-linked.
using TrustJudge = void (*)(const CheckContext& context, FindingSink& out, const snapshot::Role& role,
                            const TrustPolicy& trust);

/// for_each_trusting_role over every role that is not service-linked, calling `judge` for each.
void judge_every_trust(const CheckContext& context, FindingSink& out, TrustJudge judge);

/// True when at least one statement is an Allow and every Allow names only Service principals
/// (a "service role"; Deny statements do not matter).
bool service_only_trust(const policy::Policy& trust);

/// The Service principals of the Allow statements, sorted and unique.
std::vector<std::string> trusted_services(const policy::Policy& trust);

/// The statement's Sid, or "#<index>" (as the engine labels statements).
std::string statement_label(const policy::Statement& statement);

/// "*" or "AWS: a, b; Service: c" for a statement's Principal element (NotPrincipal prefixed "NotPrincipal ").
std::string describe_principal(const policy::Statement& statement);

// ---- Probes: can a caller the account does not control assume the role? ----

/// Decides whether the caller of a probe cannot choose a condition clause's outcome (so the engine
/// evaluates it against the probe's context); every other clause is one the caller can satisfy.
using ClauseTest = bool (*)(const policy::ConditionClause& clause);

/// The trust policy as a probe sees it: in Allow statements, clauses the caller can satisfy are
/// dropped (assumed to hold); Deny statements with such clauses are dropped (assumed escaped).
struct TrustView {
  eval::CompiledPolicy compiled;
  std::vector<std::string> disregarded;  ///< one line per statement with dropped clauses, for evidence
};

/// Builds the view of a parsed trust policy for one kind of probe.
TrustView trust_view(const policy::Policy& trust, ClauseTest restricting, std::string name);

/// An account id that is neither `own` nor written anywhere in `text` (the probes' unrelated account).
std::string unrelated_account(std::string_view text, std::string_view own);

/// True when every value of an ARN-valued clause pins an account (or, with no account part, a named
/// resource such as an S3 bucket): no wildcard or policy variable in the account part.
bool arn_values_anchored(const policy::ConditionClause& clause);

/// True when the clause's (case-insensitive) key is one of `keys` (lower case).
bool clause_key_in(const policy::ConditionClause& clause, std::initializer_list<std::string_view> keys);

/// Evaluates sts:AssumeRole on the role by `caller` (given an allow-all identity policy in its own
/// account) with the trust view as the role's resource policy. `context` holds the keys the probe
/// sets; the keys derived from the caller (aws:PrincipalArn, ...) are added unless already there.
/// nullopt when the role's ARN cannot be a request resource.
std::optional<eval::Outcome> probe_assume_role(const TrustView& view, const snapshot::Role& role,
                                               const eval::Caller& caller, eval::Context context);

/// "statement <label>" of the statement that decided, or the engine's one-line account of the decision.
std::string deciding_statement(const eval::Outcome& outcome);

/// The parsed statement the engine's deciding statement came from (nullptr when none decided).
const policy::Statement* source_statement(const policy::Policy& trust, const eval::Outcome& outcome);

}  // namespace iamwarden::audit
