// The agent's desk around a ticket: merge and undo, split and undo, internal
// notes, status/priority/assignee, saved replies in the ticket's language,
// attachments as safe downloads, the promise countdown, keyboard shortcuts
// and the live inbox.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { screenshot } from '../lib/browser.mjs';
import { AGENT, useKindly } from '../lib/fixture.mjs';
import { eml } from '../lib/mail.mjs';

const ROUTER_ID = `<${randomUUID()}@example.com>`;
const ROUTER = eml({
  from: 'Ann Example <ann@example.com>',
  subject: 'Router blinks red',
  messageId: ROUTER_ID,
  text: 'Hello, my router blinks red since the storm on Monday. What can I do?\nAnn\n',
});
const INVOICE = eml({
  from: 'Ann Example <ann@example.com>',
  subject: 'Invoice 2026-7 has the wrong VAT number',
  text: 'Hello, the invoice 2026-7 shows the VAT number of another company. Please send a corrected one.\nAnn\n',
});
// A reply in the router thread about something else: to be split off.
const MOVING = eml({
  from: 'Ann Example <ann@example.com>',
  subject: 'Re: Router blinks red',
  headers: { 'In-Reply-To': ROUTER_ID, References: ROUTER_ID },
  text: 'Also: I am moving to Tartu on 1 April; can the contract move with me to Riia 12?\nAnn\n',
});

function withAttachments() {
  const boundary = `=_kindly_${randomUUID()}`;
  const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
  return [
    'From: Carl Files <carl@example.com>',
    'To: support@localhost',
    'Subject: Error log attached',
    `Message-ID: <${randomUUID()}@example.com>`,
    `Date: ${new Date().toUTCString().replace(/GMT$/, '+0000')}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello, the app crashes when I open settings. The log is attached.',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8; name="crash.log"',
    'Content-Disposition: attachment; filename="crash.log"',
    'Content-Transfer-Encoding: base64',
    '',
    b64('panic at settings.rs:42\n'),
    `--${boundary}`,
    'Content-Type: text/html; name="../../evil.html"',
    'Content-Disposition: attachment; filename="../../evil.html"',
    'Content-Transfer-Encoding: base64',
    '',
    b64('<script>alert(1)</script>'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

const fx = useKindly({
  name: 'desk',
  seed: async (kindly) => {
    const [router, invoice, moving, files] = await kindly.ingest([ROUTER, INVOICE, MOVING, withAttachments()]);
    assert.notEqual(router.ticket, invoice.ticket, 'two problems, two tickets');
    assert.equal(moving.ticket, router.ticket, 'the thread reply joins the router ticket');
    return { router: router.ticket, invoice: invoice.ticket, files: files.ticket };
  },
});

async function ticketJson(id) {
  const out = await fx.kindly.run(['tickets', '--json']);
  assert.equal(out.code, 0, out.stderr);
  return JSON.parse(out.stdout).find((t) => t.id === id);
}

test('merge a ticket into the customer’s other one, then undo it', async (t) => {
  const { router, invoice } = fx.seeded;
  const page = await fx.page(t);
  await page.goto(`/tickets/${invoice}`);
  // The customer panel lists Ann's other ticket with a merge button.
  const panel = page.locator('aside');
  assert.match(await panel.innerText(), /Router blinks red/);
  await Promise.all([
    page.waitForURL(new RegExp(`/tickets/${router}\\?done=merged`)),
    page.getByRole('button', { name: `Merge this ticket into #${router}` }).click(),
  ]);
  assert.match(await page.getByRole('status').first().innerText(), /merged/);
  assert.match(await page.locator('.ticket-main').innerText(), /wrong VAT number/);
  assert.equal((await ticketJson(invoice)).merged_into, router);
  await screenshot(page, 'desk-merged');

  await Promise.all([page.waitForURL(new RegExp(`/tickets/${invoice}\\?done=undone`)), page.getByRole('button', { name: 'Undo' }).first().click()]);
  assert.match(await page.getByRole('status').first().innerText(), /Undone/);
  assert.match(await page.locator('.ticket-main').innerText(), /wrong VAT number/);
  assert.equal((await ticketJson(invoice)).merged_into, null);

  // A wrong number gets a clear message, and nothing moves.
  await page.getByLabel(/Move this ticket's messages into ticket/).fill('abc');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Merge', exact: true }).click()]);
  assert.match(await page.getByRole('alert').innerText(), /not a ticket number/);
  await page.getByLabel(/Move this ticket's messages into ticket/).fill(String(invoice));
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Merge', exact: true }).click()]);
  assert.match(await page.getByRole('alert').innerText(), /into itself/);
});

test('split a message off into a new ticket, then undo it', async (t) => {
  const { router } = fx.seeded;
  const page = await fx.page(t);
  await page.goto(`/tickets/${router}`);
  const moving = page.locator('article.msg', { hasText: 'moving to Tartu' });
  await Promise.all([page.waitForURL(/done=split/), moving.getByRole('button', { name: 'Split into a new ticket' }).click()]);
  const newTicket = Number(new URL(page.url()).pathname.split('/').pop());
  assert.notEqual(newTicket, router);
  assert.match(await page.locator('.ticket-main').innerText(), /moving to Tartu/);
  assert.doesNotMatch(await page.locator('.ticket-main').innerText(), /blinks red since the storm/);
  await screenshot(page, 'desk-split');
  await Promise.all([page.waitForURL(/done=undone/), page.getByRole('button', { name: 'Undo' }).first().click()]);
  assert.equal(new URL(page.url()).pathname, `/tickets/${router}`);
  assert.match(await page.locator('.ticket-main').innerText(), /moving to Tartu/);
});

test('notes, status, priority and assignee; the inbox filters by assignee', async (t) => {
  const { router } = fx.seeded;
  const page = await fx.page(t);
  await page.goto(`/tickets/${router}`);
  await page.getByLabel(/Internal note/).fill('Called Ann: the storm fried the power supply.');
  await Promise.all([page.waitForURL(/done=note/), page.getByRole('button', { name: 'Add note' }).click()]);
  assert.match(await page.locator('.note').innerText(), /fried the power supply/);
  // An empty note is refused with a clear message.
  await page.getByLabel(/Internal note/).fill('  ');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Add note' }).click()]);
  assert.match(await page.getByRole('alert').innerText(), /empty/);

  await page.getByLabel('Priority').selectOption('urgent');
  await page.getByLabel('Worked by').selectOption(AGENT.email);
  await Promise.all([page.waitForURL(/done=settings/), page.getByRole('button', { name: 'Save' }).click()]);
  const saved = await ticketJson(router);
  assert.equal(saved.priority, 'urgent');
  assert.equal(saved.assignee, AGENT.email);
  assert.match(await page.locator('main').innerText(), new RegExp(`worked by ${AGENT.email}`));

  await page.goto('/?assignee=me');
  const mine = await page.locator('#inbox-rows tr').evaluateAll((rows) => rows.map((r) => Number(r.dataset.ticket)));
  assert.deepEqual(mine, [router]);
  await page.goto('/?assignee=nobody');
  const nobodys = await page.locator('#inbox-rows tr').evaluateAll((rows) => rows.map((r) => Number(r.dataset.ticket)));
  assert.ok(!nobodys.includes(router) && nobodys.length >= 1);
  await page.goto('/?assignee=somebody');
  assert.match(await page.getByRole('alert').innerText(), /not a choice/);
});

test('saved replies: one text per language, offered in the ticket’s language', async (t) => {
  const { router } = fx.seeded;
  const page = await fx.page(t);
  await page.goto('/saved');
  const add = async (title, lang, body) => {
    await page.getByLabel(/^Title/).fill(title);
    await page.getByLabel('Language', { exact: true }).selectOption(lang);
    await page.getByLabel('Text').fill(body);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save' }).click()]);
  };
  await add('Router restart', 'et', 'Palun võtke ruuter 30 sekundiks vooluvõrgust välja.');
  await add('Router restart', 'en', 'Please unplug the router for 30 seconds, then plug it back in.');
  assert.match(await page.getByRole('status').innerText(), /stored/);
  await add('   ', 'en', 'No title here'); // blanks pass the browser's `required`, not ours
  assert.match(await page.getByRole('alert').innerText(), /title/);
  assert.equal(await page.getByLabel('Text').inputValue(), 'No title here', 'what the agent typed is kept');
  await screenshot(page, 'desk-saved-replies');

  await page.goto(`/tickets/${router}`);
  const reply = page.getByLabel(/Your reply to/);
  await reply.fill('Hello Ann,\n\n');
  await reply.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
  await page.getByLabel('Saved reply').selectOption({ label: 'Router restart (en)' });
  await page.getByRole('button', { name: 'Use it' }).click();
  assert.equal(await reply.inputValue(), 'Hello Ann,\n\nPlease unplug the router for 30 seconds, then plug it back in.');
});

test('attachments download with safe names and headers', async (t) => {
  const page = await fx.page(t);
  await page.goto(`/tickets/${fx.seeded.files}`);
  const files = page.getByRole('list', { name: 'Attachments' });
  assert.match(await files.innerText(), /crash\.log/);
  const [download] = await Promise.all([page.waitForEvent('download'), files.getByRole('link', { name: 'crash.log' }).click()]);
  assert.equal(download.suggestedFilename(), 'crash.log');
  const [evil] = await Promise.all([page.waitForEvent('download'), files.getByRole('link', { name: /evil\.html/ }).click()]);
  assert.equal(evil.suggestedFilename(), 'evil.html', 'no path in the name');
  const href = await files.getByRole('link', { name: /evil\.html/ }).getAttribute('href');
  const res = await page.request.get(href);
  assert.equal(res.status(), 200);
  assert.equal(res.headers()['content-type'], 'application/octet-stream');
  assert.match(res.headers()['content-disposition'], /^attachment;/);
  assert.match(res.headers()['content-security-policy'], /sandbox/);
  assert.equal(await res.text(), '<script>alert(1)</script>');
  const missing = await page.request.get(href.replace(/\/\d+$/, '/9'));
  assert.equal(missing.status(), 404);
});

test('keyboard: j/k and o in the inbox, r and e on a ticket; countdowns tick', async (t) => {
  const page = await fx.page(t);
  await page.goto('/?status=all');
  await page.keyboard.press('j');
  const first = page.locator('#inbox-rows tr.selected');
  assert.equal(await first.count(), 1);
  const firstId = await first.getAttribute('data-ticket');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  assert.equal(await page.locator('#inbox-rows tr.selected').getAttribute('data-ticket'), firstId);
  await Promise.all([page.waitForURL(new RegExp(`/tickets/${firstId}$`)), page.keyboard.press('o')]);
  const countdown = page.locator('[data-countdown]');
  if (await countdown.count()) assert.match(await countdown.first().innerText(), /(left|overdue)$/);
  await page.keyboard.press('r');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'body');
  await page.locator('h1').click();
  await Promise.all([page.waitForURL(/done=settings/), page.keyboard.press('e')]);
  assert.equal((await ticketJson(Number(firstId))).status, 'solved');
});

test('the inbox shows new mail without a reload', async (t) => {
  const page = await fx.page(t);
  await page.clock.install();
  await page.goto('/');
  const before = await page.locator('#inbox-rows tr').count();
  const [fresh] = await fx.kindly.ingest([
    eml({ from: 'Dora New <dora@example.com>', subject: 'Fresh problem with the app', text: 'Hello, the app logs me out every five minutes since the update.\n' }),
  ]);
  await page.clock.fastForward(21_000);
  await page.locator(`#inbox-rows tr[data-ticket="${fresh.ticket}"]`).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('#inbox-rows tr').count(), before + 1);
  assert.match(await page.locator('#inbox-fresh').innerText(), /Updated/);
});
