#!/usr/bin/env bash
# simulate reports the condition keys the decision consulted but the request lacks, always (text, JSON, batch).
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

printf '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}' >"$tmp/allow.json"
printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"DenyOutsideEU","Effect":"Deny","NotAction":"iam:*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1"]}}}]}' >"$tmp/guardrail.json"
args=(--policy "$tmp/allow.json" --scp "$tmp/guardrail.json" --principal arn:aws:iam::111111111111:user/a
  --action ec2:RunInstances)

# The issue's case: the guardrail evaluated without aws:RequestedRegion denies, and says why.
"$bin" simulate "${args[@]}" >"$tmp/out" 2>"$tmp/err" || fail "runs"
printf 'ExplicitDeny\n  explicit deny in scp level 1 policy %s, statement DenyOutsideEU\n  missing context values: aws:RequestedRegion\n' \
  "$tmp/guardrail.json" >"$tmp/want"
diff "$tmp/want" "$tmp/out" || fail "text output"
[ -s "$tmp/err" ] && fail "no warnings expected: $(cat "$tmp/err")"

"$bin" simulate "${args[@]}" --format json >"$tmp/json" || fail "json runs"
grep -qF '"missingContextValues":["aws:RequestedRegion"]' "$tmp/json" || fail "json: $(cat "$tmp/json")"

# Given, the key is no longer missing and the line disappears.
"$bin" simulate "${args[@]}" --context aws:RequestedRegion=eu-west-1 >"$tmp/out" || fail "runs with the key"
printf 'Allowed\n  allowed by identity policy %s, statement #0\n' "$tmp/allow.json" >"$tmp/want"
diff "$tmp/want" "$tmp/out" || fail "text output with the key"

# Batch lines carry them too.
printf '{"request":{"principal":"arn:aws:iam::111111111111:user/a","action":"ec2:RunInstances"},"policies":{"identity":[%s],"scp":[[%s]]},"expect":"ExplicitDeny"}\n' \
  "$(cat "$tmp/allow.json")" "$(cat "$tmp/guardrail.json")" >"$tmp/cases.jsonl"
"$bin" simulate --batch "$tmp/cases.jsonl" >"$tmp/batch" || fail "batch runs: $(cat "$tmp/batch")"
grep -qF '"ok":true,"missingContextValues":["aws:RequestedRegion"],"warnings":[]}' "$tmp/batch" || fail "batch line: $(cat "$tmp/batch")"
echo ok
