#!/usr/bin/env bash
# Import throughput and memory of `kindly import` (mbox and Maildir).
#
#   bench/import.sh            # build release, generate mail, measure, print a table
#
# Environment (all optional):
#   CARGO_TARGET_DIR   where cargo builds (default /var/cache/kindly-target)
#   COUNT              mails generated (default 20000)
#   SEED               kindly-mailgen seed (default 20250303)
#   NO_BUILD=1         use the binaries already in $CARGO_TARGET_DIR/release
#   KEEP=1             keep the temporary directory and print its path
#
# Measures, each into a fresh data directory:
#   (a) `kindly import maildir DIR --json`: the COUNT mails in DIR/cur, mails/s, peak RSS
#   (b) `kindly import mbox FILE --json`: the same mails as one mboxrd file, mails/s, peak RSS
#   (c) the same mbox imported again into (b)'s data dir: a resume that has nothing to do
#   (d) the Maildir imported again into (a)'s data dir: every mail skipped by its SHA-256
# Peak RSS from /usr/bin/time -v (Debian package `time`).
#
# Measured (COUNT=5000, 2 shared cores, load 4-6 from other builds): before the
# batching (one transaction per mail for the raw bytes and another for the
# record) maildir 215 and mbox 258 mails/s, 14.5 s CPU; with raw bytes and
# records batched 128 mails a transaction and write-only statements sent
# together, maildir 766 and mbox 832 mails/s, 7.2 s CPU. Of that CPU, analysis
# is ~0.5 ms a mail and the SQLite side ~0.9 ms (of which ~0.4 ms is kernel
# time handing each statement to sqlx's worker thread and back): 5000/s would
# need both cut several-fold.
set -euo pipefail

cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/cache/kindly-target}"
COUNT="${COUNT:-20000}"
SEED="${SEED:-20250303}"
TARGET_RATE=5000   # mails/s (issue 6)

die() { echo "bench/import.sh: $*" >&2; exit 1; }
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (peak RSS needs GNU time): sudo apt-get install time"
command -v python3 > /dev/null || die "python3 is needed to write the mbox"

if [[ "${NO_BUILD:-0}" != 1 ]]; then
    echo "building release binaries (CARGO_TARGET_DIR=$CARGO_TARGET_DIR) ..." >&2
    cargo build --release --quiet -p kindly -p kindly-mailgen
fi
KINDLY="$CARGO_TARGET_DIR/release/kindly"
MAILGEN="$CARGO_TARGET_DIR/release/kindly-mailgen"
[[ -x "$KINDLY" ]] || die "no binary at $KINDLY"
[[ -x "$MAILGEN" ]] || die "no binary at $MAILGEN"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/kindly-import-bench.XXXXXX")"
cleanup() {
    if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "generating $COUNT mails (seed $SEED) ..." >&2
mkdir -p "$TMP/maildir/new" "$TMP/maildir/tmp"
"$MAILGEN" --count "$COUNT" --seed "$SEED" --out "$TMP/maildir/cur"
# The same mails as one mboxrd file: a From_ line each, ">From " quoting, a blank line after.
python3 - "$TMP/maildir/cur" "$TMP/archive.mbox" <<'PY'
import os, re, sys
src, dst = sys.argv[1], sys.argv[2]
quote = re.compile(rb"^(>*From )", re.M)
with open(dst, "wb") as out:
    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name), "rb") as f:
            mail = f.read()
        out.write(b"From bench@example.com Mon Mar  3 08:00:00 2025\n")
        mail = quote.sub(rb">\1", mail)
        if not mail.endswith(b"\n"):
            mail += b"\n"
        out.write(mail)
        out.write(b"\n")
PY
MAIL_BYTES="$(du -sb "$TMP/archive.mbox" | cut -f1)"

# run NAME ARGS... -> "$TMP/NAME.json" (summary), "$TMP/NAME.time" (GNU time)
run() {
    local name="$1"; shift
    set +e
    /usr/bin/time -v -o "$TMP/$name.time" "$KINDLY" "$@" --json > "$TMP/$name.json" 2> "$TMP/$name.stderr"
    local rc=$?
    set -e
    (( rc == 0 )) || echo "warning: $name exited $rc (stderr: $(tail -n 1 "$TMP/$name.stderr"))" >&2
}
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$TMP/$1.json" "$2"; }
rss_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$TMP/$1.time"; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$TMP/$1.time"; }
cpu() { awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f user + %.1f sys", u, s }' "$TMP/$1.time"; }

echo "(a) maildir ..." >&2
run maildir --data "$TMP/data-maildir" import maildir "$TMP/maildir"
echo "(b) mbox ..." >&2
run mbox --data "$TMP/data-mbox" import mbox "$TMP/archive.mbox"
echo "(c) mbox again (resume, nothing to do) ..." >&2
run mbox-again --data "$TMP/data-mbox" import mbox "$TMP/archive.mbox"
echo "(d) maildir again (every mail already stored) ..." >&2
run maildir-again --data "$TMP/data-maildir" import maildir "$TMP/maildir"

verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v >= t ? "ok" : "MISSED") }'; }
cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
echo
echo "machine: $(nproc) CPUs, ${cpu_model:-unknown CPU}; $(uname -sr); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "mail:    $COUNT generated (seed $SEED), mbox $(awk -v b="$MAIL_BYTES" 'BEGIN { printf "%.1f", b / 1048576 }') MB"
echo
printf '%-36s %8s %10s %8s %8s %-24s %s\n' "run" "mails" "mails/s" "RSS MB" "wall" "cpu (s)" "vs ${TARGET_RATE}/s"
for n in maildir mbox mbox-again maildir-again; do
    [[ -s "$TMP/$n.json" ]] || { echo "$n: no summary"; continue; }
    rate="$(field "$n" mails_per_second)"
    printf '%-36s %8s %10s %8s %8s %-24s %s\n' "$n" "$(field "$n" mails_read)" "$rate" "$(rss_mb "$n")" "$(wall "$n")" "$(cpu "$n")" \
        "$( [[ $n == *again ]] && echo "-" || verdict "$rate" "$TARGET_RATE")"
done
echo
for n in maildir mbox; do
    [[ -s "$TMP/$n.json" ]] && echo "$n: $(cat "$TMP/$n.json")"
done
echo "mbox-again: $(cat "$TMP/mbox-again.json" 2>/dev/null)"
