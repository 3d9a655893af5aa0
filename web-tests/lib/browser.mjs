// Headless Debian Chromium driven by playwright-core, and pages that watch
// for what must never happen: uncaught errors, CSP violations, dialogs,
// requests leaving kindly's origin.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { artifactsDir, chromiumPath, safeName } from './paths.mjs';

/**
 * What Chromium needs here to start at once on a machine without network.
 * Playwright adds --headless and gives every launch a fresh, temporary
 * --user-data-dir of its own (removed on close); `chromiumSandbox: false`
 * adds --no-sandbox (we run as root in CI).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
}

/** Same-origin check of a URL against kindly's base URL. */
export function sameOrigin(url, baseURL) {
  try {
    return new URL(url).origin === new URL(baseURL).origin;
  } catch {
    return false;
  }
}

/**
 * Watches every page of one browser context. `problems()` lists what fails
 * a test; console messages are kept (and written to console-NAME.log) but a
 * console error alone does not fail (a missing favicon is one).
 */
export class Guard {
  constructor(name, baseURL) {
    this.name = safeName(name);
    this.baseURL = baseURL;
    this.pageErrors = [];
    this.cspViolations = [];
    this.dialogs = [];
    this.offOrigin = [];
    this.console = [];
    this.pages = 0;
  }

  async attach(context) {
    // CSP violations as the page sees them (also the report-only kind).
    await context.exposeBinding('__kindlyCspViolation', (_source, v) => this.cspViolations.push(v));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__kindlyCspViolation({
          directive: e.violatedDirective,
          blocked: e.blockedURI,
          sample: e.sample,
          source: `${e.sourceFile}:${e.lineNumber}`,
          disposition: e.disposition,
        });
      });
    });
    // Nothing leaves kindly's origin: such requests are refused and counted.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (sameOrigin(url, this.baseURL)) return route.continue();
      this.offOrigin.push(`${route.request().resourceType()} ${url}`);
      return route.abort('blockedbyclient');
    });
    context.on('page', (page) => this.watch(page));
  }

  watch(page) {
    this.pages += 1;
    page.on('pageerror', (e) => this.pageErrors.push(`${page.url()}: ${e.stack || e.message}`));
    page.on('console', (m) => {
      const line = `[${m.type()}] ${page.url()}: ${m.text()}`;
      this.console.push(line);
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) this.cspViolations.push(line);
    });
    page.on('dialog', (d) => {
      this.dialogs.push(`${d.type()} on ${page.url()}: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
    page.on('request', (r) => {
      if (r.resourceType() === 'cspreport') this.cspViolations.push(`report sent: ${r.url()}`);
    });
  }

  consoleErrors() {
    return this.console.filter((l) => l.startsWith('[error]'));
  }

  problems() {
    const out = [];
    for (const e of this.pageErrors) out.push(`uncaught page error: ${e}`);
    for (const v of this.cspViolations) out.push(`CSP violation: ${JSON.stringify(v)}`);
    for (const d of this.dialogs) out.push(`dialog opened: ${d}`);
    for (const r of this.offOrigin) out.push(`request off kindly's origin: ${r}`);
    return out;
  }

  /** Writes the console log; throws when there was any problem. */
  finish() {
    if (this.console.length) {
      appendFileSync(join(artifactsDir(), `console-${this.name}.log`), `${this.console.join('\n')}\n`);
    }
    const p = this.problems();
    if (p.length) throw new Error(`${this.name}: ${p.length} problem(s) in the browser:\n  ${p.join('\n  ')}`);
  }
}

/** A new context (fresh cookies) and page on kindly's base URL, watched. */
export async function openPage(browser, { baseURL, name }) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const guard = new Guard(name, baseURL);
  await guard.attach(context);
  const page = await context.newPage();
  return { context, page, guard };
}

/** A full-page screenshot into the artefacts directory → its path. */
export async function screenshot(page, label) {
  const path = join(artifactsDir(), `${safeName(label)}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
