#!/usr/bin/env bash
# collect against hostile input: links planted in --out, a hanging or noisy aws, required vs optional failures.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export PATH="$src/tests/collect/fake-aws:$PATH" FAKE_AWS_LOG="$tmp/calls.log" FAKE_AWS_PIDS="$tmp/pids"
unset FAKE_AWS_FAIL FAKE_AWS_BROKEN FAKE_AWS_SLEEP FAKE_AWS_NO_ORG FAKE_AWS_NO_PASSWORD_POLICY FAKE_AWS_EXPECT_PROFILE \
  FAKE_AWS_HANG FAKE_AWS_SPAWN FAKE_AWS_LEFTOVER FAKE_AWS_IGNORE_TERM FAKE_AWS_HUGE FAKE_AWS_GARBAGE \
  FAKE_AWS_NASTY_ERROR FAKE_AWS_ANSWER
status() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["files"].get(sys.argv[2], {}).get("status", "absent"))' "$1/manifest.json" "$2"; }
alive() { [ -r "/proc/$1/stat" ] && ! awk '{ exit ($3 == "Z") ? 0 : 1 }' "/proc/$1/stat"; }
collect() { "$bin" collect --regions us-east-1 "$@" >"$tmp/out" 2>"$tmp/err"; }

# A link planted where a subdirectory goes: nothing is written through it, exit 3 naming it.
mkdir -p "$tmp/snap1" "$tmp/elsewhere"
ln -s "$tmp/elsewhere" "$tmp/snap1/cloudtrail"
collect --out "$tmp/snap1"; rc=$?
[ $rc -eq 3 ] || fail "a planted link exits 3, got $rc: $(cat "$tmp/err")"
grep -q "error: $tmp/snap1/cloudtrail: is a symbolic link inside the output directory" "$tmp/err" \
  || fail "the link is named: $(cat "$tmp/err")"
[ -z "$(ls -A "$tmp/elsewhere")" ] || fail "nothing written through the link: $(ls -A "$tmp/elsewhere")"
[ "$(status "$tmp/snap1" authorization-details.json)" = ok ] || fail "the rest is written, with the manifest"

# A link where a stale file is removed: the file it points into survives.
mkdir -p "$tmp/snap2" "$tmp/victim"
echo precious >"$tmp/victim/organization.json"
ln -s "$tmp/victim" "$tmp/snap2/organizations"
FAKE_AWS_NO_ORG=1 collect --out "$tmp/snap2"; rc=$?
[ $rc -eq 3 ] || fail "a planted link on removal exits 3, got $rc"
[ "$(cat "$tmp/victim/organization.json")" = precious ] || fail "nothing deleted through the link"
grep -q "$tmp/snap2/organizations: is a symbolic link" "$tmp/err" || fail "names the link: $(cat "$tmp/err")"

# A planted temporary name (the old <file>.tmp.<pid> scheme) redirects nothing.
mkdir -p "$tmp/snap3"; echo keep >"$tmp/target"
for pid in $(seq $(( $$ )) $(( $$ + 200 ))); do ln -s "$tmp/target" "$tmp/snap3/manifest.json.tmp.$pid"; done
collect --out "$tmp/snap3" || fail "planted temporary names: exit $?: $(cat "$tmp/err")"
[ "$(cat "$tmp/target")" = keep ] || fail "target untouched"
[ -f "$tmp/snap3/manifest.json" ] && [ ! -L "$tmp/snap3/manifest.json" ] || fail "manifest is a file"

# --out itself may be a link the user made.
mkdir -p "$tmp/real"; ln -s "$tmp/real" "$tmp/link"
collect --out "$tmp/link" || fail "--out through the user's link: exit $?: $(cat "$tmp/err")"
[ -f "$tmp/real/manifest.json" ] || fail "written into the link's target"

# A required file that failed: everything else and the manifest are written, exit 3, the file named.
FAKE_AWS_FAIL="iam get-account-authorization-details" collect --out "$tmp/snap4"; rc=$?
[ $rc -eq 3 ] || fail "a failed required file exits 3, got $rc"
grep -q "into $tmp/snap4: .* 1 failed (see manifest.json)" "$tmp/out" || fail "summary still printed: $(cat "$tmp/out")"
grep -q "^iamwarden collect: error: authorization-details.json (required) not collected: AccessDenied: " "$tmp/err" \
  || fail "required failure named: $(cat "$tmp/err")"
[ "$(status "$tmp/snap4" authorization-details.json)" = failed ] || fail "manifest marks it failed"
[ -s "$tmp/snap4/account-summary.json" ] || fail "the rest is written"

# Optional files that failed are warnings: exit 0.
FAKE_AWS_FAIL="accessanalyzer list-analyzers" collect --out "$tmp/snap5"; rc=$?
[ $rc -eq 0 ] || fail "optional failures exit 0, got $rc: $(cat "$tmp/err")"
grep -qx "iamwarden collect: warning: access-analyzers/us-east-1.json not collected: AccessDenied: .*" "$tmp/err" \
  || fail "optional failure is a warning: $(cat "$tmp/err")"
[ "$(status "$tmp/snap5" access-analyzers/us-east-1.json)" = failed ] || fail "manifest marks it failed"

# An aws that starts a child and hangs, both ignoring SIGTERM: the group is stopped at --timeout (every call gets
# it, so it leaves room for a slow Python to start). Then one that closes its pipes and hangs.
FAKE_AWS_SPAWN="iam list-saml-providers" FAKE_AWS_IGNORE_TERM=1 collect --timeout 4 --out "$tmp/snap6"; rc=$?
[ $rc -eq 0 ] || fail "an optional timeout exits 0, got $rc: $(cat "$tmp/err")"
grep -q "warning: saml-providers.json not collected: timed out after 4s" "$tmp/err" || fail "timeout: $(cat "$tmp/err")"
[ -s "$tmp/pids" ] || fail "the fake aws started its child (slow machine? raise --timeout)"
for pid in $(cat "$tmp/pids"); do
  for _ in $(seq 50); do alive "$pid" || break; sleep 0.1; done
  alive "$pid" && fail "the call's child $pid was left running"
done
FAKE_AWS_HANG="iam get-account-summary" collect --timeout 4 --out "$tmp/snap7"; rc=$?
[ $rc -eq 3 ] || fail "a required timeout exits 3, got $rc"
grep -q "error: account-summary.json (required) not collected: timed out after 4s" "$tmp/err" || fail "$(cat "$tmp/err")"

# Text from aws is escaped, redacted and bounded; a non-JSON answer is failed, not written.
FAKE_AWS_NASTY_ERROR="iam list-saml-providers" FAKE_AWS_GARBAGE="iam list-server-certificates" \
  collect --out "$tmp/snap8"; rc=$?
[ $rc -eq 0 ] || fail "exit 0, got $rc"
grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$tmp/err" "$tmp/out" "$tmp/snap8/manifest.json" && fail "a control character got out"
grep -q 'AKIAIOSFODNN7EXAMPLE\|wJalrXUtnFEMI' "$tmp/err" "$tmp/snap8/manifest.json" && fail "a key got out"
grep -q 'warning: saml-providers.json not collected: .*\\x1b\[31m' "$tmp/err" || fail "escaped: $(cat "$tmp/err")"
[ "$(wc -c <"$tmp/err")" -lt 2000 ] || fail "bounded: $(wc -c <"$tmp/err") bytes"
grep -q 'warning: server-certificates.json not collected: the answer is not valid JSON' "$tmp/err" || fail "$(cat "$tmp/err")"
[ -e "$tmp/snap8/server-certificates.json" ] && fail "a non-JSON answer is not written"

# The --out path is printed escaped.
odd="$tmp/odd"$'\n\x1b[2J'"dir"
collect --out "$odd" || fail "odd --out: $(cat "$tmp/err")"
grep -qF 'odd\n\x1b[2Jdir: ' "$tmp/out" || fail "escaped path: $(cat -v "$tmp/out")"
echo PASS
