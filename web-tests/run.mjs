#!/usr/bin/env node
// Runs the browser tests: node web-tests/run.mjs [NAME ...]
//
// NAME picks test files by part of their name (e.g. `hostile`); none: all of
// web-tests/tests/*.test.mjs, one file after another (each file starts its
// own kindly serve and Chromium). Exits non-zero when any test fails.
//
// Environment: CARGO_TARGET_DIR (kindly at $CARGO_TARGET_DIR/debug/kindly,
// default /var/cache/kindly-target) or KINDLY_BIN; KINDLY_CHROMIUM (default
// /usr/bin/chromium); KINDLY_ARTIFACTS (screenshots and logs, default the
// target dir's browser-artifacts/); KINDLY_KEEP_DATA=1 keeps the data dirs.
import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { artifactsDir, chromiumPath, kindlyBin } from './lib/paths.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const TOTAL_TIMEOUT_MS = 5 * 60_000;

function fail(msg) {
  console.error(`browser tests: ${msg}`);
  process.exit(2);
}

for (const [what, path, hint] of [
  ['kindly binary', kindlyBin(), 'cargo build -p kindly (or set CARGO_TARGET_DIR / KINDLY_BIN)'],
  ['Chromium', chromiumPath(), 'apt-get install chromium (bash scripts/test.sh does it)'],
]) {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    fail(`no ${what} at ${path}: ${hint}`);
  }
}
try {
  await import('playwright-core');
} catch {
  fail(`playwright-core is not installed: npm ci --prefix ${here}`);
}

// This run's artefacts only: earlier screenshots and logs go.
const artifacts = artifactsDir();
for (const f of readdirSync(artifacts)) {
  if (/\.(png|log)$/.test(f)) rmSync(join(artifacts, f), { force: true });
}

const wanted = process.argv.slice(2);
const files = readdirSync(join(here, 'tests'))
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort()
  .map((f) => join(here, 'tests', f));
if (files.length === 0) fail(`no test file matches ${wanted.join(' ')}`);

console.log(`browser tests: ${files.length} file(s); kindly ${kindlyBin()}; chromium ${chromiumPath()}`);
const started = Date.now();
const child = spawn(
  process.execPath,
  ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, KINDLY_ARTIFACTS: artifacts },
    detached: true, // its own process group: a time-out ends the whole tree
  },
);
const watchdog = setTimeout(() => {
  console.error(`browser tests: no end after ${TOTAL_TIMEOUT_MS / 1000} s; stopping them`);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // gone
  }
}, TOTAL_TIMEOUT_MS);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // gone
    }
  });
}
const code = await new Promise((resolve) =>
  child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))),
);
clearTimeout(watchdog);

const made = readdirSync(artifacts)
  .filter((f) => /\.(png|log)$/.test(f))
  .sort();
console.log(`\nbrowser tests: ${((Date.now() - started) / 1000).toFixed(1)} s; artefacts in ${artifacts}:`);
for (const f of made) console.log(`  ${f} (${Math.ceil(statSync(join(artifacts, f)).size / 1024)} KiB)`);
process.exit(code);
