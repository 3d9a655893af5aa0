// The checks themselves: against a deliberately unsafe page (a tiny server
// here that pastes the payloads into its HTML unescaped) they must fail, so
// that a green hostile.test.mjs means something.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from '../lib/browser.mjs';
import { PAYLOADS, assertHarmless, clickEveryLink, domOffences } from '../lib/hostile.mjs';

let server;
let base;
let browser;
before(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const csp = url.searchParams.get('csp');
    if (csp) res.setHeader('Content-Security-Policy', csp);
    const i = url.searchParams.get('p');
    const body = i === 'alert' ? '<script>alert(1)</script>' : PAYLOADS[Number(i)];
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html><body><a href="/?p=19">home</a><pre>${body}</pre></body></html>`);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function visit(path, { settle = 'networkidle' } = {}) {
  const { context, page, guard } = await openPage(browser, { baseURL: base, name: 'harness-selftest' });
  page.guard = guard;
  await page.goto(path);
  await page.waitForLoadState(settle);
  return { context, page, guard };
}

test('every payload pasted unescaped is caught', async () => {
  const { context, page, guard } = await visit('/?p=19');
  // 18 (<scr<script>ipt>) and 19 (bare text) are harmless even unescaped.
  for (let i = 0; i < PAYLOADS.length - 2; i += 1) {
    const before = guard.problems().length + guard.dialogs.length;
    await page.goto(`/?p=${i}`);
    let caught = guard.problems().length + guard.dialogs.length > before;
    if (!caught) {
      try {
        await assertHarmless(page);
        await clickEveryLink(page, `/?p=${i}`);
      } catch {
        caught = true;
      }
    }
    assert.ok(caught, `payload ${i} went unnoticed: ${PAYLOADS[i]}`);
  }
  await context.close();
});

test('a script element is an offence even when it did not run', async () => {
  const { context, page } = await visit(`/?p=0&csp=${encodeURIComponent("script-src 'none'")}`);
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'CSP stopped it');
  assert.match((await domOffences(page)).join('\n'), /inline <script>/);
  await context.close();
});

test('CSP violations, dialogs and off-origin requests are problems', async () => {
  let v = await visit(`/?p=1&csp=${encodeURIComponent("script-src 'none'")}`);
  assert.match(v.guard.problems().join('\n'), /CSP violation/);
  await v.context.close();

  v = await visit('/?p=alert');
  assert.match(v.guard.problems().join('\n'), /dialog opened: alert/);
  assert.throws(() => v.guard.finish(), /problem/);
  await v.context.close();

  v = await visit('/?p=13');
  assert.match(v.guard.problems().join('\n'), /request off kindly's origin: image http:\/\/127\.0\.0\.2:9\//);
  await v.context.close();
});
