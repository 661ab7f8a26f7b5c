#!/usr/bin/env bash
# lint reads [lint] ignores from iamwarden.toml (the current directory's, or --config): an ignored
# finding no longer fails the gate, an expired ignore hides nothing and is named, a bad file exits 3.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cases=$src/tests/lint/cases
cd "$tmp" || exit 1
mkdir -p policies/ci policies/app
cp "$cases/identity/pass_role_with_star_in_resource.json" policies/ci/deploy.json
cp "$cases/identity/pass_role_with_star_in_resource.json" policies/app/app.json

"$bin" lint policies >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "two SECURITY_WARNINGs fail the default gate, got $rc"

cat >iamwarden.toml <<'TOML'
[thresholds]
role_unused_days = 30

[lint]
ignore = [{code = "pass_role_*", path = "policies/ci/*", reason = "the CI role passes its own deployment roles"}]
TOML
"$bin" lint policies >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "the other file still fails, got $rc"
grep -q "policies/app/app.json:7:7: security warning: .*\[pass_role_with_star_in_resource\]" out || fail "app.json still reported: $(cat out)"
! grep -q "policies/ci/deploy.json:.*\[pass_role_with_star_in_resource\]" out || fail "deploy.json's PassRole finding ignored: $(cat out)"
grep -q "policies/ci/deploy.json:7:7: warning: .*\[resource_star\]" out || fail "other codes of deploy.json stay: $(cat out)"
[ "$(cat err)" = "iamwarden lint: 2 policies (2 identity), 1 security warning, 2 warnings, 2 suggestions (1 ignored by iamwarden.toml)" ] \
  || fail "summary counts the ignored: $(cat err)"
"$bin" lint policies/ci >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "only ignored findings pass, got $rc: $(cat out err)"
"$bin" lint --format json policies/ci >out; rc=$?
grep -q '"ignored":1' out || fail "JSON summary counts the ignored: $(cat out)"

# --config names another file; the same file serves audit (the [lint] table is not an audit error).
mv iamwarden.toml other.toml
"$bin" lint policies/ci >/dev/null 2>&1; rc=$?
[ $rc -eq 1 ] || fail "without the file nothing is ignored, got $rc"
"$bin" lint --config other.toml policies/ci >/dev/null 2>&1; rc=$?
[ $rc -eq 0 ] || fail "--config reads the ignores, got $rc"
"$bin" audit "$src/examples/demo-account" --config other.toml --format json >/dev/null 2>err; rc=$?
[ $rc -ne 3 ] || fail "audit accepts a file with [lint]: $(cat err)"

cat >expired.toml <<'TOML'
[lint]
ignore = [{code = "*", path = "*", reason = "old exception", expires = 2020-01-31}]
TOML
"$bin" lint --config expired.toml policies/ci >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "an expired ignore hides nothing, got $rc"
grep -q "note: expired.toml: the ignore of \* for \* expired on 2020-01-31; its findings are reported again" err \
  || fail "expired ignore named: $(cat err)"

# What the note quotes from the file is escaped: no raw control character reaches the terminal.
mkdir -p ctl && cp policies/ci/deploy.json "ctl/"$'\x1b'"[31m.json"
printf '[lint]\nignore = [{code = "*", path = "ctl/\\u001b[31m*", reason = "x", expires = 2020-01-31}]\n' >escape.toml
"$bin" lint --config escape.toml ctl >/dev/null 2>err
grep -q 'the ignore of \* for ctl/\\x1b\[31m\* expired' err || fail "escaped in the note: $(cat -v err)"
! grep -q $'\x1b' err || fail "raw escape printed: $(cat -v err)"

printf '[lint]\nignore = [{code = "pass_role_*"}]\n' >noreason.toml
"$bin" lint --config noreason.toml policies/ci >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "an ignore without a reason exits 3, got $rc"
grep -q "noreason.toml:2:.*a lint ignore needs a \"reason\"" err || fail "located error: $(cat err)"
# Sensitive resources: every grant that can reach one is reported; a pattern that is not an ARN is refused.
printf '[lint]\nsensitive_resources = ["arn:aws:s3:::payroll-bucket/*"]\n' >sensitive.toml
"$bin" lint --config sensitive.toml "$cases/identity/sensitive_resource_access.json" >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "a sensitive-resource WARNING passes the default gate, got $rc"
grep -q 'warning: allows s3:GetObject, s3:PutObject on "arn:aws:s3:::payroll-\*/2026/\*", which includes the sensitive resource "arn:aws:s3:::payroll-bucket/\*" \[sensitive_resource_access\]' out \
  || fail "sensitive access reported: $(cat out)"
"$bin" lint "$cases/identity/sensitive_resource_access.json" >out 2>err
! grep -q sensitive_resource_access out || fail "nothing is sensitive without configuration: $(cat out)"
printf '[lint]\nsensitive_resources = ["payroll-bucket"]\n' >notarn.toml
"$bin" lint --config notarn.toml policies/ci >/dev/null 2>err; rc=$?
[ $rc -eq 3 ] || fail "a sensitive resource that is not an ARN exits 3, got $rc"
grep -q 'notarn.toml:2:.*"payroll-bucket" is not an ARN pattern' err || fail "located: $(cat err)"

printf '[lint]\nignroe = []\n' >typo.toml
"$bin" lint --config typo.toml policies/ci >/dev/null 2>err; rc=$?
[ $rc -eq 3 ] || fail "an unknown key exits 3, got $rc"
grep -q 'typo.toml:2:1: unknown key "ignroe" in \[lint\]' err || fail "unknown key located: $(cat err)"
exit 0
