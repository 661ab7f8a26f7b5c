#!/usr/bin/env bash
# secrets --git and --staged on a repository made here: a key added then removed is reported with its commit.
set -u
bin=$(realpath "$1"); tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
id="AKIA""QWADE5R42RDZ4JEM"
secret="Qz7/kq3N7vZpW2xYb9Lr""Tg4Hc8Jd1Mf6Qs0Ua5Ve"

cd "$tmp"
git init -q repo && cd repo || fail "git init"
git config user.name "Bob Builder"; git config user.email bob@example.com; git config commit.gpgsign false
echo hello >README.md; git add -A; git commit -qm init
printf 'AWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s\n' "$id" "$secret" >.env
git add -A; git commit -qm "add env"; added=$(git rev-parse HEAD)
git rm -q .env; git commit -qm "remove env"

"$bin" secrets . >/dev/null 2>&1; rc=$?
[ $rc -eq 0 ] || fail "working tree is clean now, got $rc"
"$bin" secrets --git >out 2>err; rc=$?
[ $rc -eq 1 ] || fail "history finding exits 1, got $rc"
grep -qF ".env:1:19: critical aws_access_key_pair" out || fail "history finding: $(cat out)"
grep -qF "introduced in ${added:0:12} by Bob Builder <bob@example.com>" out || fail "commit and author: $(cat out)"
grep -qF "$secret" out err && fail "full secret printed"
grep -q "3 commits" err || fail "summary counts commits: $(cat err)"
"$bin" secrets --git --format json . 2>/dev/null | grep -qF "\"commit\":\"$added\"" || fail "json has the full commit id"

printf 'key = "%s"\n' "$id" >staged.py
"$bin" secrets --staged >/dev/null 2>&1; rc=$?
[ $rc -eq 0 ] || fail "nothing staged yet, got $rc"
git add staged.py
"$bin" secrets --staged >out 2>&1; rc=$?
[ $rc -eq 1 ] || fail "staged key exits 1, got $rc"
grep -qF "staged.py:1:8: medium aws_access_key_id" out || fail "staged finding: $(cat out)"

"$bin" secrets --git "$tmp" >/dev/null 2>err; rc=$?
[ $rc -eq 3 ] || fail "not a repository exits 3, got $rc"
echo ok
