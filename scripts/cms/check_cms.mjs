// The browser half of scripts/check-cms: opens the built site's Decap CMS
// editor (admin/) in Debian's chromium through playwright-core, signs in to
// the local Git backend (decap-server, already running on :8081), fills the
// form for a new Band 5 vacancy, takes a 1280 px screenshot of the form and
// publishes it. The pinned CDN address of the Decap script is answered with
// npm's own copy of that release (node_modules/decap-cms/dist), so the
// page's integrity hash is checked against the real file; every other
// request leaving this machine is refused.
//
// usage: node check_cms.mjs PUBLIC_DIR SCREENSHOT_DIR
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [site, shots] = process.argv.slice(2).map((p) => path.resolve(p));
const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.join(HERE, 'node_modules', 'decap-cms', 'dist');
const CDN = 'https://cdn.jsdelivr.net/npm/decap-cms@';
const CHROMIUM = process.env.VERIFY_CHROMIUM || '/usr/bin/chromium';
const TYPES = { '.html': 'text/html; charset=utf-8', '.yml': 'text/yaml; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.pdf': 'application/pdf' };

/** Serves `root` on 127.0.0.1 (index.html for a folder). */
function serve(root) {
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) file = root + '/missing';
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); return res.end('not found'); }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${server.address().port}`, server })));
}

const fail = (message) => { console.error(`check-cms: ${message}`); process.exit(1); };

const { origin, server } = await serve(site);
const pinned = fs.readFileSync(path.join(site, 'admin', 'index.html'), 'utf8').match(/src="(https:[^"]+)"/)[1];
if (!pinned.startsWith(CDN)) fail(`the editor loads ${pinned}, not a pinned jsDelivr address`);
const version = pinned.slice(CDN.length).split('/')[0];
const installed = JSON.parse(fs.readFileSync(path.join(DIST, '..', 'package.json'), 'utf8')).version;
if (version !== installed) fail(`the editor pins decap-cms ${version}, but ${installed} is installed: update scripts/cms/package.json`);

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
const refused = [];
await context.route(/.*/, (route) => {
  const url = new URL(route.request().url());
  if (url.href.startsWith(`${CDN}${version}/dist/`)) {
    const file = path.join(DIST, path.basename(url.pathname));
    if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, headers: { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'access-control-allow-origin': '*' }, body: fs.readFileSync(file) });
  }
  if (['127.0.0.1', 'localhost'].includes(url.hostname) || ['data:', 'blob:'].includes(url.protocol)) return route.continue();
  refused.push(url.href);
  return route.abort('blockedbyclient');
});
const page = await context.newPage();
const problems = [];
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
page.on('pageerror', (e) => problems.push(String(e)));

try {
  await page.goto(`${origin}/admin/`);
  await page.getByRole('button', { name: /login/i }).click({ timeout: 30000 });
  await page.goto(`${origin}/admin/#/collections/jobs/new`);
  // Decap adds "(optional)" to the label of an optional field.
  const field = (label) => page.getByLabel(new RegExp(`^${label}( \\(optional\\))?$`, 'i'));
  await field('Title').fill('Staff Nurse, Respiratory Ward', { timeout: 30000 });
  await field('Reference').fill('WDM-26-0901');
  await field('Band').click();
  await page.getByRole('option', { name: 'Band 5', exact: true }).click();
  await field('Location').fill('Maidstone');
  await field('Contract').click();
  await page.getByRole('option', { name: 'permanent', exact: true }).click();
  await field('Working pattern').click();
  await page.getByRole('option', { name: 'full-time', exact: true }).click();
  await field('Hours').fill('37.5');
  await field('Min').fill('31049');
  await field('Max').fill('37796');
  await field('Posted').fill('2026-11-23');
  await field('Closes').fill('2026-12-14');
  await field('Apply url').fill('https://www.jobs.nhs.uk/candidate/jobadvert/C9999-26-0901');
  const body = page.locator('[data-slate-editor="true"]').first();
  await body.click();
  await page.keyboard.type('Join our respiratory ward team in Maidstone. You will care for adults with acute and long-term lung conditions.');
  await page.mouse.move(0, 0);
  fs.mkdirSync(shots, { recursive: true });
  // The form scrolls in its own pane: one shot each of its top, its dates
  // and the advert text.
  for (const [name, label] of [['top', 'Title'], ['dates', 'Posted'], ['text', 'Summary']]) {
    await field(label).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(shots, `cms-new-vacancy-1280-${name}.png`) });
  }
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
  await page.waitForURL(/#\/collections\/jobs\/entries\//, { timeout: 30000 });
  console.log(`check-cms: published from the form at ${page.url()}`);
} catch (e) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'cms-failure.png'), fullPage: true }).catch(() => {});
  console.error(problems.join('\n'));
  fail(`${e.message.split('\n')[0]} (see ${path.join(shots, 'cms-failure.png')})`);
} finally {
  await browser.close();
  server.close();
}
if (refused.length) console.log(`check-cms: refused ${refused.length} request(s) leaving the machine, e.g. ${refused[0]}`);
