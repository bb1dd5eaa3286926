#!/usr/bin/env bash
# Whole-process performance figures for docs/performance.md: prints a Markdown table.
#   scripts/perf.sh [CORPUS_MB]        (default 10; the issue's large run is 200)
# Needs hyperfine and ripgrep (apt-get install hyperfine ripgrep). Builds release binaries and a
# deterministic corpus in target/perf/ (never downloads anything).
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-10}"
for tool in hyperfine rg python3; do
  command -v "$tool" >/dev/null || { echo "scripts/perf.sh needs $tool" >&2; exit 2; }
done
cargo build --release --quiet
cargo build --release --quiet --example corpus
BIN=target/release/factlint
CORPUS="target/perf/corpus-${MB}mb"
if [ ! -d "$CORPUS" ]; then
  target/release/examples/corpus "$CORPUS" "$MB" 1 >&2
fi
BYTES=$(find "$CORPUS" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
SEED=fixtures/seed-000_5754297777aae10c.txt
OUT=target/perf/json
mkdir -p "$OUT"
# One regex matching every figure token: digits (ASCII or full-width) with 万/亿/%/‰ or 个百分点.
FLOOR_RE='[0-9０-９]+([.．][0-9０-９]+)?\s*(万亿|亿|万|%|％|‰|个百分点)'

hf() { # name, runs, command...
  local name=$1 runs=$2; shift 2
  # -N: no shell between hyperfine and the command, so a 10 ms run carries no shell start-up
  # and no error in subtracting it.
  hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$OUT/$name.json" -i "$@" >/dev/null
}
hf cold 30 "$BIN check $SEED"
hf topic 30 "$BIN check --no-exit-code fixtures/zh/fx-reserves.txt"
hf rules 30 "$BIN rules list"
hf corpus2 3 "$BIN check --no-exit-code --format concise -j 2 $CORPUS"
hf corpus1 3 "$BIN check --no-exit-code --format concise -j 1 $CORPUS"
hf floor 5 "rg -c '$FLOOR_RE' $CORPUS"
PEAK_ONE=$( { /usr/bin/time -f '%M' "$BIN" check "$SEED" >/dev/null; } 2>&1 | tail -1)
PEAK_CORPUS=$( { /usr/bin/time -f '%M' "$BIN" check --no-exit-code --format concise "$CORPUS" >/dev/null; } 2>&1 | tail -1)

python3 - "$OUT" "$BYTES" "$MB" "$PEAK_ONE" "$PEAK_CORPUS" <<'PY'
import json, sys, statistics
out, size, mb, peak_one, peak_corpus = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
def t(name):
    r = json.load(open(f"{out}/{name}.json"))["results"][0]["times"]
    return statistics.median(r), min(r), max(r)
def ms(v): return f"{v*1000:.1f} ms"
# /usr/bin/time reports KiB: both binary and decimal megabytes, so no reading of "MB" flatters.
def mem(kib): return f"{kib/1024:.1f} MiB ({kib*1024/1e6:.1f} MB)"
cold, topic, rules, c2, c1, floor = t("cold"), t("topic"), t("rules"), t("corpus2"), t("corpus1"), t("floor")
mbs = lambda s: size / s / 1e6
rows = [
  ("one article, cold process, shipped rules", "< 15 ms", f"{ms(cold[0])} ({ms(cold[1])}–{ms(cold[2])})", "`factlint check fixtures/seed-…txt`"),
  ("one single-topic article, cold process", "< 15 ms", f"{ms(topic[0])} ({ms(topic[1])}–{ms(topic[2])})", "`factlint check fixtures/zh/fx-reserves.txt`"),
  ("rule loading and compilation alone", "must not dominate", f"{ms(rules[0])} ({ms(rules[1])}–{ms(rules[2])})", "`factlint rules list`"),
  (f"corpus throughput, 2 threads ({size/1e6:.1f} MB)", "≥ 50 MB/s", f"{mbs(c2[0]):.2f} MB/s ({mbs(c2[2]):.2f}–{mbs(c2[1]):.2f})", "`factlint check -j 2 CORPUS`"),
  ("corpus throughput, 1 thread", "—", f"{mbs(c1[0]):.2f} MB/s ({mbs(c1[2]):.2f}–{mbs(c1[1]):.2f})", "`factlint check -j 1 CORPUS`"),
  ("scaling 1 → 2 threads", "close to 2×", f"{c1[0]/c2[0]:.2f}×", "the two rows above"),
  ("ripgrep floor, same corpus", "—", f"{mbs(floor[0]):.0f} MB/s ({ms(floor[0])})", "`rg -c FIGURE_REGEX CORPUS`"),
  ("factlint ÷ floor (time)", "≤ 3×", f"{c2[0]/floor[0]:.0f}×", "the two rows above"),
  ("peak memory, one article", "—", mem(peak_one), "`/usr/bin/time -f %M`"),
  (f"peak memory, {mb} MB corpus", "< 100 MB (200 MB corpus)", mem(peak_corpus), "`/usr/bin/time -f %M`"),
]
print("| figure | target | median (min–max) | command |")
print("|---|---|---|---|")
for r in rows: print("| " + " | ".join(r) + " |")
PY
