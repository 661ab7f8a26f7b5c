#!/usr/bin/env bash
# simulate: the reason line names the layer that decided, also when a resource-policy grant is stopped.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

printf '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/app"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}}' >"$tmp/bucket.json"
printf '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}' >"$tmp/ec2-only.json"
session=arn:aws:sts::111111111111:assumed-role/app/s1

# Same-account bucket policy naming the role, boundary without S3: the boundary decided.
"$bin" simulate --resource-policy "$tmp/bucket.json" --boundary "$tmp/ec2-only.json" --principal $session \
  --action s3:GetObject --resource arn:aws:s3:::data/k >"$tmp/out" || fail "runs"
printf 'ImplicitDeny\n  implicit deny: the permissions boundary does not allow the action\n' >"$tmp/want"
diff "$tmp/want" "$tmp/out" || fail "boundary named"
"$bin" simulate --resource-policy "$tmp/bucket.json" --boundary "$tmp/ec2-only.json" --principal $session \
  --action s3:GetObject --resource arn:aws:s3:::data/k --format json >"$tmp/json" || fail "json runs"
grep -qF '"decidedBy":{"layer":"boundary"}' "$tmp/json" || fail "json layer: $(cat "$tmp/json")"

# Without the boundary the bucket policy allows.
[ "$("$bin" simulate --resource-policy "$tmp/bucket.json" --principal $session --action s3:GetObject \
  --resource arn:aws:s3:::data/k | head -1)" = "Allowed" ] || fail "bucket policy allows without the boundary"

# A session policy stops it the same way.
"$bin" simulate --resource-policy "$tmp/bucket.json" --session-policy "$tmp/ec2-only.json" --principal $session \
  --action s3:GetObject --resource arn:aws:s3:::data/k >"$tmp/out" || fail "runs"
grep -qxF '  implicit deny: the session policy does not allow the action' "$tmp/out" || fail "session named: $(cat "$tmp/out")"

# Role trust: the trust policy is named.
printf '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/bob"},"Action":"sts:AssumeRole"}}' >"$tmp/trust.json"
printf '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}' >"$tmp/allow.json"
"$bin" simulate --policy "$tmp/allow.json" --resource-policy "$tmp/trust.json" --principal arn:aws:iam::111111111111:user/alice \
  --action sts:AssumeRole --resource arn:aws:iam::111111111111:role/target >"$tmp/out" || fail "runs"
grep -qxF '  implicit deny: the role trust policy does not admit the caller' "$tmp/out" || fail "trust named: $(cat "$tmp/out")"
echo ok
