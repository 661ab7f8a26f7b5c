#!/usr/bin/env bash
# collect: runs the fake aws (first on PATH), writes the snapshot and manifest, records failures, exit codes.
set -u
bin=$1; src=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export PATH="$src/tests/collect/fake-aws:$PATH" FAKE_AWS_LOG="$tmp/calls.log"
unset FAKE_AWS_FAIL FAKE_AWS_BROKEN FAKE_AWS_SLEEP FAKE_AWS_NO_ORG FAKE_AWS_NO_PASSWORD_POLICY FAKE_AWS_EXPECT_PROFILE \
  FAKE_AWS_HANG FAKE_AWS_SPAWN FAKE_AWS_LEFTOVER FAKE_AWS_IGNORE_TERM FAKE_AWS_HUGE FAKE_AWS_GARBAGE FAKE_AWS_NASTY_ERROR \
  FAKE_AWS_ANSWER
status() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["files"].get(sys.argv[2], {}).get("status", "absent"))' "$1/manifest.json" "$2"; }

# A full run with a profile and two regions; the password policy does not exist.
FAKE_AWS_NO_PASSWORD_POLICY=1 FAKE_AWS_EXPECT_PROFILE=audit \
  "$bin" collect --profile audit --regions us-east-1,eu-west-1 --out "$tmp/snap" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] || fail "collect exits 0, got $rc: $(cat "$tmp/err")"
grep -qx "collected account 123456789012 (2 regions) into $tmp/snap: 30 files written, 1 not found, 0 failed" "$tmp/out" \
  || fail "summary line: $(cat "$tmp/out")"
[ ! -s "$tmp/err" ] || fail "nothing on stderr when it is not a terminal: $(cat "$tmp/err")"
for f in authorization-details.json credential-report.csv credential-report.json account-summary.json \
         cloudtrail/us-east-1/trail-status.json access-analyzers/eu-west-1.json organizations/policies/p-FullAWSAccess.json; do
  [ -s "$tmp/snap/$f" ] || fail "$f written"
  [ "$(status "$tmp/snap" "$f")" = ok ] || fail "$f is ok in the manifest"
done
[ "$(status "$tmp/snap" password-policy.json)" = not_found ] || fail "password policy not_found"
grep -q '"Code": "NoSuchEntity"' "$tmp/snap/password-policy.json" || fail "password-policy.json holds the error"
head -1 "$tmp/snap/credential-report.csv" | grep -q '^user,arn,user_creation_time,' || fail "decoded CSV"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/snap/manifest.json" || fail "manifest is JSON"
grep -v -- $'\t--output\tjson\t--no-cli-pager\t--profile\taudit' "$tmp/calls.log" && fail "every call has --output json and the profile"
grep -q -- $'--region\tus-west-2' "$tmp/calls.log" && fail "only the requested regions"
[ "$(grep -c $'^cloudtrail\tdescribe-trails' "$tmp/calls.log")" = 2 ] || fail "describe-trails once per region"
ls "$tmp/snap" | grep -q '\.tmp\.' && fail "no temporary files left"

# Denied calls are recorded and collection goes on; a required file (the authorization details) makes it exit 3.
rm -f "$tmp/calls.log"
FAKE_AWS_FAIL="iam get-account-authorization-details;organizations list-parents" \
  "$bin" collect --regions us-east-1 --out "$tmp/snap2" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "a failed required file exits 3, got $rc"
grep -q "error: authorization-details.json (required) not collected" "$tmp/err" || fail "named: $(cat "$tmp/err")"
grep -q "warning: organizations/parents/123456789012.json not collected" "$tmp/err" || fail "warning: $(cat "$tmp/err")"
grep -q "1 regions) into $tmp/snap2: .* 2 failed (see manifest.json)" "$tmp/out" || fail "summary counts failures: $(cat "$tmp/out")"
[ "$(status "$tmp/snap2" authorization-details.json)" = failed ] || fail "GAAD failed"
grep -q '"error": "AccessDenied: User: arn:aws:iam::123456789012:user/auditor is not authorized' "$tmp/snap2/manifest.json" \
  || fail "error text in the manifest"
[ "$(status "$tmp/snap2" organizations/scp-targets/123456789012.json)" = ok ] || fail "SCPs of the account still collected"
grep -q -- '--profile' "$tmp/calls.log" && fail "no --profile without --profile"
grep -q -- $'ec2\tdescribe-regions' "$tmp/calls.log" && fail "explicit regions are not listed"

# --regions all asks the account.
"$bin" collect --out "$tmp/snap3" >"$tmp/out" 2>&1 || fail "regions all"
grep -q "(3 regions)" "$tmp/out" || fail "three regions from describe-regions: $(cat "$tmp/out")"

# Bad usage, no aws, no credentials.
"$bin" collect --regions 'us-east-1,../x' --out "$tmp/x" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "bad region exits 2, got $rc"
"$bin" collect --regions us-east-1 >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--out is required, got $rc"
mkdir "$tmp/empty"
PATH="$tmp/empty" "$bin" collect --out "$tmp/snap4" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "missing aws exits 3, got $rc"
grep -q "install AWS CLI v2" "$tmp/err" || fail "install hint: $(cat "$tmp/err")"
FAKE_AWS_EXPECT_PROFILE=other "$bin" collect --profile audit --out "$tmp/snap5" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "broken credentials exit 3, got $rc"
grep -q "aws sts get-caller-identity --profile audit" "$tmp/err" || fail "credentials hint: $(cat "$tmp/err")"
echo PASS
