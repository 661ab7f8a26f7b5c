#!/usr/bin/env bash
# simulate with several --action/--resource: one decision per pair (table or JSON list), --expect, SCP levels.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

printf '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/*"}}' >"$tmp/p.json"
args=(--policy "$tmp/p.json" --principal arn:aws:iam::111111111111:user/u --action s3:GetObject --action s3:PutObject
  --resource arn:aws:s3:::a/k --resource arn:aws:s3:::b/k)
"$bin" simulate "${args[@]}" >"$tmp/out" || fail "matrix runs"
cat >"$tmp/want" <<EOF2
ACTION        RESOURCE          DECISION      REASON
s3:GetObject  arn:aws:s3:::a/k  Allowed       allowed by identity policy $tmp/p.json, statement #0
s3:GetObject  arn:aws:s3:::b/k  ImplicitDeny  implicit deny: no identity-based or resource-based policy allows the action
s3:PutObject  arn:aws:s3:::a/k  ImplicitDeny  implicit deny: no identity-based or resource-based policy allows the action
s3:PutObject  arn:aws:s3:::b/k  ImplicitDeny  implicit deny: no identity-based or resource-based policy allows the action
EOF2
diff "$tmp/want" "$tmp/out" || fail "matrix table"

"$bin" simulate "${args[@]}" --format json >"$tmp/json" || fail "json matrix runs"
[ "$(head -c 62 "$tmp/json")" = '[{"action":"s3:GetObject","resource":"arn:aws:s3:::a/k","decis' ] || fail "json list: $(cat "$tmp/json")"
[ "$(grep -o '"decision":' "$tmp/json" | wc -l)" -eq 4 ] || fail "four answers: $(cat "$tmp/json")"

# Exit codes: 0 whatever the decisions; --expect makes a differing pair exit 1.
"$bin" simulate "${args[@]}" --expect ImplicitDeny >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "--expect not met exits 1, got $rc"
"$bin" simulate "${args[@]::4}" --action s3:GetObject --resource arn:aws:s3:::a/k --resource arn:aws:s3:::a/j \
  --expect Allowed >/dev/null; rc=$?
[ $rc -eq 0 ] || fail "--expect met exits 0, got $rc"
"$bin" simulate "${args[@]}" --explain >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--explain with a matrix is a usage error, got $rc"

# Snapshot form: the principal's policies for every pair.
"$bin" simulate --snapshot "$src/tests/snapshot/data/account1" --principal deployer --action s3:GetObject \
  --action iam:CreateUser --resource arn:aws:s3:::b/k --context aws:RequestedRegion=eu-west-1 >"$tmp/out" || fail "snapshot matrix"
[ "$(wc -l <"$tmp/out")" -eq 3 ] || fail "header and two rows: $(cat "$tmp/out")"
grep -q '^s3:GetObject .* Allowed ' "$tmp/out" || fail "snapshot matrix row: $(cat "$tmp/out")"
echo ok
