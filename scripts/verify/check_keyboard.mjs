// Keyboard check, in Debian's chromium driven by playwright-core, on the same
// pages as the accessibility check (home, band, town, open and closed
// vacancy, free page, 404) at 320 and 1280 px:
//  - the first Tab from a freshly loaded page focuses the skip link (a link to
//    #id of an element on the page, whose text says "skip"), and the focused
//    skip link is visible on screen (not clipped, not covered);
//  - every link reached by Tab (up to a cap per page) shows a visible focus
//    style: its computed outline, box-shadow, background, colour, text
//    decoration or border (or those of its ::before/::after) differ from the
//    same link unfocused. A transparent or zero-width outline does not count.
//
// usage: node check_keyboard.mjs SITE_DIR
import { args, choosePages, finish, launch, newPage, ready, serve } from './lib.mjs';

const WIDTHS = [320, 1280];
const MAX_TABS = 60; // links sampled per page and width

const opts = args();
const site = opts._[0];
const { pages, missing } = choosePages(site);
const problems = missing.map((kind) => `no ${kind} page found in the site to test`);
const server = await serve(site);
const browser = await launch();
let linksChecked = 0;
let views = 0;

// Runs in the page: a summary of what makes an element look focused.
function lookOf(el) {
  const visibleOutline = (cs) => {
    const width = parseFloat(cs.outlineWidth) || 0;
    const transparent = /rgba\([^)]*,\s*0\)$/.test(cs.outlineColor) || cs.outlineColor === 'transparent';
    return cs.outlineStyle !== 'none' && width > 0 && !transparent ? `${cs.outlineStyle} ${width} ${cs.outlineColor} ${cs.outlineOffset}` : 'none';
  };
  const one = (cs) => [
    visibleOutline(cs), cs.boxShadow, cs.backgroundColor, cs.backgroundImage, cs.color,
    cs.textDecorationLine, cs.textDecorationColor, cs.textDecorationThickness,
    cs.borderTopColor, cs.borderBottomColor, cs.borderBottomWidth, cs.borderBottomStyle,
  ].join(' ; ');
  const parts = [one(getComputedStyle(el))];
  for (const pseudo of ['::before', '::after']) {
    const cs = getComputedStyle(el, pseudo);
    parts.push(cs.content === 'none' || cs.content === 'normal' ? '-' : one(cs));
  }
  // a focus style drawn on the parent (e.g. :focus-within on a card) counts too
  if (el.parentElement) parts.push(one(getComputedStyle(el.parentElement)));
  return parts.join(' || ');
}

try {
  for (const width of WIDTHS) {
    const page = await newPage(browser, width);
    for (const [kind, rel] of Object.entries(pages)) {
      const where = `${kind} /${rel} @${width}px`;
      await page.goto(server.base + rel, { waitUntil: 'load' });
      await ready(page, kind);
      views++;
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return { problem: 'nothing is focused' };
        const text = (el.textContent || '').trim() || el.querySelector('img[alt]')?.getAttribute('alt') || el.getAttribute('aria-label') || '';
        const desc = `<${el.tagName.toLowerCase()}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''}> "${text.replace(/\s+/g, ' ').slice(0, 40)}"`;
        const href = el.getAttribute('href') || '';
        if (el.tagName !== 'A' || !href.startsWith('#') || !/skip/i.test(el.textContent || '')) return { problem: `focuses ${desc}, not a skip link` };
        if (!document.getElementById(decodeURIComponent(href.slice(1)))) return { problem: `skip link ${desc} points at no element` };
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2) return { problem: `skip link ${desc} is not visible when focused (${r.width}x${r.height})` };
        if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) return { problem: `skip link ${desc} is off screen when focused` };
        const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
        const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
        const hit = document.elementFromPoint(x, y);
        if (!hit || !(hit === el || el.contains(hit))) return { problem: `skip link ${desc} is covered or clipped when focused` };
        return {};
      });
      if (skip.problem) problems.push(`skip-link ${where}: first Tab ${skip.problem}`);

      // Tab through the page, recording how each link looks while focused.
      const seen = [];
      await page.evaluate(() => document.activeElement?.blur());
      for (let i = 0; i < MAX_TABS; i++) {
        await page.keyboard.press('Tab');
        const got = await page.evaluate(([n, look]) => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          if (el.dataset.verifyFocus) return { again: true };
          el.dataset.verifyFocus = String(n);
          if (el.tagName !== 'A') return { other: true };
          // eslint-disable-next-line no-new-func
          const lookOf = new Function(`return (${look})`)();
          const text = (el.textContent || '').trim() || el.querySelector('img[alt]')?.getAttribute('alt') || el.getAttribute('aria-label') || '';
          return { id: String(n), look: lookOf(el), label: `<a href="${el.getAttribute('href')}"> "${text.replace(/\s+/g, ' ').slice(0, 40)}"` };
        }, [i, lookOf.toString()]);
        if (!got || got.again) break;
        if (got.id) seen.push(got);
      }
      // Now the same links unfocused.
      await page.evaluate(() => document.activeElement?.blur());
      await page.mouse.move(0, 0);
      for (const link of seen) {
        const unfocused = await page.evaluate(([id, look]) => {
          const el = document.querySelector(`[data-verify-focus="${id}"]`);
          const lookOf = new Function(`return (${look})`)();
          return el ? lookOf(el) : null;
        }, [link.id, lookOf.toString()]);
        linksChecked++;
        if (unfocused !== null && unfocused === link.look) problems.push(`focus-visible ${where}: ${link.label} looks the same focused and unfocused`);
      }
      if (seen.length === 0) problems.push(`focus-visible ${where}: Tab reached no links`);
    }
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.exitCode = finish('keyboard', `${views} page views, ${linksChecked} links focused`, problems);
