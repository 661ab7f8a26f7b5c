#!/usr/bin/env bash
# simulate --batch: one JSON line per request in input order, a bad file reported and the rest run.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/cases/sub"
cp "$src/examples/requests/"*.json "$tmp/cases/sub/"
echo '{"request": {' >"$tmp/cases/broken.json"
"$bin" simulate --batch "$tmp/cases" >"$tmp/out"; rc=$?
[ $rc -eq 1 ] || fail "a bad file fails the batch (exit 1), got $rc"
[ "$(wc -l <"$tmp/out")" -eq 5 ] || fail "4 result lines + summary: $(cat "$tmp/out")"
head -1 "$tmp/out" | grep -q '"file":"'"$tmp"'/cases/broken.json","name":"","decision":"ERROR","expect":null,"ok":false,"missingContextValues":\[\],"warnings":\[\],"error":' \
  || fail "error line: $(head -1 "$tmp/out")"
[ "$(tail -1 "$tmp/out")" = "3 passed, 1 failed" ] || fail "summary: $(tail -1 "$tmp/out")"

rm "$tmp/cases/broken.json"
"$bin" simulate --batch "$tmp/cases" --threads 1 >"$tmp/out1" || fail "clean batch exits 0"
"$bin" simulate --batch "$tmp/cases" --threads 2 >"$tmp/out2" || fail "clean batch exits 0 (2 threads)"
cmp -s "$tmp/out1" "$tmp/out2" || fail "output does not depend on the thread count"
echo ok
