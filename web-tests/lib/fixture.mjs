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
// Later fixtures (users, login) hook in the same way: e.g. a seed step that
// runs `kindly user add` through kindly.run(), and a helper that logs a page in.
import { after, before } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { Kindly } from './kindly.mjs';

export function useKindly({ name, seed, config, env } = {}) {
  const fx = { kindly: null, browser: null, seeded: undefined, url: null };
  before(async () => {
    fx.kindly = new Kindly({ name, config, env });
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
  fx.page = async (t, label = t.name) => {
    const { context, page, guard } = await openPage(fx.browser, { baseURL: fx.url, name: label });
    t.after(async () => {
      await context.close().catch(() => {});
      guard.finish();
    });
    page.guard = guard;
    return page;
  };
  return fx;
}
