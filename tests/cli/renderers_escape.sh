#!/usr/bin/env bash
# Every text renderer escapes what it quotes from input: simulate --explain (Sids, ARNs), snapshot
# principal and access (names from an account). No raw ESC, BEL or CR reaches the terminal, and a
# newline in a name cannot forge a line.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
esc=$(printf '\033'); bel=$(printf '\007'); cr=$(printf '\r')
raw() { grep -q "[$esc$bel$cr]" "$1"; }

# simulate: a Sid and a resource with escape sequences.
cat >"$tmp/policy.json" <<'JSON'
{"Version":"2012-10-17","Statement":[{"Sid":"Allow\u001b]0;owned\u0007Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}
JSON
"$bin" simulate --policy "$tmp/policy.json" --principal arn:aws:iam::111111111111:user/alice --action s3:GetObject \
  --resource "$(printf 'arn:aws:s3:::b/x\033[2K\ny')" --explain >"$tmp/out" 2>&1
raw "$tmp/out" && fail "simulate printed a raw control character: $(cat -v "$tmp/out")"
grep -q 'Allow\\x1b\]0;owned\\x07Read' "$tmp/out" || fail "the Sid is escaped: $(cat -v "$tmp/out")"
grep -q 'arn:aws:s3:::b/x\\x1b\[2K\\ny' "$tmp/out" || fail "the resource is escaped: $(cat -v "$tmp/out")"

# snapshot principal and access: a GAAD whose role path and inline policy name carry escapes.
mkdir -p "$tmp/snap"
python3 - "$tmp/snap/authorization-details.json" <<'PY'
import json, sys
policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
gaad = {"UserDetailList": [{
    "UserName": "alice", "UserId": "AIDAEXAMPLEEXAMPLE001", "Path": "/",
    "Arn": "arn:aws:iam::111122223333:user/alice", "CreateDate": "2026-01-01T00:00:00Z",
    "GroupList": [], "AttachedManagedPolicies": [],
    "UserPolicyList": [{"PolicyName": "evil\u001b[2J\nPASS forged", "PolicyDocument": policy}]}],
    "GroupDetailList": [], "RoleDetailList": [], "Policies": []}
json.dump(gaad, open(sys.argv[1], "w"))
PY
"$bin" snapshot principal "$tmp/snap" alice --allow-partial >"$tmp/out" 2>&1 || "$bin" snapshot principal "$tmp/snap" alice >"$tmp/out" 2>&1
raw "$tmp/out" && fail "snapshot principal printed a raw control character: $(cat -v "$tmp/out")"
grep -q 'evil\\x1b\[2J\\nPASS forged' "$tmp/out" || fail "snapshot principal escapes the policy name: $(cat -v "$tmp/out")"
"$bin" access "$tmp/snap" alice --service s3 --allow-partial >"$tmp/out" 2>&1
raw "$tmp/out" && fail "access printed a raw control character: $(cat -v "$tmp/out")"
"$bin" access "$tmp/snap" alicia --allow-partial >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 1 ] || fail "unknown principal exits 1, got $rc: $(cat "$tmp/out")"
grep -q 'no user or role "alicia" in the snapshot; did you mean "alice"?' "$tmp/out" \
  || fail "access suggests the principal: $(cat "$tmp/out")"
exit 0
