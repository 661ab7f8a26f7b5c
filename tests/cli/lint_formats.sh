#!/usr/bin/env bash
# lint output: compiler-style text with source and caret, JSON findings, SARIF 2.1.0, and --list-checks.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
policy=$src/tests/lint/cases/identity/pass_role_with_star_in_resource.json

"$bin" lint "$policy" >"$tmp/out"
grep -q "pass_role_with_star_in_resource.json:7:7: security warning: this statement allows iam:PassRole on every role \[pass_role_with_star_in_resource\]" "$tmp/out" \
  || fail "text line: $(cat "$tmp/out")"
grep -q '^        "Resource": "\*"$' "$tmp/out" || fail "source line quoted: $(cat "$tmp/out")"
grep -q '^        \^$' "$tmp/out" || fail "caret under column 7: $(cat "$tmp/out")"
grep -q "^  hint: name the roles in Resource" "$tmp/out" || fail "hint: $(cat "$tmp/out")"
grep -q $'\033' "$tmp/out" && fail "no colour when not a terminal"
"$bin" lint --color always "$policy" | grep -q $'\033\[1;35m' || fail "--color always colours"

"$bin" lint --format json "$policy" >"$tmp/json"
for field in '"file":' '"code":"pass_role_with_star_in_resource"' '"severity":"SECURITY_WARNING"' '"message":' \
             '"line":7' '"column":7' '"pointer":"/Statement/0/Resource"'; do
  grep -qF "$field" "$tmp/json" || fail "JSON has $field: $(cat "$tmp/json")"
done

"$bin" lint --format sarif "$policy" >"$tmp/sarif"
for field in '"version":"2.1.0"' '"$schema":"https://json.schemastore.org/sarif-2.1.0.json"' \
             '"id":"pass_role_with_star_in_resource"' '"security-severity":"7.5"' \
             '"ruleId":"pass_role_with_star_in_resource"' '"startLine":7' '"startColumn":7'; do
  grep -qF "$field" "$tmp/sarif" || fail "SARIF has $field"
done
if command -v python3 >/dev/null; then
  python3 -c 'import json,sys; json.load(open(sys.argv[1])); json.load(open(sys.argv[2]))' "$tmp/json" "$tmp/sarif" \
    || fail "JSON and SARIF parse"
fi

"$bin" lint --list-checks >"$tmp/checks"
grep -q "^pass_role_with_star_in_resource  *SECURITY_WARNING" "$tmp/checks" || fail "--list-checks: $(head "$tmp/checks")"
[ "$(wc -l <"$tmp/checks")" -gt 80 ] || fail "--list-checks lists every code"
exit 0
