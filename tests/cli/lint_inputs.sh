#!/usr/bin/env bash
# lint inputs: directories (recursive), stdin, AWS CLI wrappers, URL-encoded documents, --type and kind notes.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cases=$src/tests/lint/cases

mkdir -p "$tmp/dir/nested"
cp "$cases/identity/invalid_action.json" "$tmp/dir/a.json"
cp "$cases/identity/invalid_effect.json" "$tmp/dir/nested/b.json"
echo "not a policy" >"$tmp/dir/nested/readme.txt"
"$bin" lint --format json "$tmp/dir" >"$tmp/out"; rc=$?
[ $rc -eq 1 ] || fail "directory with an ERROR exits 1, got $rc"
grep -q '"code":"invalid_action"' "$tmp/out" || fail "top-level file linted"
grep -q '"code":"invalid_effect"' "$tmp/out" || fail "nested file linted"
grep -q '"files":2' "$tmp/out" || fail "only .json files: $(cat "$tmp/out")"

"$bin" lint - <"$cases/identity/invalid_action.json" >"$tmp/out"; rc=$?
[ $rc -eq 0 ] || fail "stdin lints, got $rc"
grep -q "^-:6:17: warning: action \"s3:GetObjekt\" does not exist; did you mean \"s3:GetObject\"? \[invalid_action\]" "$tmp/out" \
  || fail "stdin finding located: $(cat "$tmp/out")"

printf '{"PolicyVersion": {"Document": %s, "VersionId": "v2", "IsDefaultVersion": true}}' \
  "$(cat "$cases/identity/invalid_effect.json")" >"$tmp/version.json"
"$bin" lint --format json "$tmp/version.json" >"$tmp/out"
grep -q '"pointer":"/PolicyVersion/Document/Statement/0/Effect"' "$tmp/out" || fail "get-policy-version shape: $(cat "$tmp/out")"

printf '{"Policy": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"s3:GetObjekt\\",\\"Resource\\":\\"*\\"}]}"}' >"$tmp/string.json"
"$bin" lint "$tmp/string.json" >"$tmp/out"
grep -q "\[invalid_action\]" "$tmp/out" || fail "document as a JSON string: $(cat "$tmp/out")"

printf '%%7B%%22Version%%22%%3A%%222012-10-17%%22%%2C%%22Statement%%22%%3A%%7B%%22Effect%%22%%3A%%22Allow%%22%%2C%%22Action%%22%%3A%%22s3%%3AGetObjekt%%22%%2C%%22Resource%%22%%3A%%22*%%22%%7D%%7D' >"$tmp/encoded.json"
"$bin" lint "$tmp/encoded.json" >"$tmp/out"
grep -q "\[invalid_action\]" "$tmp/out" || fail "URL-encoded document: $(cat "$tmp/out")"
grep -q "note: the policy was URL-encoded" "$tmp/out" || fail "URL-encoding noted: $(cat "$tmp/out")"

# Without --type the kind is decided per file and said; a given --type that the document contradicts
# is linted as given, with a note.
"$bin" lint "$cases/trust/cross_account_trust_without_condition.ok.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] || fail "a trust policy without --type is linted as one, got $rc: $(cat "$tmp/out")"
[ "$(cat "$tmp/err")" = "iamwarden lint: 1 policy (1 trust), no findings" ] || fail "decided kind counted: $(cat "$tmp/err")"
printf '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' >"$tmp/trust.json"
"$bin" lint "$tmp/trust.json" >"$tmp/out"
grep -q "trust.json: note: linted as a role trust policy: every statement lets a Principal call sts:AssumeRole\*-style actions" "$tmp/out" \
  || fail "decided kind said next to findings: $(cat "$tmp/out")"
"$bin" lint --type identity "$cases/trust/cross_account_trust_without_condition.ok.json" >"$tmp/out"; rc=$?
[ $rc -eq 1 ] || fail "a trust policy linted as identity has errors, got $rc"
grep -q "note: this looks like a role trust policy (every statement lets a Principal call sts:AssumeRole\*-style actions), linted as an identity policy; choose with --type trust or leave --type out" "$tmp/out" \
  || fail "kind note: $(cat "$tmp/out")"
"$bin" lint --type trust "$cases/trust/cross_account_trust_without_condition.ok.json" >"$tmp/out"; rc=$?
[ $rc -eq 0 ] || fail "the same policy as --type trust is clean, got $rc: $(cat "$tmp/out")"
# A directory's other JSON (an SDK model, a compliance file) is skipped with a note; a policy with a misspelt
# element still is a policy (its Version says so) and fails; a non-policy named on the command line is linted.
mkdir -p "$tmp/repo"
cp "$cases/identity/invalid_action.ok.json" "$tmp/repo/policy.json"
printf '{"version": "2.0", "metadata": {"apiVersion": "2010-05-08"}, "operations": {}}' >"$tmp/repo/model.json"
printf '[{"Framework": "CIS", "Version": "1.4"}]' >"$tmp/repo/list.json"
"$bin" lint "$tmp/repo" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] || fail "non-policies in a directory do not fail the run, got $rc: $(cat "$tmp/out" "$tmp/err")"
grep -q "note: $tmp/repo/model.json: not linted: not a policy document" "$tmp/err" || fail "skip note: $(cat "$tmp/err")"
grep -q "note: $tmp/repo/list.json: not linted: not a policy document" "$tmp/err" || fail "array skip note: $(cat "$tmp/err")"
tail -1 "$tmp/err" | grep -q "^iamwarden lint: 1 policy (1 identity), no findings; 2 files in directories skipped (not policies)$" \
  || fail "skip summary: $(cat "$tmp/err")"
printf '{"Version": "2012-10-17", "Statment": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}' >"$tmp/repo/typo.json"
"$bin" lint "$tmp/repo" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "a misspelt policy in a directory is linted and fails, got $rc: $(cat "$tmp/out" "$tmp/err")"
grep -q "typo.json:1:27: error: unknown element \"Statment\"" "$tmp/out" || fail "misspelt policy finding: $(cat "$tmp/out")"
"$bin" lint "$tmp/repo/model.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "a named non-policy is linted, got $rc: $(cat "$tmp/out" "$tmp/err")"
exit 0
