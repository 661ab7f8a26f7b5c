#!/usr/bin/env bash
# lint on hostile input: a directory walk never follows symlinks (each one is an input error, exit 3),
# no source line is echoed raw (controls escaped, bounded, credential-looking lines hidden), and a
# huge value is not echoed whole.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cases=$src/tests/lint/cases

# 1. Symlinks planted in a policy directory: to a secret-bearing file and to a directory outside.
mkdir -p "$tmp/outside" "$tmp/policies/sub"
printf 'CI_TOKEN=hunter2-very-secret\nAWS_SECRET_ACCESS_KEY=Zq8vTn3Lk9Yp2Wm4Rx7Sb6Hd1Fg5Jc0Ve8Nu3QaX\n' >"$tmp/outside/environ"
printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}' \
  >"$tmp/outside/evil.json"
ln -s "$tmp/outside/environ" "$tmp/policies/a.json"
ln -s "$tmp/outside" "$tmp/policies/sub/linked-dir.json"
ln -s "$tmp/outside" "$tmp/policies/linked-dir"
cp "$cases/identity/invalid_action.ok.json" "$tmp/policies/good.json"
"$bin" lint "$tmp/policies" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "a symlink inside a linted directory is an input error (exit 3), got $rc"
grep -q "hunter2\|Zq8vTn3" "$tmp/out" "$tmp/err" && fail "the link target's content was printed: $(cat "$tmp/out" "$tmp/err")"
grep -q "a.json: not linted: a symbolic link or special file inside a directory is never followed" "$tmp/err" \
  || fail "the symlink is named: $(cat "$tmp/err")"
grep -q "linked-dir.json: not linted" "$tmp/err" || fail "a symlink to a directory is named: $(cat "$tmp/err")"
grep -q "evil.json" "$tmp/out" "$tmp/err" && fail "a symlinked directory was walked: $(cat "$tmp/out")"

# A symlink named on the command line is the user's choice: followed.
ln -s "$cases/identity/invalid_action.json" "$tmp/explicit.json"
"$bin" lint "$tmp/explicit.json" >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 0 ] || fail "an explicit symlink is linted, got $rc: $(cat "$tmp/out")"
grep -q "\[invalid_action\]" "$tmp/out" || fail "explicit symlink target linted: $(cat "$tmp/out")"

# A FIFO inside a directory is never opened (it would block).
mkdir "$tmp/fifo-dir" && mkfifo "$tmp/fifo-dir/pipe.json"
timeout 10 "$bin" lint "$tmp/fifo-dir" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "a FIFO in a directory is an input error, got $rc"

# 2. A file that is not a policy: only a short escaped excerpt of its content, never a secret.
printf 'root:$y$j9T$abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ:19000:0:99999:7:::\n' >"$tmp/shadow.json"
"$bin" lint "$tmp/shadow.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "not JSON exits 3, got $rc"
grep -q "abcdefghijklmnopqrstuvwxyz0123456789" "$tmp/out" && fail "more than a short excerpt was printed: $(cat "$tmp/out")"
printf 'aws_secret_access_key = Zq8vTn3Lk9Yp2Wm4Rx7Sb6Hd1Fg5Jc0Ve8Nu3QaX\n' >"$tmp/creds.json"
"$bin" lint "$tmp/creds.json" >"$tmp/out" 2>"$tmp/err"
grep -q "Zq8v" "$tmp/out" "$tmp/err" && fail "a credential line was echoed: $(cat "$tmp/out")"
grep -q "source line not shown: it looks like it holds a credential" "$tmp/out" \
  || fail "the hidden line is explained: $(cat "$tmp/out")"

# 3. Terminal control characters in file names and values are escaped.
esc=$(printf '\033')
name="$tmp/$(printf 'x\033[2Kforged\nline.json')"
printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt\\u001b[2K\\u0007","Resource":"*"}]}' >"$name"
"$bin" lint "$name" >"$tmp/out" 2>&1
grep -q "$esc" "$tmp/out" && fail "a raw ESC reached the output: $(cat -v "$tmp/out")"
grep -q 'x\\x1b\[2Kforged\\nline.json:1:' "$tmp/out" || fail "the file name is escaped: $(cat -v "$tmp/out")"
grep -q 's3:GetObjekt\\x1b\[2K\\x07' "$tmp/out" || fail "the action is escaped: $(cat -v "$tmp/out")"

# 4. A huge value is not echoed whole (messages and source lines are bounded).
python3 -c "import sys; sys.stdout.write('{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:' + 'A'*2000000 + '\",\"Resource\":\"*\"}]}')" >"$tmp/huge.json"
"$bin" lint "$tmp/huge.json" >"$tmp/out" 2>&1
size=$(wc -c <"$tmp/out")
[ "$size" -lt 20000 ] || fail "a 2 MB action is echoed in $size bytes of output"
grep -q "bytes\]…" "$tmp/out" || fail "the bounded value says what was cut: $(head -c 600 "$tmp/out")"
exit 0
