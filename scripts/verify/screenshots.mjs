// Screenshots: full-page PNGs of the home page, a band page, a town page, an
// open and a closed vacancy, a free page and the 404 page (chosen by reading
// the built site) at 375 and 1280 px, taken in Debian's chromium driven by
// playwright-core, saved as OUT_DIR/<kind>-<width>.png for a reviewer to look
// at. Fails if a page kind is missing, does not load or cannot be captured.
// Also notes pages wider than the viewport (sideways scrolling on a phone).
//
// usage: node screenshots.mjs SITE_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { args, choosePages, finish, launch, newPage, ready, serve } from './lib.mjs';

const WIDTHS = [375, 1280];

const opts = args();
const [site, out] = opts._;
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const { pages, missing } = choosePages(site);
const problems = missing.map((kind) => `no ${kind} page found in the site to capture`);
const server = await serve(site);
const browser = await launch();
let shots = 0;
try {
  for (const width of WIDTHS) {
    const page = await newPage(browser, width);
    for (const [kind, rel] of Object.entries(pages)) {
      const resp = await page.goto(server.base + rel, { waitUntil: 'load' });
      await ready(page, kind);
      const expected = kind === '404' ? 404 : 200;
      if (!resp || resp.status() !== expected) {
        problems.push(`${kind} /${rel} @${width}px: HTTP ${resp?.status()} (expected ${expected})`);
        continue;
      }
      const file = path.join(out, `${kind}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots++;
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) problems.push(`${kind} /${rel} @${width}px: page is ${scrollWidth}px wide, so it scrolls sideways`);
    }
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.exitCode = finish('screenshots', `${shots} saved in ${out}`, problems);
