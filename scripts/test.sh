#!/usr/bin/env bash
# Sets up what the tests need (idempotently) and runs every check CI runs.
#   bash scripts/test.sh
# Environment: CARGO_TARGET_DIR (default /var/cache/kindly-target, shared and
# world-readable so rebuilds are incremental), KINDLY_SKIP_SETUP=1 to skip installs.
# The browser tests (web-tests/, after cargo test) alone: node web-tests/run.mjs
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }

# --- setup ---------------------------------------------------------------
if [ "${KINDLY_SKIP_SETUP:-0}" != 1 ]; then
  say "setup"
  need_apt=()
  command -v cc >/dev/null || need_apt+=(gcc libc6-dev)
  command -v pkg-config >/dev/null || need_apt+=(pkg-config)
  [ -x /usr/bin/time ] || need_apt+=(time)
  [ -e /usr/share/zoneinfo/Europe/Tallinn ] || need_apt+=(tzdata)
  # Postfix for crates/kindly/tests/postfix.rs: each test runs its own instance
  # (postfix -c DIR) on a free loopback port; the system one stays unconfigured.
  new_postfix=0
  [ -x /usr/sbin/postfix ] || { need_apt+=(postfix); new_postfix=1; }
  # Dovecot for crates/kindly/tests/imap.rs: the test runs its own instance
  # (dovecot -c FILE) on free loopback ports; the system one is not left running.
  new_dovecot=0
  [ -x /usr/sbin/dovecot ] || { need_apt+=(dovecot-imapd); new_dovecot=1; }
  command -v openssl >/dev/null || need_apt+=(openssl)
  # Debian's Chromium for the browser tests (web-tests/), driven by playwright-core.
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] || command -v sudo >/dev/null; then
      if [ "$new_postfix" = 1 ]; then
        echo "postfix postfix/main_mailer_type select No configuration" | as_root debconf-set-selections
      fi
      as_root apt-get update -qq || echo "apt-get update failed; installing from the cached lists" >&2
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
    else
      echo "missing packages (install them as root): ${need_apt[*]}" >&2
      exit 1
    fi
  fi
  # A system Postfix this run installed is not left serving port 25.
  if [ "$new_postfix" = 1 ] && [ -x /usr/sbin/postfix ] && as_root /usr/sbin/postfix status >/dev/null 2>&1; then
    as_root /usr/sbin/postfix stop || true
  fi
  # A system Dovecot this run installed does not keep 143/993.
  if [ "$new_dovecot" = 1 ] && [ -x /usr/sbin/dovecot ]; then
    as_root /usr/sbin/dovecot stop >/dev/null 2>&1 || true
    as_root systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true
  fi
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
  # playwright-core (pinned in web-tests/package-lock.json) needs Node.js 20+.
  node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$node_major" -lt 20 ]; then
    echo "the browser tests need Node.js 20 or newer at /usr/bin/node (found: $(node --version 2>/dev/null || echo none))" >&2
    exit 1
  fi
  # npm ci only when the lock changed since the last install; the npm cache
  # lives in a world-readable place beside the cargo target dirs.
  if ! cmp -s web-tests/package-lock.json web-tests/node_modules/.kindly-installed-lock 2>/dev/null; then
    npm_cache=/var/cache/kindly-npm
    { mkdir -p "$npm_cache" 2>/dev/null && [ -w "$npm_cache" ]; } || npm_cache="$HOME/.npm"
    chmod a+rx "$npm_cache" 2>/dev/null || true
    npm ci --prefix web-tests --cache "$npm_cache" --prefer-offline --no-audit --no-fund
    cp web-tests/package-lock.json web-tests/node_modules/.kindly-installed-lock
  fi
fi

# --- target dir ----------------------------------------------------------
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/cache/kindly-target}"
if ! mkdir -p "$CARGO_TARGET_DIR" 2>/dev/null || [ ! -w "$CARGO_TARGET_DIR" ]; then
  export CARGO_TARGET_DIR="$PWD/target"
fi
chmod a+rx "$CARGO_TARGET_DIR" 2>/dev/null || true
echo "target dir: $CARGO_TARGET_DIR"

# --- checks --------------------------------------------------------------
say "cargo fmt --check"
cargo fmt --all --check

say "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

say "cargo test"
cargo test --workspace --locked

# Headless Chromium against `kindly serve` (web-tests/; README.md, "Browser
# tests"); the binary is the one cargo test just built.
say "browser tests"
cargo build -p kindly --locked
node web-tests/run.mjs

say "all tests passed"
