// The inbox (/) lists the seeded tickets; an angry customer's ticket wears
// its badge there and on its own page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot } from '../lib/browser.mjs';
import { useKindly } from '../lib/fixture.mjs';
import { eml } from '../lib/mail.mjs';

const CALM = [
  eml({ from: 'Emily Clarke <emily@example.com>', subject: 'Cannot log in' }),
  eml({
    from: 'Mart Tamm <mart@example.ee>',
    subject: 'Arve on vale',
    text: 'Tere, minu viimane arve on vale, palun vaadake üle.\nMart\n',
  }),
  eml({
    from: 'Olga Ivanova <olga@example.ru>',
    subject: 'Не приходит письмо',
    text: 'Здравствуйте, письмо для сброса пароля не приходит. Помогите, пожалуйста.\nОльга\n',
  }),
];
const ANGRY = eml({
  from: 'Andy Angry <andy@example.com>',
  subject: 'Where is my refund',
  text:
    'THIRD TIME I WRITE and nobody answers!!! You took my money, this is a scam. ' +
    'I will dispute the charge with my bank.\n',
});

const fx = useKindly({
  name: 'inbox',
  seed: async (kindly) => {
    const lines = await kindly.ingest([...CALM, ANGRY]);
    assert.deepEqual(
      lines.map((l) => l.outcome),
      ['new_ticket', 'new_ticket', 'new_ticket', 'new_ticket'],
    );
    assert.deepEqual(
      lines.map((l) => l.angry),
      [false, false, false, true],
      'the seed reads as three calm mails and one angry one',
    );
    return lines;
  },
});

test('the inbox lists every seeded ticket with its customer', async (t) => {
  const page = await fx.page(t);
  const res = await page.goto('/');
  assert.equal(res.status(), 200);
  assert.match(await page.title(), /^Tickets · /);
  await screenshot(page, 'inbox');

  const rows = page.locator('main table tbody tr');
  assert.equal(await rows.count(), fx.seeded.length);
  // What needs a human first: the upset customer's ticket tops the list.
  assert.ok((await rows.first().innerText()).includes('Where is my refund'));

  const tickets = fx.seeded.map((l) => l.ticket);
  for (const [i, [subject, customer, address]] of [
    ['Cannot log in', 'Emily Clarke', 'emily@example.com'],
    ['Arve on vale', 'Mart Tamm', 'mart@example.ee'],
    ['Не приходит письмо', 'Olga Ivanova', 'olga@example.ru'],
    ['Where is my refund', 'Andy Angry', 'andy@example.com'],
  ].entries()) {
    const row = rows.filter({ has: page.locator(`a[href="/tickets/${tickets[i]}"]`) });
    assert.equal(await row.count(), 1, `one row for ticket #${tickets[i]}`);
    const text = await row.innerText();
    assert.ok(text.includes(subject), `row of #${tickets[i]} shows its subject: ${text}`);
    assert.ok(text.includes(`${customer} <${address}>`), `row of #${tickets[i]} shows its customer: ${text}`);
    assert.match(text, /\bopen\b/);
  }
});

test('search and filters narrow the inbox and keep what was chosen', async (t) => {
  const page = await fx.page(t);
  await page.goto('/');
  await page.getByLabel('Search').fill('refund');
  await Promise.all([page.waitForURL(/q=refund/), page.getByRole('button', { name: 'Show' }).click()]);
  const rows = page.locator('main table tbody tr');
  assert.equal(await rows.count(), 1);
  assert.ok((await rows.first().innerText()).includes('Where is my refund'));
  assert.equal(await page.getByLabel('Search').inputValue(), 'refund', 'the search stays in the box');
  await screenshot(page, 'inbox-search');

  await page.goto('/');
  await page.getByLabel('Language').selectOption('et');
  await Promise.all([page.waitForURL(/lang=et/), page.getByRole('button', { name: 'Show' }).click()]);
  assert.equal(await rows.count(), 1);
  assert.ok((await rows.first().innerText()).includes('Arve on vale'));

  // Bad input gets a clear message, not an error page.
  const res = await page.goto('/?status=bogus');
  assert.equal(res.status(), 200);
  assert.match(await page.getByRole('alert').innerText(), /not a status/);
});

test('a subject link opens that ticket', async (t) => {
  const page = await fx.page(t);
  await page.goto('/');
  await page.getByRole('link', { name: 'Arve on vale' }).click();
  await page.waitForURL(`**/tickets/${fx.seeded[1].ticket}`);
  assert.match(await page.locator('h1').innerText(), /Arve on vale/);
});

test('the angry ticket wears the upset badge, the calm ones do not', async (t) => {
  const page = await fx.page(t);
  await page.goto('/');
  const angryId = fx.seeded[3].ticket;
  const badges = page.locator('main tbody .tag.angry');
  const angryTag = page.locator('.tag.angry');
  assert.equal(await badges.count(), 1, 'exactly one upset badge in the inbox');
  const row = page.locator('main tbody tr').filter({ has: angryTag });
  assert.equal(await row.locator('a').first().getAttribute('href'), `/tickets/${angryId}`);
  assert.ok(await badges.isVisible());
  assert.equal((await badges.innerText()).trim(), 'upset');

  await page.goto(`/tickets/${angryId}`);
  const badge = page.locator('main .tag.angry');
  assert.ok(await badge.isVisible(), 'the ticket page shows the badge');
  assert.match(await badge.innerText(), /upset — take a breath before answering/);
  await screenshot(page, `ticket-${angryId}-angry`);

  await page.goto(`/tickets/${fx.seeded[0].ticket}`);
  assert.equal(await page.locator('main .tag.angry').count(), 0, 'a calm ticket has none');
});
