#!/usr/bin/env bash
# simulate --snapshot: the principal's policies and SCPs come from the snapshot (tests/snapshot/data/account1).
set -u
bin=$1; src=$2
snap="$src/tests/snapshot/data/account1"
fail() { echo "FAIL: $*"; exit 1; }

out=$("$bin" simulate --snapshot "$snap" --principal deployer --action s3:GetObject --resource arn:aws:s3:::b/k \
  --context aws:RequestedRegion=eu-west-1) || fail "allowed case runs"
[ "$(echo "$out" | head -1)" = "Allowed" ] || fail "role allowed by its managed policy: $out"
echo "$out" | grep -qF "allowed by identity policy managed custom" || fail "names the granting policy: $out"

out=$("$bin" simulate --snapshot "$snap" --principal arn:aws:sts::111122223333:assumed-role/deployer/s1 \
  --action s3:GetObject --resource arn:aws:s3:::b/k --context aws:RequestedRegion=us-east-1 --explain) || fail "deny case runs"
[ "$(echo "$out" | head -1)" = "ExplicitDeny" ] || fail "the OU's region SCP denies: $out"
echo "$out" | grep -qF "scp DenyOtherRegions (via ou-ab12-workload1 (ORGANIZATIONAL_UNIT))" || fail "names the SCP and level: $out"
echo "$out" | grep -q "derived context keys: .*aws:PrincipalArn" || fail "derives principal keys: $out"

"$bin" simulate --snapshot "$snap" --principal nobody --action s3:GetObject >/dev/null 2>&1; rc=$?
[ $rc -eq 3 ] || fail "unknown principal exits 3, got $rc"
# alice references an AWS-managed policy nobody knows: the decision cannot be made.
"$bin" simulate --snapshot "$snap" --principal alice --action s3:GetObject --resource arn:aws:s3:::b/k >/dev/null 2>"${TMPDIR:-/tmp}/snap_err.$$"; rc=$?
grep -q "NoSuchManagedPolicyAnywhere cannot be resolved" "${TMPDIR:-/tmp}/snap_err.$$" || fail "unresolved policy named: $(cat "${TMPDIR:-/tmp}/snap_err.$$")"
rm -f "${TMPDIR:-/tmp}/snap_err.$$"
[ $rc -eq 3 ] || fail "unresolved policy exits 3, got $rc"
echo ok
