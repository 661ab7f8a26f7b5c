#!/usr/bin/env bash
# key-info decodes the 21-character unique IDs of a GAAD (account as in key IDs), and never echoes a non-ID.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A real UserId from a public GAAD sample whose ARN is arn:aws:iam::391638756970:user/...
"$bin" key-info AIDAVWL35FZVHZV533DSN >"$tmp/out" || fail "user ID decodes"  # iamwarden:allow
cat >"$tmp/want" <<'EOF2'
ID:       AIDAVWL35FZVHZV533DSN
kind:     IAM user ID (an identifier, not a secret)
shape:    plausible key ID
account:  391638756970 (decoded offline from the ID)
EOF2
diff "$tmp/want" "$tmp/out" || fail "text"

"$bin" key-info --format json AGPAS2OTVRSQPU55LUWSO >"$tmp/out" || fail "group ID decodes"  # iamwarden:allow
grep -qF '"kind":"IAM group ID","credential":false,"shape":"plausible key ID","account":"194254310560"' "$tmp/out" \
  || fail "json: $(cat "$tmp/out")"

"$bin" key-info ANPAI3R4QMOG6Q5A4VWVG >"$tmp/out" || fail "old-format policy ID"
grep -qxF 'account:  unknown (old-format ID: the account is not encoded in it)' "$tmp/out" || fail "old format: $(cat "$tmp/out")"

# 21 characters with a credential prefix is not an ID; the argument is not echoed.
"$bin" key-info AKIAQWADE5R42RDZ4JEMX >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "21-character AKIA exits 3, got $rc"
grep -qF AKIAQWADE5R42RDZ4JEMX "$tmp/out" "$tmp/err" && fail "echoed the argument: $(cat "$tmp/err")"
grep -qF "AK...MX (21 characters)" "$tmp/err" || fail "redacted: $(cat "$tmp/err")"
echo ok
