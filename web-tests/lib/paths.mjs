// Where things are: the kindly binary, Chromium, the artefacts directory.
// Every one can be overridden from the environment.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Cargo's target directory, as scripts/test.sh exports it. */
export function targetDir() {
  return process.env.CARGO_TARGET_DIR || '/var/cache/kindly-target';
}

/** The kindly binary under test: $KINDLY_BIN, else $CARGO_TARGET_DIR/debug/kindly. */
export function kindlyBin() {
  return resolve(process.env.KINDLY_BIN || join(targetDir(), 'debug', 'kindly'));
}

/** Debian's Chromium (never a browser downloaded by Playwright). */
export function chromiumPath() {
  return process.env.KINDLY_CHROMIUM || '/usr/bin/chromium';
}

/** Screenshots and logs: $KINDLY_ARTIFACTS, else the target dir's browser-artifacts/. */
export function artifactsDir() {
  const dir = resolve(process.env.KINDLY_ARTIFACTS || join(targetDir(), 'browser-artifacts'));
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  return dir;
}

/** A file name made of letters, digits, '-' and '.', from any label. */
export function safeName(label) {
  return String(label).replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'page';
}
