// Shared helpers for the browser checks of scripts/verify-site
// (check_a11y.mjs, check_keyboard.mjs, screenshots.mjs): a tiny static HTTP
// server on 127.0.0.1 that serves the built site as a host would (index.html
// for a folder, a redirect for a folder without its slash, 404.html with
// status 404 for anything missing), launching Debian's chromium through
// playwright-core (never a browser download), and choosing the pages to test
// by reading the built site.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.VERIFY_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--font-render-hinting=none',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.ico': 'image/x-icon', '.pdf': 'application/pdf',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.json': 'application/json',
};

/** Serve `site` under `prefix` on 127.0.0.1 at a free port. Resolves to {origin, base, close}. */
export function serve(site, prefix = '/') {
  const root = path.resolve(site);
  const notFound = path.join(root, '404.html');
  const server = http.createServer((req, res) => {
    const send = (status, file) => {
      res.writeHead(status, { 'content-type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream', 'cache-control': 'no-store' });
      fs.createReadStream(file).pipe(res);
    };
    const missing = () => {
      if (fs.existsSync(notFound)) send(404, notFound);
      else { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); }
    };
    let urlPath;
    try { urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { return missing(); }
    if (!urlPath.startsWith(prefix)) return missing();
    const rel = urlPath.slice(prefix.length);
    const file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) return missing();
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.isDirectory()) {
      if (!urlPath.endsWith('/')) { res.writeHead(301, { location: urlPath + '/' }); return res.end(); }
      const index = path.join(file, 'index.html');
      if (fs.existsSync(index)) return send(200, index);
      return missing();
    }
    if (stat && stat.isFile()) return send(200, file);
    return missing();
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({ origin, base: origin + prefix, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Debian's chromium, headless, with a fresh empty profile (playwright makes one per launch). */
export async function launch() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium package`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** A page with the given viewport width that refuses every request leaving 127.0.0.1. */
export async function newPage(browser, width, height = 900) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const external = [];
  await context.route(/.*/, (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    external.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.externalRequests = external;
  return page;
}

const hrefs = (html) => [...html.matchAll(/<a\s[^>]*?href\s*=\s*("([^"]*)"|'([^']*)')/gi)].map((m) => m[2] ?? m[3]);

/** Resolve the links of site page `rel` (e.g. "bands/index.html") to site paths like "bands/band-5/". */
function linksOf(site, rel) {
  const file = path.join(site, rel);
  if (!fs.existsSync(file)) return [];
  const pageUrl = new URL('http://site.invalid/' + rel.replace(/index\.html$/, ''));
  const out = [];
  for (const h of hrefs(fs.readFileSync(file, 'utf8'))) {
    let u;
    try { u = new URL(h.replace(/&amp;/g, '&'), pageUrl); } catch { continue; }
    if (u.origin !== pageUrl.origin) continue;
    out.push(decodeURIComponent(u.pathname.slice(1)));
  }
  return out;
}

/** The page kinds, in the order they are tested and reported. */
export const KINDS = ['home', 'band', 'town', 'pair', 'alerts', 'open', 'closed', 'free', 'search', '404'];
/** Kinds a site has only once it was built with band-in-town lists and alerts (alerts/index.html). */
const FOLLOWING = new Set(['pair', 'alerts']);
/** Kinds tested when the site has them, and not missed when it has not. */
const OPTIONAL = new Set(['search']);

const isFile = (p) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
const GENERATED = new Set(['jobs', 'bands', 'locations', 'page', 'css', 'js', 'images', 'fonts', 'documents', 'static', 'alerts', 'search', 'pagefind']);

/**
 * The pages to test, chosen by reading the built site: {kind: sitePath}.
 * Kinds: home, band, town, pair (a band-in-town list linked from a town
 * page), alerts, open (first vacancy linked from home), closed (a
 * jobs/<slug>/ page marked noindex that is not a draft), free (a free page
 * from the navigation), search (search/, if the site has it), 404 (a missing
 * URL, answered with 404.html).
 * A kind the site lacks is listed in `missing`.
 */
export function choosePages(site) {
  const pages = {};
  const missing = [];
  const first = (list, re) => list.find((p) => re.test(p) && isFile(path.join(site, p, 'index.html')));
  if (isFile(path.join(site, 'index.html'))) pages.home = '';
  const home = linksOf(site, 'index.html');
  pages.band = first(linksOf(site, 'bands/index.html'), /^bands\/(?!page\/)[^/]+\/$/) ?? first(home, /^bands\/(?!page\/)[^/]+\/$/);
  pages.town = first(linksOf(site, 'locations/index.html'), /^locations\/(?!page\/)[^/]+\/$/) ?? first(home, /^locations\/(?!page\/)[^/]+\/$/);
  pages.open = first(home, /^jobs\/[^/]+\/$/);
  const jobsDir = path.join(site, 'jobs');
  if (fs.existsSync(jobsDir)) {
    for (const slug of fs.readdirSync(jobsDir).sort()) {
      const f = path.join(jobsDir, slug, 'index.html');
      if (!isFile(f)) continue;
      const html = fs.readFileSync(f, 'utf8');
      const noindex = /<meta\s[^>]*name\s*=\s*["']?robots["']?[^>]*noindex/i.test(html) || /<meta\s[^>]*content\s*=\s*["'][^"']*noindex[^>]*name\s*=\s*["']?robots/i.test(html);
      const draft = /class\s*=\s*["'][^"']*\bdraft\b/i.test(html) || />\s*Draft\s*</.test(html);
      if (noindex && !draft) { pages.closed = `jobs/${slug}/`; break; }
    }
  }
  pages.free = first(home, new RegExp('^(?!(' + [...GENERATED].join('|') + ')/)[^/]+/$'));
  if (isFile(path.join(site, 'search', 'index.html'))) pages.search = 'search/';
  if (isFile(path.join(site, '404.html'))) pages['404'] = 'this-page-does-not-exist/';
  const following = isFile(path.join(site, 'alerts', 'index.html'));
  if (following) {
    pages.alerts = 'alerts/';
    const towns = linksOf(site, 'locations/index.html').filter((p) => /^locations\/(?!page\/)[^/]+\/$/.test(p));
    for (const town of towns) {
      pages.pair = first(linksOf(site, town + 'index.html'), /^locations\/[^/]+\/(?!page\/)[^/]+\/$/);
      if (pages.pair) break;
    }
  }
  for (const kind of KINDS) {
    if (pages[kind] === undefined) {
      delete pages[kind];
      if (!OPTIONAL.has(kind) && (following || !FOLLOWING.has(kind))) missing.push(kind);
    }
  }
  const ordered = {};
  for (const kind of KINDS) if (kind in pages) ordered[kind] = pages[kind];
  return { pages: ordered, missing };
}

/**
 * Waits, on a page that runs a script before it is usable (the search page,
 * which loads its index), until that script has shown its first results;
 * other pages are ready at `load`. Gives up quietly after 10 s, so the check
 * that follows reports what is on the page.
 */
export async function ready(page, kind) {
  if (kind !== 'search') return;
  await page.waitForSelector('form[data-search-form][data-search-done]', { timeout: 10000 }).catch(() => {});
}

/** Parse "--flag value" style arguments into an object; positional ones into `_`. */
export function args(argv = process.argv.slice(2)) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[i + 1]?.startsWith('--') || argv[i + 1] === undefined ? true : argv[++i];
    else out._.push(argv[i]);
  }
  return out;
}

export function finish(name, counted, problems) {
  const MAX = 200;
  for (const p of problems.slice(0, MAX)) console.log('  ' + p);
  if (problems.length > MAX) console.log(`  ... and ${problems.length - MAX} more`);
  const n = problems.length;
  console.log(`${n ? 'FAIL' : 'PASS'} ${name}: ${counted}, ${n} problem${n === 1 ? '' : 's'}`);
  return n ? 1 : 0;
}
