#!/usr/bin/env bash
# Ingest throughput and memory of `kindly`.
#
#   bench/ingest.sh            # build release, generate mail, measure, print a table
#
# Environment (all optional):
#   CARGO_TARGET_DIR   where cargo builds (default /var/cache/kindly-target)
#   COUNT              mails for the directory ingest (default 10000)
#   PIPE_COUNT         mails for the one-process-per-mail MTA pipe (default 500)
#   SEED               kindly-mailgen seed (default 20250303)
#   NO_BUILD=1         use the binaries already in $CARGO_TARGET_DIR/release
#   KEEP=1             keep the temporary directory and print its path
#
# Measures
#   (a) MTA pipe: PIPE_COUNT processes, one `kindly --data D ingest - < mail` per mail, mails/s
#   (b) directory: one `kindly --data D ingest DIR` over COUNT mails into a fresh data dir, mails/s
#   (c) peak RSS of (b), from /usr/bin/time -v (Debian package `time`)
set -euo pipefail

cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/cache/kindly-target}"
COUNT="${COUNT:-10000}"
PIPE_COUNT="${PIPE_COUNT:-500}"
SEED="${SEED:-20250303}"

TARGET_PIPE=100    # mails/s, one process per mail
TARGET_DIR=2000    # mails/s, one process for the directory
TARGET_RSS_MB=100  # peak RSS of the directory ingest

die() { echo "bench/ingest.sh: $*" >&2; exit 1; }

[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (peak RSS needs GNU time): sudo apt-get install time"
(( PIPE_COUNT <= COUNT )) || die "PIPE_COUNT ($PIPE_COUNT) must not exceed COUNT ($COUNT)"

if [[ "${NO_BUILD:-0}" != 1 ]]; then
    echo "building release binaries (CARGO_TARGET_DIR=$CARGO_TARGET_DIR) ..." >&2
    cargo build --release --quiet -p kindly -p kindly-mailgen
fi
KINDLY="$CARGO_TARGET_DIR/release/kindly"
MAILGEN="$CARGO_TARGET_DIR/release/kindly-mailgen"
[[ -x "$KINDLY" ]] || die "no binary at $KINDLY"
[[ -x "$MAILGEN" ]] || die "no binary at $MAILGEN"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/kindly-bench.XXXXXX")"
cleanup() {
    if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ns() { date +%s%N; }
# rate COUNT NANOSECONDS -> mails/s with one decimal
rate() { awk -v n="$1" -v ns="$2" 'BEGIN { printf "%.1f", (ns > 0 ? n / (ns / 1e9) : 0) }'; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }

echo "generating $COUNT mails (seed $SEED) ..." >&2
"$MAILGEN" --count "$COUNT" --seed "$SEED" --out "$TMP/mail" --manifest "$TMP/manifest.tsv"
MAIL_BYTES="$(du -sb "$TMP/mail" | cut -f1)"

# (a) one process per mail, as an MTA pipe transport would run it.
echo "(a) MTA pipe: $PIPE_COUNT processes ..." >&2
mkdir -p "$TMP/data-pipe"
mapfile -t PIPE_FILES < <(find "$TMP/mail" -maxdepth 1 -type f -name '*.eml' | sort | head -n "$PIPE_COUNT")
pipe_failed=0
start="$(now_ns)"
for f in "${PIPE_FILES[@]}"; do
    if ! "$KINDLY" --data "$TMP/data-pipe" ingest - < "$f" > /dev/null 2>> "$TMP/pipe.stderr"; then
        pipe_failed=$((pipe_failed + 1))
    fi
done
pipe_ns=$(( $(now_ns) - start ))
(( pipe_failed == 0 )) || echo "warning: $pipe_failed of ${#PIPE_FILES[@]} pipe ingests exited non-zero (stderr: $(tail -n 1 "$TMP/pipe.stderr"))" >&2

# (b) + (c) one process over the whole directory, fresh data dir.
echo "(b) directory: $COUNT mails, one process ..." >&2
mkdir -p "$TMP/data-dir"
start="$(now_ns)"
set +e
/usr/bin/time -v -o "$TMP/time.txt" "$KINDLY" --data "$TMP/data-dir" ingest "$TMP/mail" > "$TMP/dir.jsonl" 2> "$TMP/dir.stderr"
dir_rc=$?
set -e
dir_ns=$(( $(now_ns) - start ))
(( dir_rc == 0 )) || echo "warning: directory ingest exited $dir_rc (stderr: $(tail -n 1 "$TMP/dir.stderr"))" >&2
dir_lines="$(wc -l < "$TMP/dir.jsonl")"
(( dir_lines == COUNT )) || echo "warning: directory ingest reported $dir_lines lines for $COUNT mails" >&2
rss_kb="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/time.txt")"
rss_mb="$(awk -v kb="${rss_kb:-0}" 'BEGIN { printf "%.1f", kb / 1024 }')"

pipe_rate="$(rate "${#PIPE_FILES[@]}" "$pipe_ns")"
dir_rate="$(rate "$COUNT" "$dir_ns")"
verdict() { # verdict VALUE TARGET ge|le
    awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == "ge") ? (v >= t) : (v <= t); print (ok ? "ok" : "MISSED") }'
}

cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
echo
echo "machine: $(nproc) CPUs, ${cpu:-unknown CPU}; $(uname -sr)"
echo "mail:    $COUNT generated (seed $SEED), $(awk -v b="$MAIL_BYTES" 'BEGIN { printf "%.1f", b / 1048576 }') MB, mean $(( MAIL_BYTES / COUNT )) bytes"
echo "kindly:  $KINDLY"
if [[ -s "$TMP/dir.jsonl" ]]; then
    echo "outcomes (b): $(grep -o '"outcome":"[a-z_]*"' "$TMP/dir.jsonl" | cut -d'"' -f4 | sort | uniq -c | awk '{ printf "%s %s, ", $2, $1 }' | sed 's/, $//')"
    # How the outcomes of (b) compare with what kindly-mailgen meant each mail to be.
    awk -F'\t' '
        FNR == NR { kind[$1] = $2; next }
        {
            if (!match($0, /"file":"[^"]*"/)) next
            f = substr($0, RSTART + 8, RLENGTH - 9); sub(/.*\//, "", f)
            if (!match($0, /"outcome":"[a-z_]*"/)) next
            o = substr($0, RSTART + 11, RLENGTH - 12)
            k = kind[f]
            want["new_request"] = "new_ticket"; want["reply"] = "follow_up"; want["thanks"] = "thanks"
            want["resend"] = "repeat"; want["auto_reply"] = "automatic"; want["bounce"] = "automatic"
            want["newsletter"] = "automatic"; want["redelivery"] = "duplicate_delivery"
            total++
            if (o == want[k] || (k == "thanks" && o == "follow_up")) agree++
            else miss[k " -> " o]++
        }
        END {
            if (total == 0) exit
            printf "agreement with the generator labels: %d of %d (%.1f%%)\n", agree, total, 100 * agree / total
            n = 0
            for (m in miss) if (n++ < 8) printf "  %-40s %d\n", m, miss[m]
        }' "$TMP/manifest.tsv" "$TMP/dir.jsonl"
fi
echo
printf '%-34s %14s %14s %8s\n' "measure" "result" "target" ""
printf '%-34s %14s %14s %8s\n' "----------------------------------" "--------------" "--------------" "--------"
printf '%-34s %10s /s  %10s /s  %8s\n' "(a) MTA pipe, process per mail" "$pipe_rate" ">= $TARGET_PIPE" "$(verdict "$pipe_rate" "$TARGET_PIPE" ge)"
printf '%-34s %10s /s  %10s /s  %8s\n' "(b) directory, one process" "$dir_rate" ">= $TARGET_DIR" "$(verdict "$dir_rate" "$TARGET_DIR" ge)"
printf '%-34s %10s MB  %10s MB  %8s\n' "(c) peak RSS of (b)" "$rss_mb" "<= $TARGET_RSS_MB" "$(verdict "$rss_mb" "$TARGET_RSS_MB" le)"
echo
echo "(a) ${#PIPE_FILES[@]} mails in $(secs "$pipe_ns") s, $pipe_failed failed; (b) $COUNT mails in $(secs "$dir_ns") s, exit $dir_rc"
