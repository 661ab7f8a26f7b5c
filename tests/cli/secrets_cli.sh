#!/usr/bin/env bash
# secrets: exit codes (0 clean, 1 findings, 2 usage, 3 input error), stdin, formats, -o, suppression, key-info.
set -u
bin=$(realpath "$1"); tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# Built from pieces so this script itself holds no key-shaped string.
id="AKIA""QWADE5R42RDZ4JEM"
secret="Qz7/kq3N7vZpW2xYb9Lr""Tg4Hc8Jd1Mf6Qs0Ua5Ve"

mkdir "$tmp/tree"
printf 'aws_access_key_id = %s\naws_secret_access_key = %s\n' "$id" "$secret" >"$tmp/tree/creds.ini"
printf 'nothing here\n' >"$tmp/tree/clean.txt"
cd "$tmp"

"$bin" secrets tree >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "findings exit 1, got $rc"
grep -qF "tree/creds.ini:1:21: critical aws_access_key_pair: " out || fail "text line: $(cat out)"
grep -qF "account 047251254393" out || fail "account decoded: $(cat out)"
grep -qF "secret Qz...Ve" out || fail "redacted secret: $(cat out)"
grep -qF "$secret" out err && fail "full secret printed"
grep -q "1 finding in 2 files" err || fail "summary: $(cat err)"

"$bin" secrets tree/clean.txt >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "clean file exits 0, got $rc"

printf 'key=%s\n' "$id" | "$bin" secrets - >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "stdin with a key exits 1, got $rc"
grep -qF "<stdin>:1:5: medium aws_access_key_id" out || fail "stdin finding: $(cat out)"

"$bin" secrets --format sarif -o report.sarif tree 2>err; rc=$?
[ $rc -eq 1 ] || fail "sarif run exits 1, got $rc"
grep -q '"version":"2.1.0"' report.sarif || fail "sarif written to -o file"
grep -qF "$secret" report.sarif && fail "full secret in sarif"

"$bin" secrets -q --format json -o baseline.json tree; rc=$?
[ $rc -eq 1 ] || fail "json run exits 1, got $rc"
"$bin" secrets -q --baseline baseline.json tree >out; rc=$?
[ $rc -eq 0 ] || fail "baseline suppresses known findings, got $rc: $(cat out)"

fp=$(sed -n 's/.*"fingerprint":"\([^"]*\)".*/\1/p' baseline.json)
echo "$fp" >.iamwardenignore
"$bin" secrets -q tree >out; rc=$?
[ $rc -eq 0 ] || fail ".iamwardenignore in the current directory suppresses, got $rc"
rm .iamwardenignore

printf 'key = "%s"  # iamwarden:allow\n' "$id" >tree/allowed.py
"$bin" secrets tree/allowed.py >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "inline allow, got $rc"
grep -q "1 allowed inline" err || fail "allowed count in summary: $(cat err)"

printf 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n' >tree/doc.md
"$bin" secrets -q tree/doc.md >out; rc=$?
[ $rc -eq 0 ] || fail "documented example hidden by default, got $rc"
"$bin" secrets -q --include-examples tree/doc.md >out; rc=$?
[ $rc -eq 1 ] || fail "--include-examples reports it, got $rc"
grep -q "info aws_access_key_id: .*(AWS documented example)" out || fail "example label: $(cat out)"

"$bin" secrets --format xml tree >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "bad --format exits 2, got $rc"
"$bin" secrets --git --staged >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--git with --staged exits 2, got $rc"

"$bin" secrets tree/missing.txt tree/clean.txt >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "missing path (no findings) exits 3, got $rc"
grep -q "error: tree/missing.txt: cannot read" err || fail "missing path named: $(cat err)"
echo '{"findings": 3}' >bad.json
"$bin" secrets --baseline bad.json tree >/dev/null 2>err; rc=$?
[ $rc -eq 3 ] || fail "bad baseline exits 3, got $rc"
grep -q "bad.json:1:1: not an iamwarden secrets JSON report" err || fail "bad baseline located: $(cat err)"

# Fingerprints do not depend on how the scanned directory is spelled.
(cd tree && "$bin" secrets -q --format json . >../dot.json; "$bin" secrets -q --format json ./ >../dotslash.json)
fp_dot=$(sed -n 's/.*"fingerprint":"\([^"]*\)".*/\1/p' dot.json)
fp_slash=$(sed -n 's/.*"fingerprint":"\([^"]*\)".*/\1/p' dotslash.json)
[ -n "$fp_dot" ] || fail "fingerprint for .: $(cat dot.json)"
[ "$fp_dot" = "$fp_slash" ] || fail "fingerprints differ between . and ./: $fp_dot vs $fp_slash"

"$bin" key-info "$id" >out; rc=$?
[ $rc -eq 0 ] || fail "key-info exits 0, got $rc"
grep -q "account:  047251254393" out || fail "key-info account: $(cat out)"
"$bin" key-info AKIAIOSFODNN7EXAMPLE | grep -q "unknown (old-format" || fail "old-format key has no account"
"$bin" key-info NOTAKEY >/dev/null 2>err; rc=$?
[ $rc -eq 3 ] || fail "invalid key ID exits 3, got $rc"
# A secret access key pasted instead of the key ID is never echoed, only redacted with its length.
"$bin" key-info "$secret" >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "secret as key ID exits 3, got $rc"
grep -qF "$secret" out err && fail "key-info echoed the full secret: $(cat err)"
grep -qF "Qz...Ve (40 characters)" err || fail "key-info redacts the argument: $(cat err)"
"$bin" key-info --format json "$secret" >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "secret as key ID (json) exits 3, got $rc"
grep -qF "$secret" out err && fail "key-info --format json echoed the full secret"
echo ok
