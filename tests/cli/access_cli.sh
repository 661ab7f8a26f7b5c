#!/usr/bin/env bash
# access: a principal's effective permissions (engine-decided), --admin for one or --all principals.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
demo=$src/examples/demo-account

# --reachable: who can become administrator too, with the escalation path (the graph of `paths`).
"$bin" access "$demo" --all --admin --reachable --format json >"$tmp/reach.json"; rc=$?
[ $rc -eq 0 ] || fail "--all --admin --reachable exits 0, got $rc"
python3 - "$tmp/reach.json" <<'PY' || fail "reachable answers: $(head -c 2000 "$tmp/reach.json")"
import json, sys
answers = {a["principal"].rsplit("/", 1)[1]: a for a in json.load(open(sys.argv[1]))}
carol = answers["carol.smith"]
assert carol["admin"] is False and carol["adminReachable"] is True and carol["steps"] == 1, carol
assert carol["path"] == "user/carol.smith → (iam-001) → admin" and carol["conditional"] is False, carol
assert answers["oscar.reyes"]["adminReachable"] is False and "steps" not in answers["oscar.reyes"]  # an administrator already
assert answers["grace.kim"]["adminReachable"] is False
PY
"$bin" access "$demo" carol.smith --admin --reachable >"$tmp/one" || fail "one principal --reachable"
grep -q "^                     can become administrator in 1 step: user/carol.smith → (iam-001) → admin$" "$tmp/one" || fail "text: $(cat "$tmp/one")"
"$bin" access "$demo" carol.smith --reachable >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--reachable without --admin is a usage error, got $rc"

"$bin" access "$demo" --all --admin --format json >"$tmp/all.json"; rc=$?
[ $rc -eq 0 ] || fail "--all --admin exits 0, got $rc"
python3 - "$tmp/all.json" <<'PY' || fail "admin answers: $(head -c 2000 "$tmp/all.json")"
import json, sys
answers = {a["principal"].rsplit("/", 1)[1]: a for a in json.load(open(sys.argv[1]))}
assert len(answers) == 50, len(answers)
# AdministratorAccess under the organization's guardrail SCPs is still an administrator.
assert answers["ExampleCorpAdmins"]["admin"] is True
# An inline Allow */* on a user.
assert answers["oscar.reyes"]["admin"] is True
# Allow * only with MFA: an administrator under conditions, not "admin": true.
assert answers["alice.nguyen"]["admin"] is False and answers["alice.nguyen"]["adminGrant"] == "conditional"
# Allow * with a Deny that leaves three S3 reads.
assert answers["grace.kim"]["admin"] is False and answers["grace.kim"]["adminGrant"] == "denied"
# Service-linked roles are never administrators of the customer's making.
assert all(not a["admin"] for n, a in answers.items() if n.startswith("AWSServiceRole"))
PY

"$bin" access "$demo" ExampleCorpAdmins --admin --format json >"$tmp/one.json"; rc=$?
[ $rc -eq 0 ] || fail "--admin exits 0, got $rc"
grep -q '"principal":"arn:aws:iam::111122223333:role/ExampleCorpAdmins","type":"role","admin":true' "$tmp/one.json" \
  || fail "one admin answer: $(cat "$tmp/one.json")"

"$bin" access "$demo" grace.kim --service s3 --access-level read >"$tmp/grace"; rc=$?
[ $rc -eq 0 ] || fail "listing exits 0, got $rc"
grep -q "^user arn:aws:iam::111122223333:user/grace.kim" "$tmp/grace" || fail "header: $(head -3 "$tmp/grace")"
grep -q "allowed      GetObject " "$tmp/grace" || fail "GetObject allowed: $(cat "$tmp/grace")"
grep -q "DeleteObject" "$tmp/grace" && fail "write actions are filtered out by --access-level read"

"$bin" access "$demo" alice.nguyen --service iam --format json >"$tmp/alice.json"; rc=$?
[ $rc -eq 0 ] || fail "json listing exits 0, got $rc"
python3 - "$tmp/alice.json" <<'PY' || fail "conditional grants name their keys: $(head -c 1500 "$tmp/alice.json")"
import json, sys
d = json.load(open(sys.argv[1]))
create = [a for a in d["actions"] if a["action"] == "iam:CreateUser"][0]
assert create["grant"] == "conditional", create
assert "aws:MultiFactorAuthPresent" in create["conditionKeys"], create
PY

# Caller-kind restrictions (data/caller-restrictions.json): a role session cannot get a session token.
"$bin" access "$demo" ExampleCorpAdmins --service sts --show-denied >"$tmp/sts"; rc=$?
[ $rc -eq 0 ] || fail "sts listing exits 0, got $rc"
grep -A1 "^  denied       GetSessionToken " "$tmp/sts" | grep -q "cannot be called by a role session" \
  || fail "GetSessionToken refused for a role: $(cat "$tmp/sts")"
grep -q "^  note: only the principal's own policies are read" "$tmp/sts" || fail "scope note: $(head -5 "$tmp/sts")"
"$bin" access "$demo" oscar.reyes --service sts >"$tmp/sts-user"
grep -q "^  allowed      GetSessionToken " "$tmp/sts-user" || fail "GetSessionToken for a user: $(cat "$tmp/sts-user")"

"$bin" access --gaad "$demo/authorization-details.json" oscar.reyes --admin >"$tmp/gaad"; rc=$?
[ $rc -eq 0 ] || fail "--gaad exits 0, got $rc"
grep -q "^admin  *arn:aws:iam::111122223333:user/oscar.reyes" "$tmp/gaad" || fail "--gaad answer: $(cat "$tmp/gaad")"

"$bin" access "$demo" nobody >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "unknown principal exits 1, got $rc"
"$bin" access "$demo" --all >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "--all without --admin exits 2, got $rc"
"$bin" access "$demo" alice.nguyen --service s4 >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "unknown service exits 2, got $rc"
grep -q 'did you mean "s3"' "$tmp/err" || fail "service suggestion: $(cat "$tmp/err")"
"$bin" access "$tmp/nonexistent" alice >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "missing snapshot exits 3, got $rc"
exit 0
