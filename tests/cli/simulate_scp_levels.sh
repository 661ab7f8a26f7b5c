#!/usr/bin/env bash
# simulate --scp-level: several SCPs in one level (comma-separated files, or a file with a JSON array).
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

printf '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}' >"$tmp/full.json"
printf '{"Version":"2012-10-17","Statement":{"Sid":"NoS3Delete","Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}}' >"$tmp/deny.json"
printf '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}' >"$tmp/ec2.json"
base=(--policy "$tmp/full.json" --principal arn:aws:iam::111111111111:user/u --resource arn:aws:s3:::b/k)

# Root: full access; OU: FullAWSAccess plus a deny, in one level.
"$bin" simulate "${base[@]}" --action s3:DeleteObject --scp-level "$tmp/full.json" \
  --scp-level "$tmp/full.json,$tmp/deny.json" >"$tmp/out" || fail "runs"
grep -qxF "  explicit deny in scp level 2 policy $tmp/deny.json, statement NoS3Delete" "$tmp/out" || fail "deny at level 2: $(cat "$tmp/out")"
[ "$("$bin" simulate "${base[@]}" --action s3:GetObject --scp-level "$tmp/full.json" \
  --scp-level "$tmp/full.json,$tmp/deny.json" | head -1)" = "Allowed" ] || fail "level 2 allows other actions"

# The same level as one file holding an array of policies.
printf '[%s,%s]' "$(cat "$tmp/full.json")" "$(cat "$tmp/deny.json")" >"$tmp/ou.json"
"$bin" simulate "${base[@]}" --action s3:DeleteObject --scp-level "$tmp/full.json" --scp-level "$tmp/ou.json" >"$tmp/out" || fail "runs"
grep -qxF "  explicit deny in scp level 2 policy $tmp/ou.json[1], statement NoS3Delete" "$tmp/out" || fail "array file: $(cat "$tmp/out")"

# A level whose policies allow only EC2: implicit deny at that level.
"$bin" simulate "${base[@]}" --action s3:GetObject --scp-level "$tmp/full.json" --scp-level "$tmp/ec2.json" >"$tmp/out" || fail "runs"
grep -qxF "  implicit deny: no SCP at level 2 allows the action" "$tmp/out" || fail "level without allow: $(cat "$tmp/out")"

# --scp keeps working (one policy per level); mixing the two is a usage error.
[ "$("$bin" simulate "${base[@]}" --action s3:DeleteObject --scp "$tmp/full.json" --scp "$tmp/ec2.json" | head -1)" = "ImplicitDeny" ] \
  || fail "--scp levels"
"$bin" simulate "${base[@]}" --action s3:GetObject --scp "$tmp/full.json" --scp-level "$tmp/full.json" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "mixing --scp and --scp-level exits 2, got $rc"
echo ok
