#!/usr/bin/env bash
# simulate --snapshot: sts:AssumeRole* (and TagSession, SetSourceIdentity) on a role of the snapshot
# use that role's trust policy as the resource policy, and say so; --resource-policy overrides it.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
snap="$src/examples/demo-account"
role() { echo "arn:aws:iam::111122223333:role/$1"; }

# security-audit-role trusts the account; oscar.reyes is an administrator: allowed, through the trust policy.
"$bin" simulate --snapshot "$snap" --principal oscar.reyes --action sts:AssumeRole --resource "$(role security-audit-role)" \
  --explain >"$tmp/out" || fail "allowed case runs"
[ "$(head -1 "$tmp/out")" = "Allowed" ] || fail "trusted: $(cat "$tmp/out")"
grep -qF "note: resource policy: trust policy of role security-audit-role from the snapshot ($(role security-audit-role))" \
  "$tmp/out" || fail "the trace says where the resource policy comes from: $(cat "$tmp/out")"
grep -qF "[applies] resource trust policy of role security-audit-role statement #0 (Allow)" "$tmp/out" \
  || fail "the trust statement is consulted: $(cat "$tmp/out")"

# vendor-monitoring-role trusts another account only: the trust policy does not admit the caller.
"$bin" simulate --snapshot "$snap" --principal oscar.reyes --action sts:AssumeRole --resource "$(role vendor-monitoring-role)" \
  --format json >"$tmp/json" || fail "denied case runs"
grep -qF '"decision":"ImplicitDeny","reason":"implicit deny: the role trust policy does not admit the caller"' "$tmp/json" \
  || fail "not admitted: $(cat "$tmp/json")"
grep -qF '"decidedBy":{"layer":"resource","policy":"trust policy of role vendor-monitoring-role"}' "$tmp/json" \
  || fail "decidedBy names the trust policy: $(cat "$tmp/json")"
grep -qF '"notes":["resource policy: trust policy of role vendor-monitoring-role from the snapshot' "$tmp/json" \
  || fail "json note: $(cat "$tmp/json")"

# --resource-policy still overrides it, and the trace says so.
printf '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}}' \
  >"$tmp/trust.json"
"$bin" simulate --snapshot "$snap" --principal oscar.reyes --action sts:AssumeRole --resource "$(role vendor-monitoring-role)" \
  --resource-policy "$tmp/trust.json" --explain >"$tmp/override" || fail "override runs"
[ "$(head -1 "$tmp/override")" = "Allowed" ] || fail "the given policy decides: $(cat "$tmp/override")"
grep -qF "note: resource policy: the --resource-policy file, instead of the trust policy of role vendor-monitoring-role" \
  "$tmp/override" || fail "override noted: $(cat "$tmp/override")"

# A matrix over roles; an ARN with the wrong path is not the role, and the note names the real ARN.
out=$("$bin" simulate --snapshot "$snap" --principal oscar.reyes --action sts:AssumeRole \
  --resource "$(role security-audit-role)" --resource "$(role partner-audit-role)") || fail "matrix runs"
echo "$out" | grep -E "security-audit-role +Allowed" >/dev/null || fail "matrix allowed row: $out"
echo "$out" | grep -E "partner-audit-role +ImplicitDeny +implicit deny: the role trust policy does not admit" >/dev/null \
  || fail "matrix denied row: $out"
"$bin" simulate --snapshot "$snap" --principal oscar.reyes --action sts:AssumeRole --resource "$(role ops/security-audit-role)" \
  --explain >"$tmp/path" || fail "wrong path runs"
grep -qF "is not a role of the snapshot (its role security-audit-role is $(role security-audit-role)), so no trust policy is used" \
  "$tmp/path" || fail "wrong path noted: $(cat "$tmp/path")"
grep -qF "no role trust policy was given" "$tmp/path" || fail "no trust policy: $(cat "$tmp/path")"
echo ok
