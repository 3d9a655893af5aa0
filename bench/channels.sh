#!/usr/bin/env bash
# Mail channel figures against real servers: IMAP end-to-end latency and SMTP
# delivery throughput (crates/kindly/tests/channels_bench.rs, ignored tests).
#
#   bash bench/channels.sh     # build the release test binary, run both, print the figures
#
# Needs root and Debian's dovecot-imapd and postfix (bash scripts/test.sh installs
# them); each benchmark starts its own server on free loopback ports in a temp
# directory, and skips with a message when it cannot.
#
# Environment (all optional):
#   CARGO_TARGET_DIR   where cargo builds (default /var/cache/kindly-target)
#   BENCH_IMAP_MAILS   mails per IMAP mailbox (default 30)
#   BENCH_SMTP_MAILS   acknowledgements delivered (default 500)
#
# Measures
#   (a) imap_latency: `kindly serve` with two Dovecot mailboxes, one waiting with
#       IDLE (poll_seconds = 10 as the IDLE timeout), one polling every second
#       (idle = false). Mails appended one at a time, each after the previous
#       one's ticket appeared and a random 0-1 s pause; APPEND's OK -> ticket on
#       /api/tickets (read every 20 ms): n, p50, p90, max in ms, and how many IDLE
#       appends took > 2 s (a missed wake-up, caught by the IDLE timeout).
#   (b) smtp_throughput: BENCH_SMTP_MAILS customers' mails ingested (one
#       acknowledgement each), then one `kindly deliver` to a loopback Postfix that
#       delivers into a Maildir: mails/s handed to Postfix, and the time until all
#       are in the Maildir.
set -euo pipefail

cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/cache/kindly-target}"

echo "building the release test binary (CARGO_TARGET_DIR=$CARGO_TARGET_DIR) ..." >&2
cargo test --release --quiet -p kindly --test channels_bench --no-run

OUT="$(mktemp "${TMPDIR:-/tmp}/kindly-channels.XXXXXX")"
trap 'rm -f "$OUT"' EXIT
trap 'exit 130' INT TERM

set +e
cargo test --release --quiet -p kindly --test channels_bench -- \
    --ignored --nocapture --test-threads=1 2>&1 | tee "$OUT" >&2
rc=${PIPESTATUS[0]}
set -e

cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
echo
echo "machine: $(nproc) CPUs, ${cpu:-unknown CPU}; $(uname -sr)"
echo "servers: $(/usr/sbin/dovecot --version 2>/dev/null | sed 's/^/Dovecot /' || echo 'no Dovecot'), $(/usr/sbin/postconf -dh mail_version 2>/dev/null | sed 's/^/Postfix /' || echo 'no Postfix')"
grep -oE '(imap_latency|smtp_throughput|SKIPPED).*' "$OUT" || echo "no figures (see the output above)"
if (( rc != 0 )); then
    echo "bench/channels.sh: the benchmark run failed (exit $rc)" >&2
fi
exit "$rc"
