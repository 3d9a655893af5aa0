// Hostile mail stays text. Payloads in the plain part, the HTML part, the
// subject and the sender's name must neither run (window.__pwned stays
// undefined, no dialog) nor reach the DOM as elements or attributes — after
// load and after clicking every link on the page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot } from '../lib/browser.mjs';
import { useKindly } from '../lib/fixture.mjs';
import { PAYLOADS, assertHarmless, clickEveryLink, entityEncoded, openAllDetails } from '../lib/hostile.mjs';
import { encodedWord, eml } from '../lib/mail.mjs';

const SCRIPT = '<script>window.__pwned=1</script>';
const ALERT = '<script>alert(1)</script><img src=x onerror=alert(2)>';

// 1. plain + HTML alternatives, payloads in both (and in a quote); a quoted
//    display name and a subject with <script>.
const BOTH = eml({
  from: `"${SCRIPT} Mallory" <mallory@example.com>`,
  subject: `${SCRIPT} <img src=x onerror="window.__pwned=1"> refund please`,
  messageId: '<hostile-both@example.com>',
  text:
    `Hello, my order does not arrive.\n\n${PAYLOADS.join('\n')}\n${ALERT}\n\n` +
    `On Monday you wrote:\n${PAYLOADS.map((p) => `> ${p}`).join('\n')}\n`,
  html: `<html><head>${SCRIPT}</head><body onload="window.__pwned=1"><p>Hello, my order does not arrive.</p>${PAYLOADS.join(
    '<br>',
  )}${ALERT}<p>${entityEncoded(SCRIPT)}</p></body></html>`,
});

// 2. HTML only (the text comes from the HTML), payloads raw and as entities;
//    the name and subject as RFC 2047 encoded words.
const HTML_ONLY = eml({
  from: `${encodedWord(`<img src=x onerror="window.__pwned=1"> ${SCRIPT} Trudy`)} <trudy@example.com>`,
  subject: encodedWord(`<svg onload="window.__pwned=1"> ${SCRIPT} invoice is wrong`),
  messageId: '<hostile-html@example.com>',
  html: `<html><body><p>My invoice is wrong.</p>${PAYLOADS.join('\n')}<pre>${PAYLOADS.map(entityEncoded).join(
    '\n',
  )}</pre><blockquote>${PAYLOADS.map(entityEncoded).join('<br>')}</blockquote></body></html>`,
});

// 3. A robot's mail (set aside, shown on /set-aside?kind=automatic).
const ROBOT = eml({
  from: `"${SCRIPT} Robot" <robot@example.com>`,
  subject: `Auto: ${SCRIPT} <img src=x onerror="window.__pwned=1"> out of office`,
  messageId: '<hostile-robot@example.com>',
  headers: { 'Auto-Submitted': 'auto-replied' },
  text: `I am out of the office.\n${PAYLOADS.join('\n')}\n`,
});

const fx = useKindly({
  name: 'hostile',
  seed: async (kindly) => {
    const [both, htmlOnly, robot] = await kindly.ingest([BOTH, HTML_ONLY, ROBOT]);
    assert.equal(both.outcome, 'new_ticket');
    assert.equal(htmlOnly.outcome, 'new_ticket');
    assert.equal(robot.outcome, 'automatic');
    return { both: both.ticket, htmlOnly: htmlOnly.ticket };
  },
});

/** Loads `path`, lets it settle (img errors, onload), checks, screenshots. */
async function loadAndCheck(page, path, label) {
  const res = await page.goto(path);
  assert.equal(res.status(), 200, `${path} answers 200`);
  await page.waitForLoadState('networkidle');
  await assertHarmless(page, path);
  await openAllDetails(page);
  await page.waitForTimeout(100); // an ontoggle would fire now
  await assertHarmless(page, `${path} with every <details> open`);
  await screenshot(page, label);
}

test('a hostile plain+HTML mail is shown as text on its ticket page', async (t) => {
  const page = await fx.page(t);
  const path = `/tickets/${fx.seeded.both}`;
  await loadAndCheck(page, path, 'hostile-ticket-plain-and-html');

  // The payloads are there, as the customer wrote them, but only as text.
  const h1 = await page.locator('h1').innerText();
  assert.ok(h1.includes(SCRIPT), `the subject shows its <script> as text: ${h1}`);
  const msg = await page.locator('main .msg').first().innerText();
  for (const p of PAYLOADS) assert.ok(msg.includes(p), `the message shows ${p} as text`);
  assert.ok(msg.includes(`${SCRIPT} Mallory`), 'the sender name shows its <script> as text');
  const quoted = await page.locator('main .msg pre.quoted').first().innerText();
  assert.ok(quoted.includes(`> ${SCRIPT}`), 'the quoted payloads are text too');
});

test('a hostile HTML-only mail is shown as text on its ticket page', async (t) => {
  const page = await fx.page(t);
  const path = `/tickets/${fx.seeded.htmlOnly}`;
  await loadAndCheck(page, path, 'hostile-ticket-html-only');
  const h1 = await page.locator('h1').innerText();
  assert.ok(h1.includes(SCRIPT), `the encoded subject shows its <script> as text: ${h1}`);
  const msg = await page.locator('main .msg').first().innerText();
  assert.ok(msg.includes('My invoice is wrong.'));
  // The entity-encoded payloads come out of the HTML as text, and stay text.
  assert.ok(msg.includes(SCRIPT), 'the decoded entities show as text');
  assert.ok(msg.includes('Trudy'), 'the encoded sender name shows');
});

test('hostile subjects and names stay text in the inbox', async (t) => {
  const page = await fx.page(t);
  await loadAndCheck(page, '/', 'hostile-inbox');
  const table = await page.locator('main table').innerText();
  assert.ok(table.includes(`${SCRIPT} <img src=x onerror="window.__pwned=1"> refund please`));
  assert.ok(table.includes(`${SCRIPT} Mallory`));
});

test('a hostile robot mail stays text on the set-aside page', async (t) => {
  const page = await fx.page(t);
  await loadAndCheck(page, '/set-aside?kind=automatic', 'hostile-set-aside-automatic');
  const table = await page.locator('main table').innerText();
  assert.ok(table.includes(`Auto: ${SCRIPT}`), `the subject shows as text: ${table}`);
});

for (const [label, path] of [
  ['the plain+HTML ticket', () => `/tickets/${fx.seeded.both}`],
  ['the HTML-only ticket', () => `/tickets/${fx.seeded.htmlOnly}`],
  ['the inbox', () => '/'],
  ['the set-aside page', () => '/set-aside?kind=automatic'],
]) {
  test(`clicking every link on ${label} runs nothing`, async (t) => {
    const page = await fx.page(t);
    const clicked = await clickEveryLink(page, path());
    assert.ok(clicked.length >= 5, `the header's links at least: ${clicked}`);
    t.diagnostic(`${clicked.length} links clicked on ${path()}`);
    for (const href of clicked) assert.doesNotMatch(href ?? '', /javascript:/i);
  });
}
