#!/usr/bin/env bash
# Every AWS-managed policy is accepted by AWS, so none may produce an ERROR finding.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" lint --aws-managed --format json --fail-on error >"$tmp/out"; rc=$?
grep -q '"ERROR":0,' "$tmp/out" || fail "AWS-managed policies have ERROR findings: $(grep -o '"code":"[a-z_]*","severity":"ERROR"' "$tmp/out" | sort | uniq -c)"
[ $rc -eq 0 ] || fail "exit 0 expected, got $rc"
files=$(grep -o '"files":[0-9]*' "$tmp/out" | cut -d: -f2)
[ "$files" -gt 1000 ] || fail "all managed policies linted, got $files"

"$bin" lint --aws-managed AdministratorAccess >"$tmp/out"
grep -q "arn:aws:iam::aws:policy/AdministratorAccess:.*\[full_admin_access\]" "$tmp/out" || fail "admin flagged: $(cat "$tmp/out")"
"$bin" lint --aws-managed NoSuchPolicy >/dev/null 2>&1; rc=$?
[ $rc -eq 3 ] || fail "unknown managed policy exits 3, got $rc"
exit 0
