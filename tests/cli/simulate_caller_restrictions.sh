#!/usr/bin/env bash
# simulate applies data/caller-restrictions.json in every form: a role session cannot call
# sts:GetSessionToken (an implicit deny that says why), an IAM user is evaluated as usual.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
session=arn:aws:sts::111122223333:assumed-role/Dev/s1
user=arn:aws:iam::111122223333:user/alice
reason="implicit deny: sts:GetSessionToken cannot be called by a role session: it needs the long-term credentials of an IAM user or the root user"
printf '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}' >"$tmp/admin.json"

# Flag form, text and JSON.
"$bin" simulate --policy "$tmp/admin.json" --principal $session --action sts:GetSessionToken >"$tmp/out" || fail "flag form runs"
[ "$(head -1 "$tmp/out")" = "ImplicitDeny" ] || fail "role session denied: $(cat "$tmp/out")"
grep -qF "  $reason" "$tmp/out" || fail "reason given: $(cat "$tmp/out")"
grep -qF "(data/caller-restrictions.json)" "$tmp/out" || fail "cites the data file: $(cat "$tmp/out")"
"$bin" simulate --policy "$tmp/admin.json" --principal $session --action sts:GetSessionToken --expect ImplicitDeny \
  --format json >"$tmp/json" || fail "json runs and meets --expect"
grep -qF "\"reason\":\"$reason" "$tmp/json" || fail "json reason: $(cat "$tmp/json")"
grep -qF '"decidedBy":{"layer":"caller"}' "$tmp/json" || fail "json decidedBy: $(cat "$tmp/json")"
grep -qF '"notes":["sts:GetSessionToken cannot be called by a role session' "$tmp/json" || fail "json trace note: $(cat "$tmp/json")"
"$bin" simulate --policy "$tmp/admin.json" --principal $session --action sts:GetSessionToken --explain >"$tmp/explain" \
  || fail "explain runs"
grep -qF "note: sts:GetSessionToken cannot be called by a role session" "$tmp/explain" || fail "explained: $(cat "$tmp/explain")"

# An IAM user is evaluated normally (GetSessionToken is not controlled by policies).
out=$("$bin" simulate --principal $user --action sts:GetSessionToken) || fail "user runs"
[ "$(echo "$out" | head -1)" = "Allowed" ] || fail "user may get a session token: $out"
out=$("$bin" simulate --principal $user --action iam:ChangePassword --resource arn:aws:iam::111122223333:user/alice) \
  || fail "change password runs"
echo "$out" | grep -qF "no identity-based or resource-based policy allows the action" || fail "user: the policies decide: $out"

# Matrix: one refused pair among evaluated ones.
out=$("$bin" simulate --policy "$tmp/admin.json" --principal $session --action sts:GetSessionToken --action s3:GetObject) \
  || fail "matrix runs"
echo "$out" | grep -E "^sts:GetSessionToken +\* +ImplicitDeny +implicit deny: sts:GetSessionToken cannot be called" >/dev/null \
  || fail "matrix refusal row: $out"
echo "$out" | grep -E "^s3:GetObject +\* +Allowed" >/dev/null || fail "matrix allowed row: $out"

# Request files and batches.
printf '{"request":{"principal":"%s","action":"sts:GetFederationToken"},"policies":{"identity":{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}},"expect":"ImplicitDeny"}' \
  $session >"$tmp/case.json"
out=$("$bin" simulate "$tmp/case.json") || fail "request file meets its expectation: $out"
echo "$out" | grep -qF "sts:GetFederationToken cannot be called by a role session" || fail "request file reason: $out"
mkdir "$tmp/batch"
cp "$tmp/case.json" "$tmp/batch/session.json"
printf '{"request":{"principal":"%s","action":"sts:GetSessionToken"},"expect":"Allowed"}' $user >"$tmp/batch/user.json"
"$bin" simulate --batch "$tmp/batch" >"$tmp/batch.out" || fail "batch passes: $(cat "$tmp/batch.out")"
grep -qF "2 passed, 0 failed" "$tmp/batch.out" || fail "batch counts: $(cat "$tmp/batch.out")"

# The snapshot form: a role of the demo account, then a user.
out=$("$bin" simulate --snapshot "$src/examples/demo-account" --principal github-actions-deploy --action sts:GetSessionToken) \
  || fail "snapshot role runs"
[ "$(echo "$out" | head -1)" = "ImplicitDeny" ] || fail "snapshot role denied: $out"
echo "$out" | grep -qF "$reason" || fail "snapshot reason: $out"
out=$("$bin" simulate --snapshot "$src/examples/demo-account" --principal oscar.reyes --action sts:GetSessionToken) \
  || fail "snapshot user runs"
[ "$(echo "$out" | head -1)" = "Allowed" ] || fail "snapshot user allowed: $out"

# --data-dir reads the file from there; a malformed one is an input error naming the file and pointer.
mkdir "$tmp/data"
zcat "$src/data/catalog.json.gz" >"$tmp/data/catalog.json"
printf '{"format":1,"restrictions":[]}' >"$tmp/data/caller-restrictions.json"
out=$("$bin" simulate --data-dir "$tmp/data" --principal $session --action sts:GetSessionToken) || fail "data-dir runs"
[ "$(echo "$out" | head -1)" = "Allowed" ] || fail "no restriction in the data dir: $out"
printf '{"format":1,"restrictions":[{"action":"sts:GetSessionToken","callers":["robot"],"reason":"r","reference":"u"}]}' \
  >"$tmp/data/caller-restrictions.json"
"$bin" simulate --data-dir "$tmp/data" --principal $session --action sts:GetSessionToken >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "malformed data exits 3, got $rc"
grep -qF "$tmp/data/caller-restrictions.json: the caller restriction data is malformed" "$tmp/err" || fail "names the file: $(cat "$tmp/err")"
grep -qF "(at /restrictions/0/callers/0)" "$tmp/err" || fail "names the pointer: $(cat "$tmp/err")"
echo ok
