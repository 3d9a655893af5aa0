// Accessibility and small screens: axe-core (from npm, run inside the page)
// finds no WCAG 2 A/AA violation on the main pages, and on a phone-sized
// viewport nothing is wider than the screen. Screenshots of both sizes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { screenshot } from '../lib/browser.mjs';
import { useKindly } from '../lib/fixture.mjs';
import { eml } from '../lib/mail.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const fx = useKindly({
  name: 'a11y',
  seed: async (kindly) => {
    const lines = await kindly.ingest([
      eml({ from: 'Emily Clarke <emily@example.com>', subject: 'Router blinks red', text: 'Hello, my router blinks red since this morning. What can I do?\nEmily\n' }),
      eml({
        from: 'Andy Angry <andy@example.com>',
        subject: 'Where is my refund',
        text: 'THIRD TIME I WRITE and nobody answers!!! You took my money, this is a scam. I will dispute the charge.\n',
      }),
    ]);
    return lines;
  },
});

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now. */
async function violations(page) {
  // Evaluated through the DevTools protocol, not as a page script, so the
  // CSP (no inline script) stays as strict as for agents.
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const PAGES = (seeded) => [
  ['inbox', '/'],
  ['ticket', `/tickets/${seeded[0].ticket}`],
  ['upset-ticket', `/tickets/${seeded[1].ticket}`],
  ['saved-replies', '/saved'],
  ['automatic', '/set-aside?kind=automatic'],
];

test('no WCAG 2 A/AA violations on the main pages', async (t) => {
  const page = await fx.page(t);
  const found = [];
  for (const [name, path] of PAGES(fx.seeded)) {
    await page.goto(path);
    for (const v of await violations(page)) found.push(`${name}: ${v}`);
  }
  const anon = await fx.page(t, 'a11y-login', { login: false });
  await anon.goto('/login');
  for (const v of await violations(anon)) found.push(`login: ${v}`);
  assert.deepEqual(found, []);
});

test('readable on a phone: nothing wider than the screen', async (t) => {
  const page = await fx.page(t);
  await page.setViewportSize({ width: 375, height: 812 });
  for (const [name, path] of PAGES(fx.seeded)) {
    await page.goto(path);
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= width, `${name}: the page is ${scroll}px wide on a ${width}px screen`);
    await screenshot(page, `phone-${name}`);
  }
});

test('every form control has a label and focus is visible', async (t) => {
  const page = await fx.page(t);
  await page.goto(`/tickets/${fx.seeded[0].ticket}`);
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unlabelled, []);
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused element shows a ring');
});
