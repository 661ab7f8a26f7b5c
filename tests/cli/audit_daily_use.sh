#!/usr/bin/env bash
# audit as a practitioner uses it daily: --framework reports and gates only that framework's checks
# (and says which were left out), a first CI run without a baseline file, configuration typos caught
# with "did you mean", suppressions that match nothing, "n/a" scores, the trust probe described as one.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$src" || fail "cannot cd to $src"
demo=(examples/demo-account --now 2026-11-20T09:00:00Z)

# --framework: only mapped checks run; the header names the others; --fail-on sees only those.
"$bin" audit "${demo[@]}" --framework cis-7.0 >"$tmp/out"; rc=$?
[ $rc -eq 0 ] || fail "cis-7.0 report exits 0, got $rc"
grep -q "^  checks     24 run, 198 results$" "$tmp/out" || fail "24 mapped checks run: $(head -8 "$tmp/out")"
grep -q "^  left out   37 checks not mapped to the framework: cloudtrail_cloudwatch_logs_enabled, " "$tmp/out" \
  || fail "left-out checks named in the header: $(head -8 "$tmp/out")"
grep -q "^  CRITICAL iam_role_trust_not_public" "$tmp/out" && fail "an unmapped check is reported"
"$bin" audit "${demo[@]}" --fail-on critical >/dev/null; rc=$?
[ $rc -eq 1 ] || fail "the demo's critical finding fails --fail-on critical, got $rc"
"$bin" audit "${demo[@]}" --framework cis-7.0 --fail-on critical >/dev/null; rc=$?
[ $rc -eq 0 ] || fail "the critical finding's check is not mapped to cis-7.0, so the cis-7.0 gate passes, got $rc"
"$bin" audit "${demo[@]}" --framework cis-7.0 --format json >"$tmp/out.json"
python3 - "$tmp/out.json" <<'PY' || fail "JSON lists the left-out checks"
import json, sys
d = json.load(open(sys.argv[1]))
s = d["summary"]
assert s["checks_run"] == 24 and len(s["checks_left_out"]) == 37, s
assert "iam_role_trust_not_public" in s["checks_left_out"]
PY
"$bin" audit "${demo[@]}" >"$tmp/all"
grep -q "left out" "$tmp/all" && fail "no left-out line without --framework"

# Nothing evaluated: the score is n/a, not 0%.
"$bin" audit "${demo[@]}" --checks iam_role_unused >"$tmp/out"
grep -q "^  cis-7.0                 n/a  0 passed, 0 failed, 21 not evaluated, 15 manual" "$tmp/out" \
  || fail "n/a score: $(grep cis-7.0 "$tmp/out")"

# The first CI run: the baseline file does not exist yet.
"$bin" audit "${demo[@]}" --baseline "$tmp/none.json" --format json >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] || fail "a missing baseline is not an error, got $rc: $(cat "$tmp/err")"
grep -q "^notice: baseline $tmp/none.json does not exist yet: treated as empty (every failure is new)$" "$tmp/err" \
  || fail "notice: $(cat "$tmp/err")"
"$bin" audit "${demo[@]}" --baseline "$tmp/none.json" --fail-on critical >/dev/null 2>&1; rc=$?
[ $rc -eq 1 ] || fail "with an empty baseline every failure is new, got $rc"

# Configuration typos: unknown check ids are errors with "did you mean".
printf '[severity]\niam_root_mfa_enabeld = "low"\n' >"$tmp/typo.toml"
"$bin" audit "${demo[@]}" --config "$tmp/typo.toml" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "unknown check in [severity] exits 3, got $rc"
grep -q 'typo.toml: \[severity\]: no check is named "iam_root_mfa_enabeld"' "$tmp/err" || fail "message: $(cat "$tmp/err")"
grep -q "hint: did you mean iam_root_mfa_enabled?" "$tmp/err" || fail "did you mean: $(cat "$tmp/err")"
printf '[[suppress]]\ncheck = "iam_user_mfa_enabeld"\nresource = "*"\nreason = "x"\n' >"$tmp/typo2.toml"
"$bin" audit "${demo[@]}" --config "$tmp/typo2.toml" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "unknown check in a suppression exits 3, got $rc: $(cat "$tmp/err")"
grep -q "hint: did you mean iam_user_mfa_enabled?" "$tmp/err" || fail "did you mean: $(cat "$tmp/err")"

# A suppression that matches nothing is a warning in the report.
printf '[[suppress]]\ncheck = "iam_user_mfa_enabled"\nresource = "arn:aws:iam::111122223333:user/nobody"\nreason = "gone"\n' \
  >"$tmp/stale.toml"
"$bin" audit "${demo[@]}" --config "$tmp/stale.toml" >"$tmp/out" 2>&1
grep -q "warning: the suppression of iam_user_mfa_enabled for arn:aws:iam::111122223333:user/nobody matches no failure" \
  "$tmp/out" || fail "stale suppression warning: $(tail -5 "$tmp/out")"

# Compact text (the default on a terminal; --compact anywhere): one line per failing check, next steps.
"$bin" audit "${demo[@]}" --compact >"$tmp/compact"
grep -q "^Failing checks (" "$tmp/compact" || fail "compact heading: $(head -20 "$tmp/compact")"
grep -q "^  CRITICAL iam_role_trust_not_public (1): legacy-partner-access$" "$tmp/compact" \
  || fail "one line per check: $(grep -A3 "Failing checks" "$tmp/compact")"
grep -q "^  HIGH     iam_user_mfa_enabled_console_access (4): carol.smith, mallory.contractor, frank.garcia, +1 more$" \
  "$tmp/compact" || fail "first resources and the rest counted: $(grep mfa_enabled_console "$tmp/compact")"
grep -q "^      why " "$tmp/compact" && fail "compact has no per-finding details"
grep -q "^Next steps$" "$tmp/compact" || fail "next steps: $(tail -6 "$tmp/compact")"
grep -q "examples/demo-account --details" "$tmp/compact" || fail "--details suggested"
[ "$(wc -l <"$tmp/compact")" -lt 120 ] || fail "compact is short: $(wc -l <"$tmp/compact") lines"
grep -q "^      why " "$tmp/all" || fail "not a terminal: the full listing by default"
"$bin" audit "${demo[@]}" --details >"$tmp/details"
cmp -s "$tmp/details" "$tmp/all" || fail "--details is the full listing"

# The trust probe is described as a probe, not printed as a real principal.
grep -q "iamwarden-outsider" "$tmp/all" && fail "the probe's made-up ARN is printed"
grep -q "allows sts:AssumeRole by a principal of an unrelated account (iamwarden's probe, in account" "$tmp/all" \
  || fail "probe wording: $(grep -A3 iam_role_trust_not_public "$tmp/all" | head -5)"
exit 0
