#!/usr/bin/env bash
# The fail-closed gate: audit and access exit 3 on a snapshot without authorization details, on an
# entry that is not a regular file (FIFO, directory, symlink, symlink loop: never "missing", never
# blocking), on junk or duplicate members anywhere in a snapshot JSON file; a manifest that records
# failed collection steps puts a warning on the first line of every report format and exits 3
# unless --allow-partial; then NOT_EVALUATED results come first.
set -u
bin=$(realpath "$1"); src=$(realpath "$2"); tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
demo=$src/examples/demo-account
now=(--now 2026-11-20T09:00:00Z)
cd "$tmp" || fail "cd"

# An empty snapshot is not a clean one.
mkdir empty
"$bin" audit empty --fail-on info >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "empty snapshot exits 3, got $rc"
grep -q "^error: empty: the snapshot has no authorization details" err || fail "empty: reason: $(cat err)"
"$bin" audit empty --fail-on info --allow-partial "${now[@]}" >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "empty snapshot with --allow-partial exits 0 (all NOT_EVALUATED), got $rc: $(cat err)"
[ "$(head -1 out)" = "WARNING: incomplete snapshot: authorization-details.json: no authorization details (users, groups, roles, policies); results that need them are NOT_EVALUATED" ] \
  || fail "empty --allow-partial first line: $(head -1 out)"
"$bin" access empty --all --admin >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "access on an empty snapshot exits 3, got $rc"

# Entries that are not regular files: unreadable (exit 3, named), never missing, never blocking.
mkdir fifo && mkfifo fifo/authorization-details.json
timeout 20 "$bin" audit fifo >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "FIFO exits 3 without blocking, got $rc"
grep -q "fifo/authorization-details.json: is a FIFO (named pipe), not a regular file" err || fail "FIFO named: $(cat err)"
mkdir dirgaad && mkdir dirgaad/authorization-details.json
"$bin" audit dirgaad >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "directory as GAAD exits 3, got $rc"
grep -q "is a directory, not a regular file" err || fail "directory named: $(cat err)"
mkdir loop && ln -s authorization-details.json loop/authorization-details.json
"$bin" audit loop >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "symlink loop exits 3, got $rc"
grep -q "loop/authorization-details.json: is a symbolic link, which is not followed inside a snapshot" err || fail "loop named: $(cat err)"
mkdir linked && ln -s "$demo/authorization-details.json" linked/authorization-details.json
"$bin" access linked --all --admin >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "access: symlinked GAAD exits 3, got $rc"
grep -q "is a symbolic link" err || fail "access: symlink named: $(cat err)"
if mkdir dev && mknod dev/authorization-details.json c 1 3 2>/dev/null; then
  "$bin" audit dev >out 2>err; rc=$?
  [ $rc -eq 3 ] || fail "device exits 3, got $rc"
  grep -q "is a device, not a regular file" err || fail "device named: $(cat err)"
fi

# Junk in a member nobody reads, and a duplicate list: refused with the exact place.
cp -r "$demo" junk
python3 - junk/authorization-details.json <<'PY'
import sys
p = sys.argv[1]
text = open(p).read().rstrip()
assert text.endswith("}")
open(p, "w").write(text[:-1] + ',\n"Junk": {"a": tru}\n}\n')
PY
lines=$(wc -l <junk/authorization-details.json)
"$bin" audit junk >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "junk GAAD exits 3, got $rc"
grep -q "^error: junk/authorization-details.json:$((lines - 1)):15: not valid JSON: invalid literal (expected true, false or null) (at /Junk/a)$" err \
  || fail "junk located at line $((lines - 1)): $(cat err)"
cp -r "$demo" dup
python3 - dup/authorization-details.json <<'PY'
import sys
p = sys.argv[1]
text = open(p).read().rstrip()
open(p, "w").write(text[:-1] + ',\n"UserDetailList": []\n}\n')
PY
"$bin" snapshot summary dup >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "duplicate UserDetailList exits 3, got $rc"
grep -q 'dup/authorization-details.json:[0-9]*:1: member "UserDetailList" appears more than once in this object (first at [0-9]*:[0-9]*) (at /UserDetailList)' err \
  || fail "duplicate located: $(cat err)"

# A manifest recording a failed step: the first line of every format says so; exit 3 unless --allow-partial.
cp -r "$demo" partial
rm -r partial/organizations  # as collect leaves it when describe-organization fails
python3 - partial/manifest.json <<'PY'
import json, sys
p = sys.argv[1]
m = json.load(open(p))
m["files"] = {k: v for k, v in m["files"].items() if not k.startswith("organizations/")}
m["files"]["organizations/organization.json"] = {"status": "failed", "command": "aws organizations describe-organization",
                                                  "error": "AccessDeniedException: not allowed"}
json.dump(m, open(p, "w"), indent=4)
PY
headline='WARNING: incomplete snapshot: organizations/organization.json: collection failed (AccessDeniedException: not allowed); results that need them are NOT_EVALUATED'
"$bin" audit partial "${now[@]}" >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "failed collection step exits 3 without --allow-partial, got $rc"
[ "$(head -1 out)" = "$headline" ] || fail "text first line: $(head -1 out)"
grep -q "incomplete snapshot (the report says so); pass --allow-partial" err || fail "stderr says why: $(cat err)"
"$bin" audit partial "${now[@]}" --allow-partial --fail-on critical >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "--allow-partial: --fail-on decides (the demo has a critical failure), got $rc"
[ "$(head -1 out)" = "$headline" ] || fail "text first line with --allow-partial: $(head -1 out)"
# NOT_EVALUATED results before the failures.
ne=$(grep -n "^Not evaluated (" out | cut -d: -f1); crit=$(grep -n "^CRITICAL (" out | cut -d: -f1)
[ -n "$ne" ] && [ -n "$crit" ] && [ "$ne" -lt "$crit" ] || fail "Not evaluated listed first (lines $ne, $crit)"
for f in markdown:'> **WARNING: incomplete snapshot: organizations/organization.json: collection failed (AccessDeniedException: not allowed); results that need them are NOT\_EVALUATED**' \
         csv:"# $headline" html:"<!-- $headline -->"; do
  format=${f%%:*}; want=${f#*:}
  "$bin" audit partial "${now[@]}" --allow-partial --format "$format" >out 2>err; rc=$?
  [ $rc -eq 0 ] || fail "$format --allow-partial exits 0, got $rc"
  [ "$(head -1 out | tr -d '\r')" = "$want" ] || fail "$format first line: $(head -1 out)"
done
"$bin" audit partial "${now[@]}" --allow-partial --format markdown >out 2>err
ne=$(grep -n "^### Not evaluated (" out | cut -d: -f1); failing=$(grep -n "^### Failing (" out | cut -d: -f1)
[ -n "$ne" ] && [ -n "$failing" ] && [ "$ne" -lt "$failing" ] || fail "markdown: Not evaluated first (lines $ne, $failing)"
"$bin" audit partial "${now[@]}" --allow-partial --format json >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "json exits 0, got $rc"
head -1 out | grep -qF "{\"incomplete_snapshot\":{\"warning\":\"$headline\"" || fail "json first line: $(head -1 out)"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["incomplete_snapshot"]["gaps"]==["organizations/organization.json: collection failed (AccessDeniedException: not allowed)"]; assert d["schema_version"]==1' out \
  || fail "json incomplete_snapshot field"
"$bin" audit partial "${now[@]}" --allow-partial --format sarif >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "sarif exits 0, got $rc"
python3 -c '
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
n = run["invocations"][0]["toolExecutionNotifications"][0]
assert n["level"] == "error" and n["message"]["text"] == sys.argv[2], n
assert run["properties"]["incompleteSnapshot"] == ["organizations/organization.json: collection failed (AccessDeniedException: not allowed)"]
' out "$headline" || fail "sarif notification: $(head -c 600 out)"
# The complete demo is unchanged: no warning.
"$bin" audit "$demo" "${now[@]}" >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "complete demo exits 0, got $rc"
grep -q "incomplete snapshot" out err && fail "complete demo has no warning"

# access: the same rule; summary and principal show the failure first.
"$bin" access partial alice.nguyen >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "access on a partial snapshot exits 3, got $rc"
"$bin" access partial alice.nguyen --allow-partial >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "access --allow-partial exits 0, got $rc: $(cat err)"
[ "$(head -1 out)" = "$headline" ] || fail "access text first line: $(head -1 out)"
"$bin" snapshot summary partial >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "summary of a partial snapshot exits 0, got $rc"
[ "$(head -1 out)" = "$headline" ] || fail "summary first line: $(head -1 out)"
"$bin" snapshot summary partial --format json >out 2>err
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["incompleteSnapshot"]==["organizations/organization.json: collection failed (AccessDeniedException: not allowed)"]' out \
  || fail "summary json incompleteSnapshot: $(head -c 300 out)"
"$bin" snapshot principal partial alice.nguyen >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "principal exits 0, got $rc"
[ "$(head -1 out)" = "$headline" ] || fail "principal first line: $(head -1 out)"
exit 0
