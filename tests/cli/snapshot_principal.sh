#!/usr/bin/env bash
# snapshot principal: every policy of a user or role with where it comes from; unknown principal exits 1.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
dir=$src/tests/snapshot/data/account1

"$bin" snapshot principal "$dir" alice >"$tmp/out"; rc=$?
[ $rc -eq 0 ] || fail "principal exits 0, got $rc"
grep -q "^user alice" "$tmp/out" || fail "header: $(cat "$tmp/out")"
grep -q "group-managed  custom (arn:aws:iam::111122223333:policy/custom) v2  via group admins" "$tmp/out" || fail "group policy with group name: $(cat "$tmp/out")"
grep -q "boundary       boundary" "$tmp/out" || fail "boundary listed"
grep -q "DenyOtherRegions.*at ou-ab12-workload1 (ORGANIZATIONAL_UNIT)" "$tmp/out" || fail "SCP per level"
grep -q "page-1.json:10:60#/UserDetailList/0/UserPolicyList/0/PolicyDocument" "$tmp/out" || fail "inline policy location"
grep -q "UNRESOLVED" "$tmp/out" || fail "unresolved policy flagged"

"$bin" snapshot principal "$dir" arn:aws:sts::111122223333:assumed-role/deployer/s1 --format json >"$tmp/json"; rc=$?
[ $rc -eq 0 ] || fail "session ARN exits 0, got $rc"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["type"]=="role" and d["name"]=="deployer"; a=[p["attachment"] for p in d["policies"]]; assert a[:2]==["inline","managed"], a; assert "scp" in a' "$tmp/json" \
  || fail "json principal: $(cat "$tmp/json")"

"$bin" snapshot principal --gaad "$dir/authorization-details/page-2.json" deployer >"$tmp/out"; rc=$?
[ $rc -eq 0 ] || fail "--gaad principal exits 0, got $rc"
grep -q "not evaluated" "$tmp/out" || fail "SCPs marked not evaluated without org data: $(cat "$tmp/out")"

"$bin" snapshot principal "$dir" nobody >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "unknown principal exits 1, got $rc"
grep -q 'no user or role "nobody"' "$tmp/err" || fail "unknown principal message"
"$bin" snapshot principal "$dir" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "missing NAME exits 2, got $rc"
exit 0
