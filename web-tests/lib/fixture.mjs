// The node:test fixture: one kindly (data dir + serve) and one Chromium per
// test file, a fresh watched page per test.
//
//   const fx = useKindly({ name: 'inbox', seed: async (k) => k.ingest([eml(...)]) });
//   test('...', async (t) => {
//     const page = await fx.page(t);       // closed and checked when t ends
//     await page.goto('/');
//   });
//
// `seed(kindly)` runs before serve starts; whatever it returns is fx.seeded.
// Every fixture has an administrator (AGENT below, added with `kindly user
// add`); fx.page(t) logs its page in through the login form unless
// `{ login: false }`.
import { after, before } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { Kindly } from './kindly.mjs';

/** The account every fixture's pages log in with. */
export const AGENT = {
  email: 'agent@test.example',
  name: 'Test Agent',
  password: 'a long test password',
};

/** Adds an account with `kindly user add` (password on stdin). */
export async function addUser(kindly, { email, name, password, role = 'agent', teams = [] }) {
  const args = ['user', 'add', email, '--role', role, '--name', name];
  for (const t of teams) args.push('--team', t);
  const out = await kindly.run(args, { input: `${password}\n` });
  if (out.code !== 0) throw new Error(`kindly user add ${email}: exit ${out.code}\n${out.stderr}`);
}

/** Logs `page` in through the login form; resolves once the inbox shows. */
export async function logIn(page, who = AGENT) {
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.getByRole('button', { name: 'Log in' }).click()]);
}

export function useKindly({ name, seed, config, env } = {}) {
  const fx = { kindly: null, browser: null, seeded: undefined, url: null };
  before(async () => {
    fx.kindly = new Kindly({ name, config, env });
    await addUser(fx.kindly, { ...AGENT, role: 'admin' });
    if (seed) fx.seeded = await seed(fx.kindly);
    fx.url = await fx.kindly.serve();
    fx.browser = await launchBrowser();
  });
  after(async () => {
    await fx.browser?.close().catch(() => {});
    await fx.kindly?.stop();
  });

  /**
   * A new watched page (own browser context) for test `t`. When `t` ends the
   * context closes, the console log is written, and the test fails on any
   * uncaught page error, CSP violation, dialog or off-origin request.
   */
  fx.page = async (t, label = t.name, { login = true } = {}) => {
    const { context, page, guard } = await openPage(fx.browser, { baseURL: fx.url, name: label });
    t.after(async () => {
      await context.close().catch(() => {});
      guard.finish();
    });
    page.guard = guard;
    if (login) await logIn(page);
    return page;
  };
  return fx;
}
