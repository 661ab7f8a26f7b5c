#!/usr/bin/env bash
# simulate --batch DIR never follows a symlink inside the directory: it is an ERROR line (exit 1),
# so a batch cannot pass on a case it did not read, and the link target is never read.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/cases" "$tmp/outside"
one=$(ls "$src/tests/conformance/actions"/*.json | head -1)
cp "$one" "$tmp/cases/real.json"
cp "$one" "$tmp/outside/linked.json"
ln -s "$tmp/outside/linked.json" "$tmp/cases/link.json"
ln -s "$tmp/outside" "$tmp/cases/dir"
"$bin" simulate --batch "$tmp/cases" >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 1 ] || fail "a symlinked case fails the batch, got $rc: $(cat "$tmp/out")"
grep -q '"file":"[^"]*/cases/link.json".*"decision":"ERROR".*never followed' "$tmp/out" \
  || fail "the symlink is an ERROR line: $(cat "$tmp/out")"
grep -q '"file":"[^"]*/cases/real.json".*"ok":true' "$tmp/out" || fail "the real case still runs: $(cat "$tmp/out")"
grep -q 'outside' "$tmp/out" && fail "the symlinked directory was walked: $(cat "$tmp/out")"
grep -q "^1 passed, 1 failed" "$tmp/out" || fail "summary: $(cat "$tmp/out")"
exit 0
