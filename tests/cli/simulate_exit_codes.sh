#!/usr/bin/env bash
# simulate: exit codes 0 (done), 1 (expectation differs), 2 (usage), 3 (input error, located).
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" simulate "$src/examples/requests/boundary-caps-admin.json" >"$tmp/out" || fail "example should pass"
[ "$(head -1 "$tmp/out")" = "ImplicitDeny" ] || fail "first line is the decision: $(head -1 "$tmp/out")"

sed 's/"expect": "ImplicitDeny"/"expect": "Allowed"/' "$src/examples/requests/boundary-caps-admin.json" >"$tmp/wrong.json"
"$bin" simulate "$tmp/wrong.json" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "expectation mismatch exits 1, got $rc"
grep -q "expected Allowed, got ImplicitDeny" "$tmp/err" || fail "mismatch message: $(cat "$tmp/err")"

"$bin" simulate --no-such-flag >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "usage error exits 2, got $rc"
"$bin" simulate >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "no input exits 2, got $rc"

printf '{"request": {"action": "s3:GetObject",\n  "principal": "arn:aws:iam::111111111111:user/a"},\n  "policies": {"identity": [{"Statement": {"Effect": "allow", "Action": "s3:*"}}]}}\n' >"$tmp/bad.json"
"$bin" simulate "$tmp/bad.json" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "bad policy exits 3, got $rc"
grep -qF "bad.json:3:54: Effect must be \"Allow\" or \"Deny\", found \"allow\" (at /policies/identity/0/Statement/Effect)" "$tmp/err" \
  || fail "located effect error: $(cat "$tmp/err")"
grep -qF "(at /policies/identity/0/Statement)" "$tmp/err" || fail "second error (missing Resource) also reported"

printf '{"request": ' >"$tmp/truncated.json"
"$bin" simulate "$tmp/truncated.json" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "truncated JSON exits 3, got $rc"
grep -q "truncated.json:1:" "$tmp/err" || fail "truncated file named: $(cat "$tmp/err")"

printf '{"name": "\xff"}' >"$tmp/utf8.json"
"$bin" simulate "$tmp/utf8.json" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "invalid UTF-8 exits 3, got $rc"
grep -q "utf8.json:1:11: invalid UTF-8" "$tmp/err" || fail "UTF-8 error located: $(cat "$tmp/err")"

"$bin" simulate "$tmp/missing.json" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "missing file exits 3, got $rc"
echo ok
