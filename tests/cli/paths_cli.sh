#!/usr/bin/env bash
# paths: who can become administrator, and how (docs/paths.md).
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
demo=$src/examples/demo-account

"$bin" paths "$demo" >"$tmp/out"; rc=$?
[ $rc -eq 1 ] || fail "paths found exits 1, got $rc"
grep -q "principals can become administrator" "$tmp/out" || fail "summary: $(head -3 "$tmp/out")"
# carol.smith's group may version a policy attached to it: iam-001 in one step.
grep -q "^  user/carol.smith → (iam-001) → admin$" "$tmp/out" || fail "carol's path: $(cat "$tmp/out")"
grep -q "allowed: iam:CreatePolicyVersion on arn:aws:iam::111122223333:policy/" "$tmp/out" || fail "requests listed"
# Administrators have no path of their own.
grep -q "user/oscar.reyes →" "$tmp/out" && fail "an administrator listed with a path"

"$bin" paths "$demo" --format json >"$tmp/out.json"
python3 - "$tmp/out.json" <<'PY' || fail "json: $(head -c 1500 "$tmp/out.json")"
import json, sys
d = json.load(open(sys.argv[1]))
by = {p["principal"].rsplit("/", 1)[1]: p for p in d["principals"]}
carol = by["carol.smith"]
assert carol["adminReachable"] and not carol["admin"], carol
assert carol["steps"][0]["method"] == "iam-001" and carol["steps"][0]["to"] == "admin", carol
assert d["summary"]["administrators"] >= 1
assert any("inventory" in n for n in d["notes"])
PY

"$bin" paths "$demo" --from carol.smith --format json >"$tmp/one.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert [p['principal'].rsplit('/',1)[1] for p in d['principals']]==['carol.smith']" "$tmp/one.json" \
  || fail "--from: $(cat "$tmp/one.json")"

"$bin" paths "$demo" --from carol.smth >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "unknown --from exits 3, got $rc"
grep -q 'did you mean "carol.smith"' "$tmp/err" || fail "suggestion: $(cat "$tmp/err")"

# --to / --who-can-reach: who can act as one role; administrators in one step, escalators through admin.
"$bin" paths "$demo" --who-can-reach ec2-bastion-admin >"$tmp/to" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "--who-can-reach with paths exits 1, got $rc: $(cat "$tmp/err")"
grep -q "principals can reach role/ec2-bastion-admin" "$tmp/to" || fail "--to summary: $(head -3 "$tmp/to")"
grep -q "^  user/oscar.reyes → (administrator) → role/ec2-bastion-admin$" "$tmp/to" || fail "administrator step: $(cat "$tmp/to")"
grep -q "^  user/carol.smith → (iam-001) → admin → (administrator) → role/ec2-bastion-admin$" "$tmp/to" \
  || fail "escalation then administrator: $(cat "$tmp/to")"
"$bin" paths "$demo" --to ec2-bastion-admin --format json >"$tmp/to.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['target'].endswith(':role/ec2-bastion-admin') and d['summary']['reach']>0, d['summary']" "$tmp/to.json" \
  || fail "--to json: $(head -c 600 "$tmp/to.json")"
"$bin" paths "$demo" --to ec2-bastion-admn >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "unknown --to exits 3, got $rc"
grep -q 'did you mean "ec2-bastion-admin"' "$tmp/err" || fail "--to suggestion: $(cat "$tmp/err")"
"$bin" paths "$demo" --to admin --from carol.smith >"$tmp/out" 2>&1
grep -q "^  user/carol.smith → (iam-001) → admin$" "$tmp/out" || fail "--to admin is the default: $(cat "$tmp/out")"
# DOT for Graphviz: one node per principal on a path, one labelled edge per step.
"$bin" paths "$demo" --from carol.smith --format dot >"$tmp/out.dot"
head -1 "$tmp/out.dot" | grep -q "^digraph paths {$" || fail "dot header: $(cat "$tmp/out.dot")"
grep -q '\[label="user/carol.smith", shape=ellipse\];' "$tmp/out.dot" || fail "dot node: $(cat "$tmp/out.dot")"
grep -q ' -> n[0-9]* \[label="iam-001"\];' "$tmp/out.dot" || fail "dot edge: $(cat "$tmp/out.dot")"
tail -1 "$tmp/out.dot" | grep -q "^}$" || fail "dot closes: $(cat "$tmp/out.dot")"

# --format sarif: one result per principal that can become administrator, located at the statement allowing its first step.
"$bin" paths "$demo" --format sarif >"$tmp/paths.sarif"; rc=$?
[ $rc -eq 1 ] || fail "--format sarif exits 1 when paths exist, got $rc"
python3 - "$tmp/paths.sarif" "$demo/authorization-details.json" <<'PY' || fail "sarif: $(head -c 1500 "$tmp/paths.sarif")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "2.1.0"
run = d["runs"][0]
results = run["results"]
assert len(results) == 9, len(results)
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
carol = next(r for r in results if r["properties"]["principal"].endswith("user/carol.smith"))
assert rules[carol["ruleIndex"]] == carol["ruleId"] == "iam-001" and carol["level"] == "error", carol
loc = carol["locations"][0]["physicalLocation"]
assert loc["artifactLocation"]["uri"].endswith("authorization-details.json"), loc
lines = open(sys.argv[2]).read().split("\n")
statement = "\n".join(lines[loc["region"]["startLine"] - 1:loc["region"]["startLine"] + 8])
assert "iam:CreatePolicyVersion" in statement, statement
assert carol["relatedLocations"][0]["message"]["text"] == "the principal"
PY
"$bin" paths "$demo" --format sarif --to ec2-bastion-admin >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--format sarif with --to is a usage error, got $rc"

# --format html: one page, the graph drawn by Graphviz inline, every path listed.
"$bin" paths "$demo" --format html >"$tmp/paths.html"; rc=$?
[ $rc -eq 1 ] || fail "--format html exits 1 when paths exist, got $rc"
grep -q "<svg" "$tmp/paths.html" || fail "html has the drawing"
grep -q "user/carol.smith → (iam-001) → admin" "$tmp/paths.html" || fail "html lists carol's path"
grep -q "Content-Security-Policy" "$tmp/paths.html" || fail "html forbids fetches"

# --all-paths: the other ways out of a principal, each continued by the shortest path from there.
"$bin" paths "$demo" --all-paths --from alice.nguyen >"$tmp/all"; rc=$?
[ $rc -eq 1 ] || fail "--all-paths exits 1, got $rc"
grep -q "^  other ways ([0-9]*):$" "$tmp/all" || fail "--all-paths heading: $(cat "$tmp/all")"
grep -q "^  - user/alice.nguyen → (iam-002) → user/carol.smith → (iam-001) → admin (conditional)$" "$tmp/all" || fail "--all-paths way: $(cat "$tmp/all")"
"$bin" paths "$demo" --all-paths --from alice.nguyen --format json | python3 -c "import json,sys; p=json.load(sys.stdin)['principals'][0]; assert len(p['alternatives'])>10 and all(a['steps'] for a in p['alternatives']), p" \
  || fail "--all-paths json"

# --fix: Deny statements that cut every path, checked by searching again; one in the Developers group covers its five members.
"$bin" paths "$demo" --fix >"$tmp/fix"; rc=$?
[ $rc -eq 1 ] || fail "--fix still exits 1 (paths exist today), got $rc"
grep -q "^fix: [0-9]* edits cut every path to administrator (checked by searching again" "$tmp/fix" || fail "--fix headline: $(sed -n '/^fix:/,$p' "$tmp/fix")"
grep -A1 "to group arn:aws:iam::111122223333:group/Developers (5 members), add" "$tmp/fix" \
  | grep -q '{"Effect":"Deny","Action":"iam:CreatePolicyVersion","Resource":"\*"}' || fail "--fix group edit: $(sed -n '/^fix:/,$p' "$tmp/fix")"
"$bin" paths "$demo" --fix --format json >"$tmp/fix.json"
python3 - "$tmp/fix.json" <<'PY' || fail "--fix json: $(head -c 1500 "$tmp/fix.json")"
import json, sys
d = json.load(open(sys.argv[1]))
fix = d["fix"]
assert fix["complete"] and fix["remaining"] == [] and fix["edits"], fix
e = fix["edits"][0]
assert e["kind"] == "group" and e["where"].endswith(":group/Developers") and e["statement"]["Effect"] == "Deny", e
assert len(e["cuts"]) == 5, e
PY
"$bin" paths "$demo" --fix --to ec2-bastion-admin >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--fix with --to is a usage error, got $rc"

# --diff OLD NEW: a change that lets alice attach policies to herself is a new way to administrator (exit 1);
# bob could already escalate (not new); the same account twice has nothing new (exit 0).
user() { printf '{"UserName":"%s","UserId":"AIDA%s","Arn":"arn:aws:iam::111122223333:user/%s","Path":"/","CreateDate":"2024-01-01T00:00:00Z","GroupList":[],"UserPolicyList":[%s],"AttachedManagedPolicies":[]}' "$1" "$1" "$1" "$2"; }
grant() { printf '{"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"%s","Resource":"%s"}]}}' "$1" "$2"; }
gaad() { printf '{"UserDetailList":[%s,%s],"GroupDetailList":[],"RoleDetailList":[],"Policies":[]}' "$1" "$2"; }
bob=$(user bob "$(grant iam:PutUserPolicy arn:aws:iam::111122223333:user/bob)")
gaad "$(user alice "")" "$bob" >"$tmp/old.json"
gaad "$(user alice "$(grant iam:AttachUserPolicy '*')")" "$bob" >"$tmp/new.json"
"$bin" paths --diff "$tmp/old.json" "$tmp/new.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "--diff with a new path exits 1, got $rc: $(cat "$tmp/out" "$tmp/err")"
head -1 "$tmp/out" | grep -q "^paths --diff: 1 principal can become administrator in .*new.json and could not in .*old.json; 0 new administrators$" \
  || fail "--diff headline: $(cat "$tmp/out")"
grep -q "^  user/alice → (iam-008) → admin$" "$tmp/out" || fail "--diff path: $(cat "$tmp/out")"
grep -q "user/bob →" "$tmp/out" && fail "--diff lists a principal that could escalate before: $(cat "$tmp/out")"
"$bin" paths --diff "$tmp/old.json" "$tmp/new.json" --format json >"$tmp/diff.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert [p['principal'].rsplit('/',1)[1] for p in d['newPaths']['principals']]==['alice'] and d['newAdministrators']==[], d" "$tmp/diff.json" \
  || fail "--diff json: $(cat "$tmp/diff.json")"
"$bin" paths --diff "$tmp/old.json" "$tmp/new.json" --format sarif >"$tmp/diff.sarif"; rc=$?
[ $rc -eq 1 ] || fail "--diff --format sarif with a new path exits 1, got $rc"
python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['runs'][0]['results']; assert [x['properties']['principal'].rsplit('/',1)[1] for x in r]==['alice'], r" "$tmp/diff.sarif" \
  || fail "--diff sarif: $(cat "$tmp/diff.sarif")"
"$bin" paths --diff "$tmp/old.json" "$tmp/old.json" --format sarif >"$tmp/none.sarif"; rc=$?
[ $rc -eq 0 ] || fail "--diff --format sarif of an unchanged account exits 0, got $rc"
python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['runs'][0]['results']==[]" "$tmp/none.sarif" || fail "--diff sarif without news: $(cat "$tmp/none.sarif")"
"$bin" paths --diff "$tmp/old.json" "$tmp/old.json" >"$tmp/out"; rc=$?
[ $rc -eq 0 ] || fail "--diff of an unchanged account exits 0, got $rc: $(cat "$tmp/out")"
"$bin" paths --diff "$tmp/old.json" "$tmp/new.json" --from alice >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--diff with --from is a usage error, got $rc"
"$bin" paths --diff "$tmp/old.json" "$tmp/missing.json" >/dev/null 2>&1; rc=$?
[ $rc -eq 3 ] || fail "--diff with an unreadable side exits 3, got $rc"

"$bin" paths "$tmp/nonexistent" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "missing snapshot exits 3, got $rc"

# A bad method file in --data-dir names the file and pointer (exit 3).
mkdir -p "$tmp/data/escalation"
cp "$src/data/catalog.json.gz" "$src/data/managed-policies.json.gz" "$src/data/caller-restrictions.json" "$tmp/data/"
echo '{"format":1,"id":"bad-1","name":"n","category":"sideways"}' >"$tmp/data/escalation/bad-1.json"
"$bin" paths "$demo" --data-dir "$tmp/data" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "bad method file exits 3, got $rc"
grep -q "bad-1.json" "$tmp/err" && grep -q "/category" "$tmp/err" || fail "bad method error: $(cat "$tmp/err")"
exit 0
