// Hostile content and the checks that it stays text: payloads for mail, an
// audit of the rendered DOM, and a walk that clicks every link on a page.
import assert from 'node:assert/strict';

/** Each payload sets window.__pwned (or the parent's) if it ever runs. */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"><circle r="5"/></svg>',
  '<a href="javascript:window.__pwned=1">click me</a>',
  '<math><maction actiontype="statusline" xlink:href="javascript:window.__pwned=1">click<mtext>x</mtext></maction></math>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<div style="background:url(javascript:window.__pwned=1)">styled</div>',
  '<details open ontoggle="window.__pwned=1"><summary>s</summary></details>',
  '<body onload="window.__pwned=1">',
  '<object data="javascript:window.__pwned=1"></object>',
  '<form action="javascript:window.__pwned=1"><button>go</button></form>',
  '<base href="javascript:window.__pwned=1//">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '<img src="http://127.0.0.2:9/pixel.png">', // loopback, yet off kindly's origin
  // breaking out of an attribute, a <pre>, a <textarea>, a <title>
  '"><script>window.__pwned=1</script>',
  "'><img src=x onerror=window.__pwned=1>",
  '</pre></div><script>window.__pwned=1</script>',
  '</textarea></title><script>window.__pwned=1</script>',
  '<scr<script>ipt>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
];

/** The payloads once more, as HTML entities (a text-from-HTML step decodes them). */
export function entityEncoded(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The rendered DOM's offences: any <script> that is inline or not from
 * kindly's origin, event-handler attributes, javascript: in any attribute,
 * srcdoc, frames/objects/<base>, meta refresh, MathML. [] when clean.
 */
export async function domOffences(page) {
  const inPage = await page.evaluate(() => {
    const bad = [];
    const origin = location.origin;
    for (const s of document.querySelectorAll('script')) {
      if (!s.hasAttribute('src')) bad.push(`inline <script>: ${s.textContent.slice(0, 80)}`);
      else if (new URL(s.getAttribute('src'), location.href).origin !== origin) {
        bad.push(`<script src> from elsewhere: ${s.getAttribute('src')}`);
      }
    }
    for (const el of document.querySelectorAll('*')) {
      const tag = el.localName;
      for (const a of el.attributes) {
        const n = a.name.toLowerCase();
        const v = a.value;
        if (n.startsWith('on')) bad.push(`<${tag} ${n}="${v.slice(0, 60)}">`);
        if (n === 'srcdoc') bad.push(`<${tag} srcdoc>`);
        if (/j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i.test(v) || /vbscript:/i.test(v)) {
          bad.push(`<${tag} ${n}="${v.slice(0, 60)}">`);
        }
        if (/^\s*data:\s*text\/html/i.test(v)) bad.push(`<${tag} ${n}="${v.slice(0, 60)}">`);
      }
      if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal'].includes(tag)) {
        bad.push(`<${tag}> element`);
      }
      if (el.namespaceURI === 'http://www.w3.org/1998/Math/MathML') bad.push(`MathML <${tag}>`);
      if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') || '')) bad.push('<meta http-equiv=refresh>');
    }
    return bad;
  });
  if (page.frames().length !== 1) inPage.push(`${page.frames().length - 1} frame(s) in the page`);
  return inPage;
}

/** Throws when the page ran a payload, has DOM offences, or opened a dialog. */
export async function assertHarmless(page, where = page.url()) {
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', `a payload ran on ${where}`);
  assert.deepEqual(await domOffences(page), [], `the DOM of ${where} carries active content`);
  assert.deepEqual(page.guard?.dialogs ?? [], [], `a dialog opened on ${where}`);
}

/** Opens every <details> (collapsed content is content too). */
export async function openAllDetails(page) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
}

/**
 * Loads `path`, then for each link on it (counted once): loads `path` again,
 * opens every <details>, clicks the link (a real click when it is visible,
 * else a dispatched one), waits for the page to settle and checks that no
 * payload ran, in the page it landed on and in any popup. → the hrefs clicked.
 */
export async function clickEveryLink(page, path) {
  await page.goto(path);
  await openAllDetails(page);
  const count = await page.locator('a').count();
  const clicked = [];
  for (let i = 0; i < count; i += 1) {
    await page.goto(path);
    await openAllDetails(page);
    const link = page.locator('a').nth(i);
    const href = await link.getAttribute('href');
    clicked.push(href);
    if (await link.isVisible()) await link.click({ timeout: 5_000 });
    else await link.dispatchEvent('click');
    await page.waitForLoadState('load');
    for (const p of page.context().pages()) {
      await p.waitForLoadState('load');
      assert.equal(
        await p.evaluate(() => typeof window.__pwned),
        'undefined',
        `a payload ran after clicking link ${i} (${href}) on ${path}; now at ${p.url()}`,
      );
      if (p !== page) await p.close();
    }
  }
  assert.deepEqual(page.guard?.dialogs ?? [], [], `a dialog opened while clicking the links of ${path}`);
  return clicked;
}
