#!/usr/bin/env bash
# Side-by-side speed of `iamwarden secrets` against ripgrep (one AWS key regex) and git-secrets, on a
# deterministic ~200 MB tree (bench/gen_secrets_tree), then the same for a history scan.
# Usage: bench/bench_secrets.sh [WORK_DIR] (default /tmp/iamwarden-secrets-bench); MB=200 RUNS=5 override.
# ONE_LINE_ONLY=1 IAMWARDEN=BINARY bench/bench_secrets.sh: only the one-line (minified) rows, for that binary.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/iamwarden-secrets-bench}
mb=${MB:-200}
runs=${RUNS:-5}
build="$src/build-bench-secrets"
# best_of N CMD...: "wall cpu" of the fastest of N runs, in seconds (cpu = user + system, which other load on
# the machine disturbs less than wall time).
best_of() {
  local n=$1 best="" best_cpu="" wall user sys
  shift
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
    read -r wall user sys < <(tail -n 1 "$work/time.txt")
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$wall
      best_cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    fi
  done
  echo "$best $best_cpu"
}
rate() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.0f", b / s / 1e6 }'; }

# one_line_rows: wall seconds of `secrets` on 2 MB and 19 MB single-line files of key IDs and on 2 MB of the same
# IDs with newlines (deterministic: python's random with seed 1; base32 bodies, 16 characters).
one_line_rows() {
  python3 - "$work" <<'PY'
import random, sys
random.seed(1)
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
def ids(n):
    return ["AKIA" + random.choice("QRSTUVWXYZ234567") + "".join(random.choice(alphabet) for _ in range(15)) for _ in range(n)]
small = ids(2_000_000 // 21)
open(sys.argv[1] + "/one-line-2mb.js", "w").write(",".join(small))
open(sys.argv[1] + "/lines-2mb.txt", "w").write("\n".join(small) + "\n")
open(sys.argv[1] + "/one-line-19mb.js", "w").write(",".join(ids(19_000_000 // 21)))
PY
  printf '%-44s %8s %8s\n' "one-line files (key IDs, comma-separated)" "wall s" "cpu s"
  for f in lines-2mb.txt one-line-2mb.js one-line-19mb.js; do
    read -r t c < <(best_of "${ONE_LINE_RUNS:-3}" "$iamwarden" secrets -q --format json -o "$work/one-line.json" "$work/$f")
    printf '%-44s %8s %8s\n' "$f ($(stat -c %s "$work/$f") bytes)" "$t" "$c"
  done
}

if [ -n "${ONE_LINE_ONLY:-}" ]; then  # ONE_LINE_ONLY=1 IAMWARDEN=path/to/iamwarden: only the one-line rows
  iamwarden=${IAMWARDEN:?set IAMWARDEN to the binary to measure}
  mkdir -p "$work"
  one_line_rows
  exit 0
fi
for tool in rg git-secrets /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench_secrets: needs $tool (apt-get install ripgrep git-secrets time python3)" >&2; exit 1; }
done

cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DIAMWARDEN_BUILD_BENCH=ON -DIAMWARDEN_BUILD_TESTS=OFF \
  -DIAMWARDEN_BUILD_FUZZ=OFF >/dev/null
cmake --build "$build" -j "${JOBS:-2}" --target iamwarden gen_secrets_tree >/dev/null
iamwarden="$build/iamwarden"

tree="$work/tree"
if [ ! -f "$work/planted.tsv" ] || [ ! -d "$tree/.git" ]; then
  rm -rf "$work" && mkdir -p "$work"
  "$build/bench/gen_secrets_tree" "$tree" --mb "$mb" --seed 1 --keys 25 >"$work/planted.tsv"
  git -C "$tree" init -q
  git -C "$tree" -c user.name=bench -c user.email=bench@example.com add -A
  git -C "$tree" -c user.name=bench -c user.email=bench@example.com commit -qm "generated tree"
fi
bytes=$(find "$tree" -path "$tree/.git" -prune -o -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$tree" -path "$tree/.git" -prune -o -type f -print | wc -l)
find "$tree" -path "$tree/.git" -prune -o -type f -print0 | xargs -0 cat >/dev/null  # warm the page cache

regex='\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b'
git -C "$tree" config --local --get-all secrets.patterns >/dev/null 2>&1 || (cd "$tree" && git secrets --register-aws >/dev/null)

echo "tree: $files files, $bytes bytes, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), best of $runs runs, warm cache"
printf '%-44s %8s %8s %9s\n' "" "wall s" "cpu s" "MB/s"
report() { printf '%-44s %8s %8s %9s\n' "$1" "$2" "$3" "$(rate "$2")"; }
read -r t_iw c_iw < <(best_of "$runs" "$iamwarden" secrets -q "$tree")
read -r t_rg c_rg < <(best_of "$runs" rg -uu -c --no-messages -g '!.git' "$regex" "$tree")
read -r t_gs c_gs < <(best_of "$runs" bash -c "cd '$tree' && git secrets --scan")
report "iamwarden secrets (full detection)" "$t_iw" "$c_iw"
report "rg -uu -c (gitleaks AWS key-ID regex)" "$t_rg" "$c_rg"
report "git secrets --scan (--register-aws)" "$t_gs" "$c_gs"

# Recall on the planted set, and no finding beyond it.
"$iamwarden" secrets -q --format json "$tree" >"$work/found.json" || true
python3 - "$work/found.json" "$work/planted.tsv" "$tree" <<'PY'
import json, sys
found = {(f["path"], f["line"], f["rule"], f.get("key_id", "-")) for f in json.load(open(sys.argv[1]))["findings"]}
prefix = sys.argv[3].rstrip("/") + "/"
found = {(p[len(prefix):] if p.startswith(prefix) else p, l, r, k) for p, l, r, k in found}
planted = set()
for line in open(sys.argv[2]):
    p, l, r, k = line.rstrip("\n").split("\t")
    planted.add((p, int(l), r, k))
print(f"recall: {len(planted & found)}/{len(planted)} planted found, {len(found - planted)} other findings")
PY

# History: 40 commits that leak and then delete 4 more keys.
if [ "$(git -C "$tree" rev-list --count HEAD)" -lt 41 ]; then
  for step in $(seq 1 40); do
    "$build/bench/gen_secrets_tree" "$tree" --seed 1 --history-step "$step" >>"$work/planted-history.tsv"
    git -C "$tree" -c user.name=bench -c user.email=bench@example.com add -A
    git -C "$tree" -c user.name=bench -c user.email=bench@example.com commit -qm "step $step"
  done
fi
commits=$(git -C "$tree" rev-list --count --all)
read -r t_ih c_ih < <(best_of 3 "$iamwarden" secrets -q --git "$tree")
read -r t_gh c_gh < <(best_of 1 bash -c "cd '$tree' && git secrets --scan-history")
history_keys=$("$iamwarden" secrets -q --git "$tree" | grep -c '^leaks/' || true)
echo "history: $commits commits ($history_keys history-only keys reported by iamwarden with their commit)"
printf '%-44s %8s %8s\n' "iamwarden secrets --git" "$t_ih" "$c_ih"
printf '%-44s %8s %8s\n' "git secrets --scan-history" "$t_gh" "$c_gh"
# One-line (minified) files: key IDs separated by commas on a single line, against the same IDs one per line.
# Location and the allow-marker check were once quadratic in the line length (53 s for 2 MB).
one_line_rows
awk -v a="$t_iw" -v b="$t_rg" -v c="$t_gs" -v d="$t_ih" -v e="$t_gh" \
    -v ca="$c_iw" -v cb="$c_rg" -v cc="$c_gs" -v cd="$c_ih" -v ce="$c_gh" 'BEGIN {
  printf "speed-up, wall (cpu): vs rg %.2fx (%.2fx), vs git-secrets %.1fx (%.1fx); history vs git-secrets %.1fx (%.1fx)\n",
         b / a, cb / ca, c / a, cc / ca, e / d, ce / cd }'
