#!/usr/bin/env bash
# The flag and snapshot forms fill aws:ResourceAccount from the resource ARN's account (or
# --resource-account), list it among the derived keys, and keep a value the user gives.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
user=arn:aws:iam::111122223333:user/alice
own=arn:aws:sqs:us-east-1:111122223333:q
# Allow SQS only on resources of the caller's own account (the data-perimeter pattern).
printf '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sqs:*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceAccount":"111122223333"}}}}' \
  >"$tmp/own-account.json"

"$bin" simulate --policy "$tmp/own-account.json" --principal $user --action sqs:SendMessage --resource $own --explain \
  >"$tmp/out" || fail "flag form runs"
[ "$(head -1 "$tmp/out")" = "Allowed" ] || fail "own account allowed: $(cat "$tmp/out")"
grep -qF "derived context keys: aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:username, aws:PrincipalIsAWSService, aws:ResourceAccount" \
  "$tmp/out" || fail "listed among the derived keys: $(cat "$tmp/out")"
grep -qF "missing context values" "$tmp/out" && fail "nothing missing: $(cat "$tmp/out")"

# Another account's queue: the condition sees 444455556666 (and the request is cross-account too).
out=$("$bin" simulate --policy "$tmp/own-account.json" --principal $user --action sqs:SendMessage \
  --resource arn:aws:sqs:us-east-1:444455556666:q --format json) || fail "other account runs"
grep -qF '"decision":"ImplicitDeny"' <<<"$out" || fail "other account denied: $out"
grep -qF '"derivedContextKeys":["aws:PrincipalArn","aws:PrincipalAccount","aws:PrincipalType","aws:username","aws:PrincipalIsAWSService","aws:ResourceAccount"]' \
  <<<"$out" || fail "json derived keys: $out"

# No account in the ARN (a bucket) and no --resource-account: not derived, so the key is missing.
out=$("$bin" simulate --policy "$tmp/own-account.json" --principal $user --action sqs:SendMessage --resource '*') \
  || fail "star runs"
grep -qF "missing context values: aws:ResourceAccount" <<<"$out" || fail "unknown account: $out"
# --resource-account gives it.
out=$("$bin" simulate --policy "$tmp/own-account.json" --principal $user --action sqs:SendMessage --resource '*' \
  --resource-account 111122223333) || fail "resource-account runs"
[ "$(head -1 <<<"$out")" = "Allowed" ] || fail "--resource-account fills the key: $out"

# A value the user gives is kept; one that contradicts the ARN is warned about.
out=$("$bin" simulate --policy "$tmp/own-account.json" --principal $user --action sqs:SendMessage \
  --resource arn:aws:sqs:us-east-1:444455556666:q --context aws:ResourceAccount=111122223333 --explain 2>"$tmp/err") \
  || fail "given key runs"
grep -qF "derived context keys: aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:username, aws:PrincipalIsAWSService" \
  <<<"$out" || fail "derived keys: $out"
grep -qF "aws:ResourceAccount, " <<<"$(grep 'derived context keys' <<<"$out")" && fail "given key not derived: $out"
grep -qF "warning: aws:ResourceAccount is given as \"111122223333\", but the resource's account is 444455556666" "$tmp/err" \
  || fail "conflict warned: $(cat "$tmp/err")"

# The snapshot form derives it too.
out=$("$bin" simulate --snapshot "$src/examples/demo-account" --principal oscar.reyes --action sqs:SendMessage \
  --resource $own --explain) || fail "snapshot runs"
grep -E "derived context keys: .*aws:ResourceAccount" <<<"$out" >/dev/null || fail "snapshot derives it: $out"
echo ok
