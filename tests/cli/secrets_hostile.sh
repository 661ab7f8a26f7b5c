#!/usr/bin/env bash
# secrets on hostile input: terminal controls in file names and git authors are escaped, a secret pasted into
# .iamwardenignore is never echoed, binary and oversized files are still scanned (exit 3 when part of an input
# was not read), and a bad ref does not hide the other branches.
set -u
bin=$(realpath "$1"); tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# Built from pieces so this script itself holds no key-shaped string.
id="AKIA""QWADE5R42RDZ4JEM"
secret="Qz7/kq3N7vZpW2xYb9Lr""Tg4Hc8Jd1Mf6Qs0Ua5Ve"
cd "$tmp"

# 1. A file name with ESC and a newline: one line of output, escaped exactly.
mkdir names
printf 'key=%s\n' "$id" >"names/evil"$'\e[31m\n'"ok.txt"
"$bin" secrets names >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "finding in the evil name exits 1, got $rc"
[ "$(wc -l <out)" -eq 1 ] || fail "one line per finding: $(cat -v out)"
expected='names/evil\x1b[31m\nok.txt:1:5: medium aws_access_key_id: AWS access key ID: '"$id"' (long-term access key, account 047251254393)'
[ "$(cat out)" = "$expected" ] || fail "escaped name: $(cat -v out)"
grep -q $'\e' out err && fail "raw ESC on the terminal"

# 2. A git author with ESC and BEL (git keeps them): escaped in the text report.
git init -q repo && cd repo || fail "git init"
git config user.email eve@example.org; git config commit.gpgsign false
printf 'AWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s\n' "$id" "$secret" >.env
git add -A && git -c user.name=$'Eve \e]0;pwned\a Dev' commit -qm leak || fail "commit"
commit=$(git rev-parse HEAD)
"$bin" secrets --git . >../out 2>../err; rc=$?
cd ..
[ $rc -eq 1 ] || fail "history finding exits 1, got $rc"
grep -qF "introduced in ${commit:0:12} by Eve \\x1b]0;pwned\\x07 Dev <eve@example.org> on " out ||
  fail "escaped author: $(cat -v out)"
grep -q $'\e' out err && fail "raw ESC from the author"

# 3. A secret pasted into .iamwardenignore is never echoed (not even 8 characters of it).
mkdir clean && printf 'nothing here\n' >clean/a.txt
printf 'aws_secret_access_key = %s\n' "$secret" >.iamwardenignore
"$bin" secrets clean >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "clean tree exits 0, got $rc"
grep -qF "warning: .iamwardenignore:1:1: ignored line (64 characters, aw...Ve)" err || fail "redacted warning: $(cat err)"
grep -qF "${secret:0:8}" out err && fail "ignore-file secret echoed: $(cat err)"
rm .iamwardenignore

# 4. A NUL byte no longer hides a key pair: binary files are scanned as bytes.
mkdir bin
{ printf 'BIN\0\0\0'; printf 'aws_access_key_id=%s aws_secret_access_key=%s\n' "$id" "$secret"; } >bin/app.db
"$bin" secrets bin >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "key pair in a binary file exits 1, got $rc: $(cat err)"
grep -qF "bin/app.db:1:25: critical aws_access_key_pair" out || fail "binary finding: $(cat out)"
grep -q "1 binary scanned as bytes" err || fail "binary count in summary: $(cat err)"

# 5. Files padded past --max-file-size (default 20MB): both ends are scanned; the middle is not, which exit 3 says.
mkdir big
printf 'aws_access_key_id=%s\n' "$id" >big/head.log && truncate -s 25M big/head.log
truncate -s 25M big/tail.log && printf 'aws_access_key_id=%s\n' "$id" >>big/tail.log
"$bin" secrets big >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "keys at the ends of big files exit 1, got $rc"
grep -qF "big/head.log:1:19: medium aws_access_key_id" out || fail "head finding: $(cat out)"
grep -qF "big/tail.log:0:0: medium aws_access_key_id: AWS access key ID: $id (long-term access key, account 047251254393); at byte 26214418 (line unknown: the middle of the file was not read)" out ||
  fail "tail finding: $(cat out)"
grep -qF "warning: big/head.log: not fully read: 26214400 bytes is over --max-file-size (20971520 bytes): only the first 1048576 and the last 1048576 bytes were scanned" err ||
  fail "head.log listed as not fully read: $(cat err)"
grep -q "2 not fully read" err || fail "summary counts unread: $(cat err)"
# Findings win (exit 1), but JSON and SARIF still list what was not read.
"$bin" secrets -q --format json big >out.json 2>/dev/null; rc=$?
[ $rc -eq 1 ] || fail "json with findings exits 1, got $rc"
grep -qF '"skipped":[{"path":"big/head.log","reason":"too_large"' out.json || fail "json lists unread: $(cat out.json)"
grep -qF '"not_fully_read":2' out.json || fail "json stats: $(cat out.json)"
"$bin" secrets -q --format sarif big >out.sarif 2>/dev/null
grep -qF '"executionSuccessful":false' out.sarif || fail "sarif marks the run incomplete"
grep -qF '"reason":"too_large"' out.sarif || fail "sarif notification: $(cat out.sarif)"
# Nothing found but the middle unread: 3, never 0.
truncate -s 25M big/clean.log
"$bin" secrets -q big/clean.log >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "unread middle without findings exits 3, got $rc"
grep -qF "warning: big/clean.log: not fully read:" err || fail "-q still lists unread: $(cat err)"
"$bin" secrets -q --max-file-size 30MB big/clean.log >out 2>err; rc=$?
[ $rc -eq 0 ] || fail "under a larger --max-file-size it is read whole: exit 0, got $rc"

# 6. A bad ref is listed and the other branches are still walked.
git init -q refs && cd refs || fail "git init refs"
git config user.name Bob; git config user.email bob@example.com; git config commit.gpgsign false
echo hi >README.md && git add -A && git commit -qm init
git checkout -qb zz-feature && printf 'key=%s\n' "$id" >k.txt && git add -A && git commit -qm key && git checkout -q -
echo 'not a ref' >.git/refs/heads/aa-bad
"$bin" secrets --git . >../out 2>../err; rc=$?
cd ..
[ $rc -eq 1 ] || fail "key on the other branch found (exit 1), got $rc: $(cat err)"
grep -qF "k.txt:1:5: medium aws_access_key_id" out || fail "other branch scanned: $(cat out)"
grep -qF "warning: refs/heads/aa-bad: not fully read: cannot resolve ref" err || fail "bad ref listed: $(cat err)"
git -C refs branch -D -q zz-feature
"$bin" secrets -q --git refs >out 2>err; rc=$?
[ $rc -eq 3 ] || fail "bad ref without findings exits 3, got $rc"
echo ok
