// Search: the built site served under a path prefix, its /search/ page run
// in Debian's chromium (playwright-core), the way a candidate uses it.
//   - the page loads its index: the form shows, the no-JavaScript message goes
//   - with nothing chosen it lists exactly the open vacancies (the home list)
//   - a town filter alone gives exactly that town's list
//   - a keyword with the town filter gives exactly the town's vacancies whose
//     page has a word starting with the keyword (the index stems words, so
//     pick a keyword whose other forms only add letters: "safeguard")
//   - the search is kept in the address: reloading it gives the same results
//   - a closed advert, searched for by its own title, never appears
//   - without JavaScript the page says so and links to the lists
// Saves search-results-375.png and search-results-1280.png (the keyword and
// town search) in OUT_DIR when one is given.
//
// usage: node check_search.mjs SITE_DIR [--prefix /careers/] [--keyword K] [--town NAME] [--out DIR]
import fs from 'node:fs';
import path from 'node:path';
import { args, finish, launch, newPage, serve } from './lib.mjs';

const opts = args();
const [site] = opts._;
const prefix = opts.prefix || '/careers/';
const keyword = opts.keyword || 'safeguarding';
const town = opts.town || 'Maidstone';
const out = opts.out;
const problems = [];

const read = (rel) => fs.readFileSync(path.join(site, rel), 'utf8');
const exists = (rel) => fs.existsSync(path.join(site, rel));
const decode = (s) => s.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The vacancy paths (jobs/x/) listed on list page `dir` and its later pages. */
function listed(dir) {
  const found = new Set();
  for (let n = 1; ; n++) {
    const rel = n === 1 ? `${dir}index.html` : `${dir}page/${n}/index.html`;
    if (!exists(rel)) break;
    const html = read(rel);
    const list = html.match(/<ul class="app-vacancy-list">[\s\S]*?<\/ul>/)?.[0] ?? '';
    for (const m of list.matchAll(/class="nhsuk-card__link" href="([^"]+)"/g)) {
      const url = new URL(decode(m[1]), `http://x/${rel}`);
      found.add(url.pathname.slice(1));
    }
  }
  return found;
}

/** The text inside <main> of a page, tags dropped. */
function mainText(rel) {
  const html = read(rel);
  const main = html.match(/<main[\s\S]*?<\/main>/)?.[0] ?? '';
  return decode(main.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '));
}

/** A closed vacancy: its path and title (a noindex job page that is no draft). */
function closedVacancy() {
  for (const slug of fs.readdirSync(path.join(site, 'jobs')).sort()) {
    const rel = `jobs/${slug}/index.html`;
    if (!exists(rel)) continue;
    const html = read(rel);
    if (/name="robots" content="noindex"/.test(html) && !/>\s*Draft\s*</.test(html)) {
      return { path: `jobs/${slug}/`, title: decode(html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? '').trim() };
    }
  }
  return null;
}

const sorted = (set) => [...set].sort();
function compare(what, got, want) {
  const extra = sorted(got).filter((p) => !want.has(p));
  const lost = sorted(want).filter((p) => !got.has(p));
  if (extra.length || lost.length) {
    problems.push(`${what}: ${got.size} results, expected ${want.size}` +
      (extra.length ? `; not expected: ${extra.join(', ')}` : '') + (lost.length ? `; missing: ${lost.join(', ')}` : ''));
  }
}

const searchHtml = exists('search/index.html') ? read('search/index.html') : '';
if (!searchHtml) problems.push('search/index.html is missing');
if (!exists('pagefind/pagefind.js')) problems.push('pagefind/pagefind.js is missing');
const townBox = searchHtml.match(new RegExp(`id="filter-town-([^"]+)" name="town" type="checkbox" value="${town.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, '&#x27;')}"`));
if (searchHtml && !townBox) problems.push(`the search page has no town filter "${town}"`);

let checked = 0;
if (!problems.length) {
  const open = listed('');
  const inTown = listed(`locations/${townBox[1]}/`);
  const stem = new RegExp(`\\b${keyword.replace(/(ing|ed|es|s)$/, '')}`, 'i');
  const withKeyword = new Set([...inTown].filter((p) => stem.test(mainText(`${p}index.html`))));
  if (withKeyword.size === 0) problems.push(`no open vacancy in ${town} mentions "${keyword}": choose another --keyword`);
  const closed = closedVacancy();

  const server = await serve(site, prefix);
  const browser = await launch();
  try {
    for (const width of [1280, 375]) {
      const page = await newPage(browser, width);
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const form = page.locator('form[data-search-form]');
      const done = async () => Number((await form.getAttribute('data-search-done')) || 0);
      /** Waits for the searches an action starts to finish, and returns the result paths. */
      const results = async (before) => {
        await page.waitForFunction((n) => Number(document.querySelector('form[data-search-form]').dataset.searchDone || 0) > n, before, { timeout: 15000 });
        for (let last = -1; last !== (await done()); ) { last = await done(); await page.waitForTimeout(400); }
        const more = page.locator('[data-search-more]');
        while (await more.isVisible()) {
          const count = await page.locator('[data-search-results] > li').count();
          await more.click();
          await page.waitForFunction((c) => document.querySelectorAll('[data-search-results] > li').length > c, count);
        }
        const hrefs = await page.locator('[data-search-results] .nhsuk-card__link').evaluateAll((as) => as.map((a) => a.href));
        return new Set(hrefs.map((h) => new URL(h).pathname.slice(prefix.length)));
      };
      const at = `@${width}px`;
      const resp = await page.goto(server.base + 'search/');
      if (resp?.status() !== 200) { problems.push(`search/ ${at}: HTTP ${resp?.status()}`); continue; }
      compare(`nothing chosen ${at}`, await results(0), open);
      if (!(await form.isVisible())) problems.push(`${at}: the search form is still hidden`);
      if (await page.locator('[data-search-fallback]').isVisible()) problems.push(`${at}: the no-JavaScript message is still shown`);

      const townSummary = page.locator('details.app-search__filter summary', { hasText: 'Location' });
      await townSummary.click();
      let before = await done();
      await page.locator(`#filter-town-${townBox[1]}`).check();
      compare(`town "${town}" alone ${at}`, await results(before), inTown);

      before = await done();
      await page.locator('#search-keywords').fill(keyword);
      compare(`"${keyword}" in ${town} ${at}`, await results(before), withKeyword);
      const address = page.url();
      if (!address.includes(`q=${encodeURIComponent(keyword)}`) || !address.includes('town=')) problems.push(`${at}: the address does not keep the search: ${address}`);
      if (out) {
        fs.mkdirSync(out, { recursive: true });
        await page.screenshot({ path: path.join(out, `search-results-${width}.png`), fullPage: true });
      }
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) problems.push(`search ${at}: the page is ${scrollWidth}px wide, so it scrolls sideways`);

      await page.goto(address);
      compare(`the same address reloaded ${at}`, await results(0), withKeyword);

      if (closed) {
        before = await done();
        await page.goto(server.base + 'search/?q=' + encodeURIComponent(closed.title));
        const found = await results(0);
        if (found.has(closed.path)) problems.push(`${at}: the closed advert ${closed.path} is found by its title "${closed.title}"`);
      }
      for (const e of errors) problems.push(`${at}: script error: ${e}`);
      checked++;
      await page.context().close();
    }

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.base + 'search/');
    const fallback = page.locator('[data-search-fallback]');
    if (!(await fallback.isVisible())) problems.push('without JavaScript: no message saying search needs it');
    else {
      const links = await fallback.locator('a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
      for (const want of ['bands/', 'locations/']) {
        if (!links.includes(prefix + want)) problems.push(`without JavaScript: the message does not link to ${prefix}${want} (${links.join(', ')})`);
      }
    }
    if (await page.locator('form[data-search-form]').isVisible()) problems.push('without JavaScript: the search form is shown, though it cannot work');
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}
process.exitCode = finish('search', `${checked} widths searched under ${prefix} ("${keyword}" in ${town})`, problems);
