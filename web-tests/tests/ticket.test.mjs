// A ticket page (/tickets/N) shows the conversation: the customer's mails in
// order, quoted text folded away, our acknowledgement, the history.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot } from '../lib/browser.mjs';
import { useKindly } from '../lib/fixture.mjs';
import { eml } from '../lib/mail.mjs';

const FIRST = eml({
  from: 'Emily Clarke <emily@example.com>',
  subject: 'Cannot log in',
  messageId: '<first@example.com>',
  text: 'Hello, I cannot log in to my account since yesterday. Could you please help me?\nEmily\n',
});
const FOLLOW_UP = eml({
  from: 'Emily Clarke <emily@example.com>',
  subject: 'Re: Cannot log in',
  messageId: '<second@example.com>',
  headers: { 'In-Reply-To': '<first@example.com>', References: '<first@example.com>' },
  text:
    'I also tried resetting my password, and the reset mail never arrives.\n\n' +
    'On Monday Emily wrote:\n> Hello, I cannot log in to my account since yesterday.\n',
});

const fx = useKindly({
  name: 'ticket',
  seed: async (kindly) => {
    const lines = await kindly.ingest([FIRST, FOLLOW_UP]);
    assert.deepEqual(
      lines.map((l) => [l.outcome, l.ticket]),
      [
        ['new_ticket', 1],
        ['follow_up', 1],
      ],
    );
    return lines;
  },
});

test('the ticket page shows the conversation in order', async (t) => {
  const page = await fx.page(t);
  const res = await page.goto('/tickets/1');
  assert.equal(res.status(), 200);
  assert.equal((await page.locator('h1').innerText()).trim(), '#1 Cannot log in');
  assert.match(await page.locator('main p.muted').first().innerText(), /Emily Clarke <emily@example\.com>/);

  const msgs = page.locator('main .msg');
  assert.equal(await msgs.count(), 2);
  const first = await msgs.nth(0).innerText();
  const second = await msgs.nth(1).innerText();
  assert.match(first, /new_ticket/);
  assert.match(first, /I cannot log in to my account since yesterday/);
  assert.match(second, /follow_up/);
  assert.match(second, /the reset mail never arrives/);

  // The quote is folded away until asked for.
  const quoted = msgs.nth(1).locator('details pre.quoted');
  assert.equal(await quoted.isVisible(), false, 'quoted mail starts folded');
  await msgs.nth(1).locator('details summary').click();
  assert.ok(await quoted.isVisible());
  assert.match(await quoted.innerText(), /> Hello, I cannot log in/);

  // Our acknowledgement, threaded under the ticket number.
  const out = page.locator('main .out');
  assert.equal(await out.count(), 1);
  const ack = await out.innerText();
  assert.match(ack, /^ack · /);
  assert.match(ack, /Re: Cannot log in \[#1\]/);
  assert.match(ack, /to emily@example\.com/);

  assert.match(await page.locator('ol.history').innerText(), /ticket_created/);
  await screenshot(page, 'ticket-1');
});

test('the header leads back to the inbox', async (t) => {
  const page = await fx.page(t);
  await page.goto('/tickets/1');
  await page.locator('header').getByRole('link', { name: 'Tickets' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  assert.equal(await page.locator('main tbody tr').count(), 1);
});

test('a ticket that does not exist is a 404 page', async (t) => {
  const page = await fx.page(t);
  const res = await page.goto('/tickets/999');
  assert.equal(res.status(), 404);
  assert.match(await page.locator('body').innerText(), /There is no ticket #999/);
  await screenshot(page, 'ticket-404');
});
