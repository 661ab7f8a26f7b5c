#!/usr/bin/env bash
# audit --format html in headless Chromium: the script renders one row per FAIL without a console
# message, the URL fragment filters the rows, clicks sort and expand, and a screenshot is drawn.
# Prints SKIP and passes when Chromium is not installed.
set -u
bin=$(realpath "$1"); src=$(realpath "$2"); tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium is not installed"
  exit 0
fi
snap=$src/tests/snapshot/data/account1
cd "$tmp"
"$bin" audit "$snap" --now 2026-11-20 --allow-partial --format html --output report.html 2>/dev/null || fail "html report written"
"$bin" audit "$snap" --now 2026-11-20 --allow-partial --format json >report.json || fail "json report written"

# Counts from the JSON report: one result per line there, each starting with {"check":.
count() { grep '^  {"check":' report.json | grep -c "$1"; }
fails=$(count '"status":"FAIL"')
total=$(count .)
medium=$(count '"status":"[A-Z_]*","severity":"medium"')
medium_fail=$(count '"status":"FAIL","severity":"medium"')
[ "$fails" -gt 0 ] && [ "$medium_fail" -gt 0 ] || fail "the snapshot should have failures, medium ones too"

# chrome URL [extra flags...]: the DOM after load on stdout, Chromium's log (console messages) in log.txt.
chrome() {
  local url=$1; shift
  timeout 120 "$browser" --headless=new --disable-gpu --no-sandbox --no-first-run --user-data-dir="$tmp/profile" \
    --enable-logging=stderr --v=0 "$@" "$url" 2>>log.txt
}
rows() { grep -o '<tr class="finding"[^>]*>' "$1"; }
no_console() {
  if grep -E "CONSOLE|Uncaught" log.txt; then fail "console messages ($1)"; fi
  : >log.txt
}
page="file://$tmp/report.html"

# (a) Rendered by the script, failures shown by default, no console message.
chrome "$page" --dump-dom >dom.html || fail "chromium ran"
no_console "default view"
[ "$(rows dom.html | wc -l)" -eq "$fails" ] || fail "one row per FAIL: $(rows dom.html | wc -l) rows, $fails failures"
rows dom.html | grep -v 'data-status="FAIL"' && fail "only FAIL rows by default"
grep -q "id=\"shown\">$fails of $total results<" dom.html || fail "row counter: $(grep -o 'id="shown">[^<]*' dom.html)"

# (b) The fragment filters: severity and status, "filter=" with a severity name, free text.
chrome "$page#severity=medium&status=all" --dump-dom >dom.html || fail "chromium ran"
no_console "severity filter"
[ "$(rows dom.html | wc -l)" -eq "$medium" ] || fail "medium rows: $(rows dom.html | wc -l), expected $medium"
rows dom.html | grep -v 'data-severity="medium"' && fail "only medium rows"
chrome "$page#filter=medium" --dump-dom >dom.html || fail "chromium ran"
[ "$(rows dom.html | wc -l)" -eq "$medium_fail" ] || fail "#filter=medium: $(rows dom.html | wc -l), expected $medium_fail"
chrome "$page#q=no-such-text-anywhere&status=all" --dump-dom >dom.html || fail "chromium ran"
[ "$(rows dom.html | wc -l)" -eq 0 ] || fail "free text filters rows out"
grep -q "No result matches the filters." dom.html || fail "empty table says so"
no_console "text filter"

# (c) Clicks: choose a status, sort by a header, expand a row; still no console message.
sed 's|</body>|<script>var s = document.getElementById("filter-status"); s.value = "PASS"; s.dispatchEvent(new Event("change"));\
document.querySelector("th[data-key=check]").click(); document.querySelector("th[data-key=check]").click();\
document.querySelector("tr.finding").click();</script></body>|' report.html >clicked.html
chrome "file://$tmp/clicked.html" --dump-dom >dom.html || fail "chromium ran"
no_console "clicks"
rows dom.html | grep -v 'data-status="PASS"' && fail "status select filters"
grep -q 'data-key="check"[^>]*aria-sort="descending"\|aria-sort="descending"[^>]*data-key="check"' dom.html \
  || fail "two clicks sort descending: $(grep -o '<th[^>]*>' dom.html)"
grep -q '<tr class="detail">' dom.html || fail "a click expands the row"
grep -q '<dt>Risk</dt>' dom.html || fail "the expanded row shows the risk"
first=$(rows dom.html | head -1)
[ -n "$first" ] || fail "PASS rows shown"

# (d) A screenshot.
chrome "$page" --screenshot="$tmp/x.png" --window-size=1280,900 >/dev/null || fail "chromium screenshot"
[ -s x.png ] && [ "$(head -c 4 x.png | od -An -c | tr -d ' ')" = "211PNG" ] || fail "x.png is a PNG"
no_console "screenshot"
exit 0
