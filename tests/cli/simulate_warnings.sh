#!/usr/bin/env bash
# simulate checks the request against the catalog: unknown action, unknown key, wrong value type;
# warnings with "did you mean", errors (exit 3) with --strict; request file, flags, --snapshot, batch.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

printf '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}' >"$tmp/allow.json"
cat >"$tmp/req.json" <<'JSON'
{"request": {"principal": "arn:aws:iam::111111111111:user/a",
  "action": "ec2:TerminateInstance",
  "context": {"aws:MultiFactorAuthPresnt": "true", "aws:MultiFactorAuthAge": "abc"}},
 "policies": {"identity": [{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}]}}
JSON
"$bin" simulate "$tmp/req.json" >"$tmp/out" 2>"$tmp/err" || fail "warnings do not fail the run"
[ "$(head -1 "$tmp/out")" = "Allowed" ] || fail "decided as given: $(cat "$tmp/out")"
cat >"$tmp/want" <<EOF2
warning: $tmp/req.json:2:13: unknown action "ec2:TerminateInstance"; did you mean "ec2:TerminateInstances"? (at /request/action)
  hint: an action AWS does not define matches only wildcard statements
warning: $tmp/req.json:3:15: unknown condition key "aws:MultiFactorAuthPresnt"; did you mean "aws:MultiFactorAuthPresent"? (at /request/context/aws:MultiFactorAuthPresnt)
  hint: policies that test the key as written see it; AWS never sends it
warning: $tmp/req.json:3:52: "aws:MultiFactorAuthAge" is a Numeric key, but "abc" is not a number (at /request/context/aws:MultiFactorAuthAge)
  hint: conditions on the key compare as if the value did not match
EOF2
diff "$tmp/want" "$tmp/err" || fail "file-form warnings"

"$bin" simulate "$tmp/req.json" --format json >"$tmp/json" 2>"$tmp/err" || fail "json runs"
grep -qF 'unknown action \"ec2:TerminateInstance\"; did you mean \"ec2:TerminateInstances\"? (at /request/action)' "$tmp/json" \
  || fail "json warnings: $(cat "$tmp/json")"
[ -s "$tmp/err" ] && fail "json mode keeps warnings in the JSON: $(cat "$tmp/err")"

"$bin" simulate "$tmp/req.json" --strict >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "--strict exits 3, got $rc"
[ -s "$tmp/out" ] && fail "--strict decides nothing: $(cat "$tmp/out")"
grep -c '^error: ' "$tmp/err" | grep -qx 3 || fail "three errors: $(cat "$tmp/err")"

# Flag form: no file location, the same messages.
"$bin" simulate --policy "$tmp/allow.json" --principal arn:aws:iam::111111111111:user/a --action s3:GetObjekt \
  --context aws:MultiFactorAuthAge=abc >/dev/null 2>"$tmp/err" || fail "flag form runs"
grep -qxF 'warning: unknown action "s3:GetObjekt"; did you mean "s3:GetObject"?' "$tmp/err" || fail "flag action: $(cat "$tmp/err")"
grep -qxF 'warning: "aws:MultiFactorAuthAge" is a Numeric key, but "abc" is not a number' "$tmp/err" || fail "flag type: $(cat "$tmp/err")"
"$bin" simulate --policy "$tmp/allow.json" --principal arn:aws:iam::111111111111:user/a --action s3:GetObjekt --strict \
  >/dev/null 2>&1; rc=$?
[ $rc -eq 3 ] || fail "flag form --strict exits 3, got $rc"

# --snapshot form.
"$bin" simulate --snapshot "$src/examples/demo-account" --principal alice.nguyen --action iam:CreateUsr \
  >/dev/null 2>"$tmp/err" || fail "snapshot form runs: $(cat "$tmp/err")"
grep -qxF 'warning: unknown action "iam:CreateUsr"; did you mean "iam:CreateUser"?' "$tmp/err" || fail "snapshot action: $(cat "$tmp/err")"

# Batch: warnings per case in its line; --strict makes the case an ERROR.
tr -d '\n' <"$tmp/req.json" >"$tmp/cases.jsonl"; echo >>"$tmp/cases.jsonl"
"$bin" simulate --batch "$tmp/cases.jsonl" >"$tmp/batch" || fail "batch runs"
grep -qF '"warnings":["'"$tmp"'/cases.jsonl:1:' "$tmp/batch" || fail "batch warnings: $(cat "$tmp/batch")"
grep -qF 'did you mean \"aws:MultiFactorAuthPresent\"?' "$tmp/batch" || fail "batch key warning: $(cat "$tmp/batch")"
"$bin" simulate --batch "$tmp/cases.jsonl" --strict >"$tmp/batch"; rc=$?
[ $rc -eq 1 ] || fail "strict batch fails the case, got $rc"
grep -qF '"decision":"ERROR"' "$tmp/batch" || fail "strict batch line: $(cat "$tmp/batch")"
echo ok
