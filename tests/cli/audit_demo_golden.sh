#!/usr/bin/env bash
# audit of examples/demo-account: text, Markdown and JSON reports equal the reviewed golden files
# (tests/audit/golden/). After an intended change, regenerate them with the commands below and review the diff.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$src" || fail "cannot cd to $src"
for f in txt:text md:markdown json:json; do
  ext=${f%%:*}; format=${f#*:}
  "$bin" audit examples/demo-account --now 2026-11-20T09:00:00Z --format "$format" >"$tmp/out.$ext"; rc=$?
  [ $rc -eq 0 ] || fail "$format exits 0, got $rc"
  diff -u "tests/audit/golden/demo-account.$ext" "$tmp/out.$ext" >"$tmp/diff" \
    || fail "$format report differs from tests/audit/golden/demo-account.$ext:
$(head -60 "$tmp/diff")"
done
# --fail-on for CI: the demo has a critical finding.
"$bin" audit examples/demo-account --now 2026-11-20T09:00:00Z --fail-on critical >/dev/null; rc=$?
[ $rc -eq 1 ] || fail "--fail-on critical exits 1 on the demo, got $rc"
exit 0
