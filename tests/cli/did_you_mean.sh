#!/usr/bin/env bash
# "Did you mean": a misspelt command, a snapshot principal, a managed-policy name, an action pattern.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" simualte x.json >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "unknown command exits 2, got $rc"
grep -qxF 'error: unknown command "simualte"; did you mean "simulate"?' "$tmp/err" || fail "command: $(cat "$tmp/err")"
"$bin" $'sim\x1b[31m' >/dev/null 2>"$tmp/err"
grep -qF $'\x1b' "$tmp/err" && fail "the word is escaped: $(cat -v "$tmp/err")"

"$bin" simulate --snapshot "$src/examples/demo-account" --principal alice --action s3:GetObject >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "unknown principal exits 3, got $rc"
grep -qF 'no user or role "alice" in the snapshot; did you mean "alice.nguyen"?' "$tmp/err" || fail "principal: $(cat "$tmp/err")"

"$bin" managed-policy ReadOnlyAcess >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "unknown managed policy exits 1, got $rc"
grep -qxF 'error: no AWS-managed policy named "ReadOnlyAcess"; did you mean "ReadOnlyAccess"?' "$tmp/err" || fail "policy: $(cat "$tmp/err")"

"$bin" actions 's3:GetObjekt*' >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "pattern matching nothing exits 1, got $rc"
grep -qxF '"s3:GetObjekt*" matches no action; did you mean "s3:GetObject*"?' "$tmp/err" || fail "pattern: $(cat "$tmp/err")"
echo ok
