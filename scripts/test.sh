#!/usr/bin/env bash
# Sets up what the tests need (idempotently) and runs every check CI runs.
#   bash scripts/test.sh
# Environment: CARGO_TARGET_DIR (default /var/cache/kindly-target, shared and
# world-readable so rebuilds are incremental), KINDLY_SKIP_SETUP=1 to skip installs.
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
  if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq && apt-get install -y -qq "${need_apt[@]}"
    elif command -v sudo >/dev/null; then
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
    else
      echo "missing packages (install them as root): ${need_apt[*]}" >&2
      exit 1
    fi
  fi
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
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

say "all tests passed"
