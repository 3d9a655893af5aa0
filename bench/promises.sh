#!/usr/bin/env bash
# Honest promises (issue 5): Kindly's first-response promise against the fixed
# "within 24 hours", on a simulated month of a small shop's support.
#
#   bench/promises.sh          # build release, run seeds 1 2 3, print the tables and a summary
#
# Environment (all optional):
#   CARGO_TARGET_DIR   where cargo builds (default /var/cache/kindly-target)
#   SEEDS              seeds to run (default "1 2 3"); the world is described in crates/sim/src/main.rs
#   DAYS               days of arrivals (default 28: 2026-03-02 .. 2026-03-29)
#   NO_BUILD=1         use the binary already in $CARGO_TARGET_DIR/release
#   SIM_ARGS           extra arguments for kindly-sim (e.g. "--quantile 0.95" to see the trade-off)
#
# Targets (issue 5): promises kept >= 95 %, tightness (median promised / actual wait) <= 1.5.
# Same seed, same output: every figure here is reproducible byte for byte.
set -euo pipefail

cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/cache/kindly-target}"
SEEDS="${SEEDS:-1 2 3}"
DAYS="${DAYS:-28}"

die() { echo "bench/promises.sh: $*" >&2; exit 1; }

if [[ "${NO_BUILD:-0}" != 1 ]]; then
    echo "building kindly-sim (release, CARGO_TARGET_DIR=$CARGO_TARGET_DIR) ..." >&2
    cargo build --release --quiet -p kindly-sim
fi
SIM="$CARGO_TARGET_DIR/release/kindly-sim"
[[ -x "$SIM" ]] || die "no binary at $SIM"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/kindly-promises.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

for seed in $SEEDS; do
    # shellcheck disable=SC2086 # SIM_ARGS is a list of words on purpose
    "$SIM" --seed "$seed" --days "$DAYS" ${SIM_ARGS:-} > "$TMP/$seed.txt"
    cat "$TMP/$seed.txt"
    echo
done

# One line per seed: the figures the issue sets targets for.
field() { # field FILE LABEL COLUMN(2 = fixed, 3 = kindly) -> the value in that column
    awk -v label="$2" -v col="$3" 'index($0, label) == 1 {
        rest = substr($0, 35); n = split(rest, f, /  +/); k = 0
        for (i = 1; i <= n; i++) if (f[i] != "") { k++; v[k] = f[i] }
        print v[col - 1]; exit }' "$1"
}
echo "summary (targets: kept >= 95 %, tightness median <= 1.5)"
printf '%-6s %12s %12s %14s %12s %12s %12s\n' "seed" "fixed kept" "fixed tight" "kindly kept" "+ update" "kindly tight" "updates"
for seed in $SEEDS; do
    f="$TMP/$seed.txt"
    printf '%-6s %12s %12s %14s %12s %12s %12s\n' "$seed" \
        "$(field "$f" "kept, as first stated" 2)" \
        "$(field "$f" "tightness median" 2)" \
        "$(field "$f" "kept, as first stated" 3)" \
        "$(field "$f" "kept, counting the honest update" 3)" \
        "$(field "$f" "tightness median" 3)" \
        "$(field "$f" "honest updates sent" 3)"
done
echo
echo "reproduce: cargo run --release -p kindly-sim -- --seed N [--days $DAYS] [--json] [--daily]"
