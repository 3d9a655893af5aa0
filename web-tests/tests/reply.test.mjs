// Working a ticket: from the inbox to a sent reply. The tone guard warns
// before a lecturing reply goes out (the draft is kept); the first answer to
// an upset customer waits out its cool-down unless the agent sends it now.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot } from '../lib/browser.mjs';
import { useKindly } from '../lib/fixture.mjs';
import { eml } from '../lib/mail.mjs';

const CALM = eml({
  from: 'Emily Clarke <emily@example.com>',
  subject: 'Router blinks red',
  text: 'Hello, my router blinks red since this morning. What can I do?\nEmily\n',
});
const ANGRY = eml({
  from: 'Andy Angry <andy@example.com>',
  subject: 'Where is my refund',
  text:
    'THIRD TIME I WRITE and nobody answers!!! You took my money, this is a scam. ' +
    'I will dispute the charge with my bank.\n',
});

const fx = useKindly({
  name: 'reply',
  seed: async (kindly) => {
    const lines = await kindly.ingest([CALM, ANGRY]);
    assert.deepEqual(lines.map((l) => l.angry), [false, true]);
    return lines;
  },
});

async function outbox() {
  const out = await fx.kindly.run(['outbox', '--json']);
  assert.equal(out.code, 0, out.stderr);
  return JSON.parse(out.stdout);
}

test('from the inbox to a sent reply, past the tone guard', async (t) => {
  const page = await fx.page(t);
  await page.goto('/');
  await Promise.all([page.waitForURL(/\/tickets\/\d+$/), page.getByRole('link', { name: 'Router blinks red' }).click()]);
  const ticketUrl = page.url();
  const body = page.getByLabel(/Your reply to/);
  await body.fill('As stated in our instructions, you should have restarted the router first.');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Send' }).click()]);
  // Refused with the findings; what the agent wrote is still there.
  assert.match(await page.getByRole('alert').innerText(), /tone guard/i);
  const findings = page.getByRole('list', { name: 'Tone guard' });
  assert.ok((await findings.locator('li').count()) >= 1);
  assert.match(await findings.innerText(), /Kinder/);
  assert.match(await body.inputValue(), /As stated in our instructions/);
  await screenshot(page, 'reply-tone-guard');
  assert.equal((await outbox()).filter((o) => o.kind === 'reply').length, 0, 'nothing went out');

  await body.fill('I am sorry about the trouble. Please restart the router once; if it still blinks red, I will send a technician tomorrow.');
  await Promise.all([page.waitForURL(/sent=\d+/), page.getByRole('button', { name: 'Send' }).click()]);
  assert.match(await page.getByRole('status').first().innerText(), /queued/);
  assert.ok(page.url().startsWith(ticketUrl));
  const replies = (await outbox()).filter((o) => o.kind === 'reply');
  assert.equal(replies.length, 1);
  assert.equal(replies[0].to, 'emily@example.com');
  assert.ok(replies[0].in_reply_to, 'threaded to the customer’s mail');
  assert.match(await page.locator('main').innerText(), /waiting for the customer|pending/);
  await screenshot(page, 'reply-sent');
});

test('the first answer to an upset customer waits, unless sent now', async (t) => {
  const page = await fx.page(t);
  await page.goto(`/tickets/${fx.seeded[1].ticket}`);
  assert.match(await page.locator('p.cooldown').innerText(), /upset/);
  await page.getByLabel(/Your reply to/).fill('I am very sorry for the wait. Your refund was sent today; you will see it within two days.');
  await Promise.all([page.waitForURL(/sent=\d+/), page.getByRole('button', { name: 'Send' }).click()]);
  const held = page.locator('div.cooldown');
  assert.match(await held.innerText(), /waits until/);
  await screenshot(page, 'reply-cooldown');
  let reply = (await outbox()).find((o) => o.kind === 'reply' && o.to === 'andy@example.com');
  assert.ok(reply && Date.parse(reply.next_try_at) > Date.now() + 10 * 60_000, 'held for the pause');

  await Promise.all([page.waitForURL(/sent=\d+/), page.getByRole('button', { name: 'Send it now' }).click()]);
  assert.equal(await page.locator('div.cooldown').count(), 0);
  reply = (await outbox()).find((o) => o.id === reply.id);
  assert.ok(Date.parse(reply.next_try_at) <= Date.now() + 1000, 'released');
});

test('an empty reply gets a clear message', async (t) => {
  const page = await fx.page(t);
  await page.goto(`/tickets/${fx.seeded[0].ticket}`);
  await page.getByLabel(/Your reply to/).fill('   ');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Send' }).click()]);
  assert.match(await page.getByRole('alert').innerText(), /empty/);
});
