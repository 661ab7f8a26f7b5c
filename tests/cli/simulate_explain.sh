#!/usr/bin/env bash
# simulate --explain (text and JSON) and the flag form with derived principal keys.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" simulate "$src/examples/requests/region-guardrail.json" --explain >"$tmp/out" || fail "explain runs"
grep -qF "explicit deny in scp level 2 policy /policies/scp/1/0, statement DenyOutsideEU" "$tmp/out" || fail "deciding rule: $(cat "$tmp/out")"
grep -qF 'condition StringNotEquals aws:RequestedRegion ["eu-west-1", "eu-central-1"] against "us-east-1": true' "$tmp/out" \
  || fail "condition explained: $(cat "$tmp/out")"

"$bin" simulate "$src/examples/requests/region-guardrail.json" --explain --format json >"$tmp/json" || fail "json runs"
grep -qF '"decidedBy":{"layer":"scp","level":2,"policy":"/policies/scp/1/0","statement":"DenyOutsideEU"' "$tmp/json" \
  || fail "json decidedBy: $(cat "$tmp/json")"
grep -qF '"missingContextValues":[]' "$tmp/json" || fail "json missing keys: $(cat "$tmp/json")"

"$bin" simulate --policy "$src/examples/policies/read-own-home.json" --principal arn:aws:iam::111111111111:user/martha \
  --action s3:GetObject --resource arn:aws:s3:::home-bucket/home/martha/notes.txt --explain >"$tmp/flags" || fail "flag form runs"
[ "$(head -1 "$tmp/flags")" = "Allowed" ] || fail "flag form decision: $(cat "$tmp/flags")"
grep -qF "derived context keys: aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:username" "$tmp/flags" \
  || fail "derived keys listed: $(cat "$tmp/flags")"
"$bin" simulate --policy "$src/examples/policies/read-own-home.json" --principal arn:aws:iam::111111111111:user/bob \
  --action s3:GetObject --resource arn:aws:s3:::home-bucket/home/martha/notes.txt >"$tmp/flags2" || fail "flag form runs"
[ "$(head -1 "$tmp/flags2")" = "ImplicitDeny" ] || fail "bob cannot read martha's home: $(cat "$tmp/flags2")"
"$bin" simulate --policy "$src/examples/policies/read-own-home.json" --principal arn:aws:iam::111111111111:user/bob \
  --action s3:ListBucket --resource arn:aws:s3:::home-bucket --context-list aws:TagKeys=a,b --context s3:prefix=home/bob/x \
  >"$tmp/flags3" || fail "context flags"
[ "$(head -1 "$tmp/flags3")" = "Allowed" ] || fail "list own prefix: $(cat "$tmp/flags3")"
printf '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}' >"$tmp/allow.json"
printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}' >"$tmp/scp.json"
args=(--policy "$tmp/allow.json" --scp "$tmp/scp.json" --principal arn:aws:iam::111111111111:user/a --action s3:GetObject --resource arn:aws:s3:::b/k)
[ "$("$bin" simulate "${args[@]}" | head -1)" = "ExplicitDeny" ] || fail "SCP deny applies in a member account"
[ "$("$bin" simulate "${args[@]}" --caller-in-management-account | head -1)" = "Allowed" ] || fail "management account is exempt"
echo ok
