// A kindly of its own for a test file: a temporary data directory, the CLI
// (`kindly --data DIR ...`) and `kindly serve` on a free loopback port.
import { spawn } from 'node:child_process';
import { accessSync, constants, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifactsDir, kindlyBin, safeName } from './paths.mjs';

/** Every process started here, killed on any exit of this Node process. */
const children = new Set();
function killAll(signal = 'SIGKILL') {
  for (const c of children) {
    try {
      c.kill(signal);
    } catch {
      // already gone
    }
  }
}
process.on('exit', () => killAll());
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    killAll();
    process.exit(128 + { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[sig]);
  });
}

/** The environment kindly sees: ours without any KINDLY_* setting, plus `extra`. */
function kindlyEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('KINDLY_')) env[k] = v;
  }
  return { ...env, RUST_LOG: process.env.RUST_LOG || 'info', ...extra };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class Kindly {
  /**
   * A fresh data directory; `config` (TOML text) becomes DIR/kindly.toml and
   * `env` adds KINDLY_* settings for every command. Nothing runs yet.
   */
  constructor({ name = 'kindly', config, env = {} } = {}) {
    this.name = safeName(name);
    this.bin = kindlyBin();
    try {
      accessSync(this.bin, constants.X_OK);
    } catch {
      throw new Error(
        `no kindly binary at ${this.bin}: build it with \`cargo build -p kindly\` ` +
          '(set CARGO_TARGET_DIR or KINDLY_BIN to where it is)',
      );
    }
    this.root = mkdtempSync(join(tmpdir(), 'kindly-web-'));
    this.dataDir = join(this.root, 'data');
    this.mailDir = join(this.root, 'mail');
    mkdirSync(this.dataDir);
    mkdirSync(this.mailDir);
    if (config !== undefined) writeFileSync(join(this.dataDir, 'kindly.toml'), config);
    this.env = env;
    this.mailCount = 0;
    this.server = null;
    this.url = null;
  }

  /**
   * Runs `kindly --data DIR ...args` to its end → { code, stdout, stderr }.
   * `input` goes to stdin. Rejects after `timeoutMs`.
   */
  run(args, { input, env = {}, timeoutMs = 30_000 } = {}) {
    return new Promise((resolve, reject) => {
      const child = spawn(this.bin, ['--data', this.dataDir, ...args], {
        env: kindlyEnv({ ...this.env, ...env }),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      children.add(child);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`kindly ${args.join(' ')}: no end after ${timeoutMs} ms\n${stderr}`));
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        children.delete(child);
        reject(e);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        children.delete(child);
        resolve({ code, stdout, stderr });
      });
      child.stdin.on('error', () => {}); // a command that reads no stdin
      child.stdin.end(input ?? '');
    });
  }

  /**
   * Takes mail in with `kindly ingest FILE...` (each mail written as a .eml
   * file first, in the order given) → the parsed JSON line of each mail.
   * Throws unless every mail was stored (exit 0).
   */
  async ingest(mails, { args = [] } = {}) {
    const files = [];
    for (const m of [mails].flat()) {
      this.mailCount += 1;
      const file = join(this.mailDir, `${String(this.mailCount).padStart(4, '0')}.eml`);
      writeFileSync(file, m);
      files.push(file);
    }
    const out = await this.run(['ingest', ...args, ...files]);
    if (out.code !== 0) {
      throw new Error(`kindly ingest exited ${out.code}\n${out.stderr}\n${out.stdout}`);
    }
    return out.stdout
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l));
  }

  /**
   * Starts `kindly serve` on 127.0.0.1 with a port the system picks (serve
   * prints the URL it listens on), waits for /healthz → this.url.
   * Its output goes to the artefacts directory (kindly-NAME.log).
   */
  async serve({ env = {}, timeoutMs = 20_000 } = {}) {
    if (this.server) throw new Error('kindly serve is already running');
    const logPath = join(artifactsDir(), `kindly-${this.name}.log`);
    const log = createWriteStream(logPath);
    const child = spawn(this.bin, ['--data', this.dataDir, 'serve'], {
      env: kindlyEnv({ ...this.env, KINDLY_LISTEN: '127.0.0.1:0', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    this.server = child;
    this.serverLog = logPath;
    child.once('close', () => log.end());
    let output = '';
    let exited = null;
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      children.delete(child);
    });
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`kindly serve printed no URL within ${timeoutMs} ms:\n${output}`)),
        timeoutMs,
      );
      const take = (d) => {
        output += d;
        log.write(d);
        const m = /listening on (http:\/\/\S+?)\/?\s/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`kindly serve ended (${code ?? signal}) before listening:\n${output}`));
      });
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exited) throw new Error(`kindly serve ended (${exited.code ?? exited.signal}):\n${output}`);
      try {
        const r = await fetch(`${url}/healthz`);
        if (r.ok && (await r.text()).trim().endsWith('ok')) break;
      } catch {
        // not yet
      }
      if (Date.now() > deadline) throw new Error(`${url}/healthz not ok within ${timeoutMs} ms`);
      await sleep(50);
    }
    this.url = url;
    return url;
  }

  /** Stops serve (SIGTERM, then SIGKILL after `graceMs`) and removes the data. */
  async stop({ graceMs = 5_000, keep = !!process.env.KINDLY_KEEP_DATA } = {}) {
    const child = this.server;
    if (child && child.exitCode === null && child.signalCode === null) {
      const ended = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await ended;
      clearTimeout(timer);
    }
    this.server = null;
    if (keep) {
      console.log(`# kept kindly data of ${this.name} in ${this.root}`);
    } else {
      rmSync(this.root, { recursive: true, force: true });
    }
  }
}
