#!/usr/bin/env bash
# lint: exit 0 when clean, 1 at or above --fail-on, 2 on usage errors, 3 when an input is unreadable (others still linted).
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cases=$src/tests/lint/cases

"$bin" lint "$cases/identity/invalid_action.ok.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] || fail "clean policy exits 0, got $rc: $(cat "$tmp/out")"
[ ! -s "$tmp/out" ] || fail "clean policy prints nothing on stdout: $(cat "$tmp/out")"
[ "$(cat "$tmp/err")" = "iamwarden lint: 1 policy (1 identity), no findings" ] || fail "clean run summary: $(cat "$tmp/err")"
"$bin" lint -q "$cases/identity/invalid_action.ok.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ] || fail "-q prints nothing on a clean run: $rc $(cat "$tmp/out" "$tmp/err")"
"$bin" lint "$cases/identity/invalid_action.json" "$cases/identity/invalid_effect.json" >/dev/null 2>"$tmp/err"
[ "$(cat "$tmp/err")" = "iamwarden lint: 2 policies (2 identity), 1 error, 1 warning" ] || fail "summary counts: $(cat "$tmp/err")"
"$bin" lint --type identity "$cases/identity/invalid_action.ok.json" >/dev/null 2>"$tmp/err"
[ "$(cat "$tmp/err")" = "iamwarden lint: 1 policy, no findings" ] || fail "given kinds are not counted: $(cat "$tmp/err")"
"$bin" lint --format json "$cases/identity/invalid_action.ok.json" >/dev/null 2>"$tmp/err"
[ ! -s "$tmp/err" ] || fail "no summary line with --format json: $(cat "$tmp/err")"

"$bin" lint "$cases/identity/invalid_effect.json" >/dev/null; rc=$?
[ $rc -eq 1 ] || fail "an ERROR exits 1, got $rc"

"$bin" lint "$cases/identity/invalid_action.json" >/dev/null; rc=$?
[ $rc -eq 0 ] || fail "a WARNING passes the default --fail-on security_warning, got $rc"
"$bin" lint "$cases/identity/pass_role_with_star_in_resource.json" >/dev/null; rc=$?
[ $rc -eq 1 ] || fail "a SECURITY_WARNING fails the default --fail-on, got $rc"
"$bin" lint --fail-on error "$cases/identity/pass_role_with_star_in_resource.json" >/dev/null; rc=$?
[ $rc -eq 0 ] || fail "--fail-on error lets a SECURITY_WARNING pass, got $rc"
"$bin" lint --fail-on warning "$cases/identity/invalid_action.json" >/dev/null; rc=$?
[ $rc -eq 1 ] || fail "a WARNING fails --fail-on warning, got $rc"
"$bin" lint --fail-on security_warning "$cases/identity/pass_role_with_star_in_resource.json" >/dev/null; rc=$?
[ $rc -eq 1 ] || fail "a SECURITY_WARNING fails --fail-on security_warning, got $rc"
"$bin" lint --fail-on warning "$cases/identity/redundant_action.json" >/dev/null; rc=$?
[ $rc -eq 0 ] || fail "a SUGGESTION passes --fail-on warning, got $rc"

# An unknown --resource-type is a usage error that lists the known ones; nothing is linted.
"$bin" lint --resource-type AWS::Foo::Bar "$cases/resource/invalid_principal_key.ok.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "unknown --resource-type exits 2, got $rc"
grep -q 'unknown --resource-type "AWS::Foo::Bar"; known: AWS::S3::Bucket' "$tmp/err" || fail "unknown --resource-type message: $(cat "$tmp/err")"
[ ! -s "$tmp/out" ] || fail "unknown --resource-type lints nothing: $(cat "$tmp/out")"

# --explain: what a code means, why and how to fix; an unknown code is a usage error with a suggestion.
"$bin" lint --explain resource_star >"$tmp/out"; rc=$?
[ $rc -eq 0 ] || fail "--explain exits 0, got $rc"
[ "$(head -1 "$tmp/out")" = "resource_star (WARNING)" ] || fail "--explain header: $(cat "$tmp/out")"
grep -q "^Why it matters: " "$tmp/out" && grep -q "^How to fix it: " "$tmp/out" || fail "--explain body: $(cat "$tmp/out")"
"$bin" lint --explain data_exfiltraton >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "--explain of an unknown code exits 2, got $rc"
grep -q '(did you mean data_exfiltration?)' "$tmp/err" || fail "--explain suggestion: $(cat "$tmp/err")"

# Many files on several threads: the same report, in the inputs' order, as on one.
"$bin" lint --threads 1 --format json "$cases" >"$tmp/one" 2>/dev/null
"$bin" lint --threads 4 --format json "$cases" >"$tmp/four" 2>/dev/null
cmp -s "$tmp/one" "$tmp/four" || fail "--threads changes the report"
[ "$(grep -c '"code"' "$tmp/one")" -gt 100 ] || fail "the corpus gives many findings: $(head -c 300 "$tmp/one")"

"$bin" lint --fail-on fatal "$cases/identity/invalid_action.json" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "bad --fail-on exits 2, got $rc"
"$bin" lint --type nonsense x.json >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "bad --type exits 2, got $rc"
"$bin" lint >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "no input exits 2, got $rc"

printf '{"Version": "2012-10-17", "Statement": [' >"$tmp/broken.json"
"$bin" lint "$tmp/missing.json" "$tmp/broken.json" "$cases/identity/invalid_action.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "unreadable and broken inputs exit 3, got $rc"
grep -q "missing.json" "$tmp/err" || fail "missing file reported: $(cat "$tmp/err")"
grep -q "broken.json:1:.*\[json_syntax_error\]" "$tmp/out" || fail "broken JSON is a finding: $(cat "$tmp/out")"
grep -q "\[invalid_action\]" "$tmp/out" || fail "the good file is still linted: $(cat "$tmp/out")"
exit 0
