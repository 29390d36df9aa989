#!/usr/bin/env bash
# Benchmarks the sample page: cold build in a fresh process (wall time, peak memory), where
# the time goes, warm rebuilds in one long-lived world, and the typst CLI on the same
# templates and data. Run from anywhere; prints numbers only. See bench/README.md. Builds are
# plain PDFs (`--pdf-standard 1.7`), as the typst CLI writes, except the press section, which
# times the PDF/X-4 beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
RUNS="${RUNS:-5}"
PAGE=content/pingluo-cppcc/page.yaml
WORK=target/bench
mkdir -p "$WORK"

cargo build --release --quiet --bin banmian --example bench
BANMIAN="$CARGO_TARGET_DIR/release/banmian"
BENCH="$CARGO_TARGET_DIR/release/examples/bench"
TYPST="${TYPST:-$(command -v typst || true)}"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Wall time since `date +%s%N` printed $1, in seconds to the millisecond (time -v's wall clock
# has hundredths only, too coarse for a ratio of two quarter-second builds).
seconds_since() { echo "$1 $(date +%s%N)" | awk '{printf "%.3f", ($2 - $1) / 1e9}'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo

echo "== cold build, fresh process, plain PDF and PDF/X-4 taken in turn ($RUNS runs each; /usr/bin/time -v)"
# In turn, so that both meet the same load on a shared machine: their ratio is the point.
: > "$WORK/cold.txt"
: > "$WORK/x4.txt"
for _ in $(seq "$RUNS"); do
  started=$(date +%s%N)
  /usr/bin/time -v "$BANMIAN" build "$PAGE" --pdf-standard 1.7 -o "$WORK/banmian.pdf" --timings 2> "$WORK/time.txt"
  wall=$(seconds_since "$started")
  rss=$(grep 'Maximum resident' "$WORK/time.txt" | awk '{print $NF}')
  echo "$wall $rss $(grep '^timings:' "$WORK/time.txt")" | tee -a "$WORK/cold.txt" | sed 's/^/plain /'
  started=$(date +%s%N)
  /usr/bin/time -v "$BANMIAN" build "$PAGE" -o "$WORK/banmian-x4.pdf" --timings 2> "$WORK/time.txt"
  wall=$(seconds_since "$started")
  rss=$(grep 'Maximum resident' "$WORK/time.txt" | awk '{print $NF}')
  echo "$wall $rss $(grep '^timings:' "$WORK/time.txt")" | tee -a "$WORK/x4.txt" | sed 's/^/x-4   /'
done
cold_wall=$(awk '{print $1}' "$WORK/cold.txt" | median)
cold_min=$(awk '{print $1}' "$WORK/cold.txt" | sort -n | head -1)
cold_rss=$(awk '{print $2}' "$WORK/cold.txt" | median)
x4_wall=$(awk '{print $1}' "$WORK/x4.txt" | median)
x4_min=$(awk '{print $1}' "$WORK/x4.txt" | sort -n | head -1)
x4_rss=$(awk '{print $2}' "$WORK/x4.txt" | median)
echo "plain PDF: median ${cold_wall} s (fastest ${cold_min} s), peak RSS $((cold_rss / 1024)) MiB"
echo "PDF/X-4:   median ${x4_wall} s (fastest ${x4_min} s), peak RSS $((x4_rss / 1024)) MiB"
awk -v x="$x4_wall" -v c="$cold_wall" -v xm="$x4_min" -v cm="$cold_min" \
  'BEGIN {printf "X-4 / plain: %.2f of the medians, %.2f of the fastest (target <= 1.2)\n", x / c, xm / cm}'
echo

echo "== in-process stages and warm rebuilds (examples/bench.rs)"
"$BENCH" "$PAGE" --edits 9 --json "$WORK/page.json" | tee "$WORK/bench.txt"
warm=$(grep '^warm' "$WORK/bench.txt" | sed 's/.*compile + pdf \([0-9.]*\) ms/\1/')
awk -v w="$warm" -v c="$cold_wall" 'BEGIN {printf "warm rebuild / cold build: %.2f (target <= 0.20)\n", w / 1000 / c}'
echo

echo "== a 16-page issue (bench/issue16.sh), plain and PDF/X-4 in turn, caches warm (${ISSUE_RUNS:-3} runs each)"
ISSUE=$(bench/issue16.sh "$WORK/issue-16")
# Once each first: the copies' resampled and separated photos go into the cache folder.
for standard in 1.7 x-4; do
  "$BANMIAN" build "$ISSUE" --root . --pdf-standard "$standard" -o "$WORK/issue-16-$standard" > /dev/null 2>&1 || true
done
for standard in 1.7 x-4; do : > "$WORK/issue-$standard.txt"; done
for _ in $(seq "${ISSUE_RUNS:-3}"); do
  for standard in 1.7 x-4; do
    /usr/bin/time -v "$BANMIAN" build "$ISSUE" --root . --pdf-standard "$standard" -o "$WORK/issue-16-$standard" > /dev/null 2> "$WORK/time.txt" || true
    wall=$(grep 'Elapsed (wall' "$WORK/time.txt" | awk '{print $NF}' | awk -F: '{print $1*60+$2}')
    rss=$(grep 'Maximum resident' "$WORK/time.txt" | awk '{print $NF}')
    built=$(grep -c ' built in ' "$WORK/time.txt" || true)
    echo "$wall $rss $built" >> "$WORK/issue-$standard.txt"
    echo "$standard: $wall s, peak RSS $((rss / 1024)) MiB, $built pages built"
  done
done
echo "per page, the last PDF/X-4 run (as they finished; two at a time on 2 cores):"
grep ' built in ' "$WORK/time.txt" || true
for standard in 1.7 x-4; do
  f="$WORK/issue-$standard.txt"
  echo "$standard: median $(awk '{print $1}' "$f" | median) s (fastest $(awk '{print $1}' "$f" | sort -n | head -1) s), peak RSS $(( $(awk '{print $2}' "$f" | median) / 1024 )) MiB"
done
echo "(target: PDF/X-4 <= 3 s on 2 cores, memory flat in the page count)"
echo

echo "== a busy page: 12 sections, 12 photos (examples/variants, seed 1), cold, fresh process"
BUSY="$WORK/busy"
rm -rf "$BUSY"
cargo run --release --quiet --example variants -- "$BUSY" 1 --sections 12 --photos 12 --fill 1.0 > /dev/null
: > "$WORK/busy.txt"
for _ in $(seq "$RUNS"); do
  /usr/bin/time -v "$BANMIAN" build "$BUSY/v1/page.yaml" --root . --pdf-standard 1.7 -o "$WORK/busy.pdf" --draft 2> "$WORK/time.txt" || true
  grep 'Elapsed (wall' "$WORK/time.txt" | awk '{print $NF}' | awk -F: '{print $1*60+$2}' | tee -a "$WORK/busy.txt"
done
busy_wall=$(median < "$WORK/busy.txt")
awk -v b="$busy_wall" -v c="$cold_wall" 'BEGIN {printf "median %.2f s; busy / sample: %.2f (target <= 2)\n", b, b / c}'
echo

echo "== a news page: 9 stories, 4 photos (bench/news-nine.yaml), made up automatically, cold, fresh process"
: > "$WORK/news.txt"
for _ in $(seq "$RUNS"); do
  /usr/bin/time -v "$BANMIAN" build bench/news-nine.yaml --pdf-standard 1.7 -o "$WORK/news.pdf" 2> "$WORK/time.txt"
  grep 'Elapsed (wall' "$WORK/time.txt" | awk '{print $NF}' | awk -F: '{print $1*60+$2}' | tee -a "$WORK/news.txt"
done
news_wall=$(median < "$WORK/news.txt")
awk -v n="$news_wall" -v c="$cold_wall" 'BEGIN {printf "median %.2f s; news / sample: %.2f (target <= 3)\n", n, n / c}'
echo

echo "== red-line of an edited 10,000-character story (examples/redline.rs), in-process"
cargo run --release --quiet --example redline -- --runs "$((RUNS * 3))" --out "$WORK/redline"
# The whole command: both versions laid out, red-lined and the PDF written.
: > "$WORK/diff.txt"
for _ in $(seq "$RUNS"); do
  /usr/bin/time -v "$BANMIAN" diff "$WORK/redline/old.yaml" "$WORK/redline/new.yaml" --root . -o "$WORK/redline/diff.pdf" 2> "$WORK/time.txt"
  grep 'Elapsed (wall' "$WORK/time.txt" | awk '{print $NF}' | awk -F: '{print $1*60+$2}' >> "$WORK/diff.txt"
done
echo "banmian diff of the two, whole (median of $RUNS): $(median < "$WORK/diff.txt") s"
echo

echo "== typst CLI on the same templates and data"
if [ -z "$TYPST" ]; then
  echo "typst CLI not found (set TYPST=/path/to/typst); skipped"
  exit 0
fi
"$TYPST" --version
cat > "$WORK/main.typ" <<'TYP'
#import "/layout/templates/feature.typ": template
#template(json("/target/bench/page.json"))
TYP
TYPST_CMD="$TYPST compile --root . --font-path fonts --ignore-system-fonts $WORK/main.typ $WORK/typst.pdf"
BANMIAN_CMD="$BANMIAN build $PAGE --pdf-standard 1.7 -o $WORK/banmian.pdf"
BANMIAN_X4_CMD="$BANMIAN build $PAGE -o $WORK/banmian-x4.pdf"
/usr/bin/time -v $TYPST_CMD 2> "$WORK/time.txt"
echo "typst CLI peak RSS: $(( $(grep 'Maximum resident' "$WORK/time.txt" | awk '{print $NF}') / 1024 )) MiB"
hyperfine --warmup 2 --runs "${HYPERFINE_RUNS:-10}" --export-json "$WORK/hyperfine.json" \
  -n banmian "$BANMIAN_CMD" -n banmian-x4 "$BANMIAN_X4_CMD" -n typst-cli "$TYPST_CMD"
python3 - "$WORK/hyperfine.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
print("side by side (mean wall time): plain PDF {:.3f} s, PDF/X-4 {:.3f} s, typst CLI {:.3f} s".format(
    r["banmian"], r["banmian-x4"], r["typst-cli"]))
print(f"banmian / typst CLI (mean wall time): {r['banmian'] / r['typst-cli']:.2f} (target ~0.6)")
print(f"PDF/X-4 / plain: {r['banmian-x4'] / r['banmian']:.2f} (target <= 1.2); PDF/X-4 / typst CLI: {r['banmian-x4'] / r['typst-cli']:.2f}")
PY
