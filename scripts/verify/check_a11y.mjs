// Accessibility check: axe-core, injected into Debian's chromium driven by
// playwright-core, on the home page, a band page, a town page, an open and a
// closed vacancy, a free page and the 404 page (chosen by reading the built
// site), each at 320, 375 and 1280 px wide, with the WCAG 2.0/2.1 A and AA
// and WCAG 2.2 AA rule tags. The site is served over HTTP from 127.0.0.1.
// Passes with zero violations; prints each violation's rule id, impact, page,
// width and the CSS targets of the offending elements.
//
// usage: node check_a11y.mjs SITE_DIR [--pages home,band,...]
import { createRequire } from 'node:module';
import { args, choosePages, finish, launch, newPage, ready, serve } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [320, 375, 1280];

const opts = args();
const site = opts._[0];
const { pages, missing } = choosePages(site);
const problems = missing.map((kind) => `no ${kind} page found in the site to test`);
const server = await serve(site);
const browser = await launch();
let views = 0;
let incomplete = 0;
const external = new Set();
try {
  for (const width of WIDTHS) {
    const page = await newPage(browser, width);
    for (const [kind, rel] of Object.entries(pages)) {
      const url = server.base + rel;
      const resp = await page.goto(url, { waitUntil: 'load' });
      await ready(page, kind);
      const expected = kind === '404' ? 404 : 200;
      if (!resp || resp.status() !== expected) {
        problems.push(`${kind} /${rel} @${width}px: HTTP ${resp?.status()} (expected ${expected})`);
        continue;
      }
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate((tags) => window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }), TAGS);
      views++;
      incomplete += result.incomplete.length;
      for (const v of result.violations) {
        const targets = v.nodes.map((n) => n.target.join(' ')).slice(0, 8);
        const more = v.nodes.length > 8 ? ` (+${v.nodes.length - 8} more)` : '';
        problems.push(`${v.id} [${v.impact}] ${kind} /${rel} @${width}px: ${v.help} -> ${targets.join(' | ')}${more}`);
      }
    }
    page.externalRequests.forEach((u) => external.add(u));
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
if (external.size) console.log(`  note: blocked ${external.size} request(s) leaving the site: ${[...external].slice(0, 5).join(', ')}`);
process.exitCode = finish('accessibility', `${views} page views (${Object.keys(pages).length} pages x ${WIDTHS.length} widths)`, problems);
