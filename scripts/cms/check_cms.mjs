// The browser half of scripts/check-cms. It first checks the editor's date
// widget (admin/widgets.js) on every form of date careers reads, outside
// the browser; then opens the built site's Decap CMS editor (admin/) in
// Debian's chromium through playwright-core, as a comms officer in the UK
// would (en-GB, Europe/London), against the local Git backend
// (decap-server, already running), and:
//   1. lists the vacancies, and those in the wealdmoor/ sub-folder;
//   2. edits the title of an advert in that sub-folder whose `closes` has a
//      time, and saves it: the time and the file's place must survive;
//   3. adds a time to the `closes: 28 January 2027` of another advert;
//   4. fills in the form for a new Band 5 vacancy and publishes it.
// Screenshots of each step, at 1280 px and at a phone's 390 px, go to
// SCREENSHOT_DIR. Then it reads the files decap-server committed.
//
// The pinned CDN address of the Decap script is answered with npm's own
// copy of that release, so the page's integrity hash is checked against the
// real file; the editor's calls to the local backend's usual address
// (localhost:8081) go to BACKEND_PORT; every other request leaving this
// machine is refused.
//
// usage: node check_cms.mjs NODE_DIR SITE_DIR BACKEND_PORT SCREENSHOT_DIR
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';

const [nodeDir, siteDir, backendPort, shots] = process.argv.slice(2);
if (!shots) { console.error('usage: node check_cms.mjs NODE_DIR SITE_DIR BACKEND_PORT SCREENSHOT_DIR'); process.exit(2); }
const require = createRequire(path.join(path.resolve(nodeDir), 'package.json'));
const { chromium } = require('playwright-core');
const site = path.resolve(siteDir);
const publicDir = path.join(site, 'public');
const DIST = path.join(path.resolve(nodeDir), 'node_modules', 'decap-cms', 'dist');
const CDN = 'https://cdn.jsdelivr.net/npm/decap-cms@';
const CHROMIUM = process.env.VERIFY_CHROMIUM || '/usr/bin/chromium';
const STEP_TIMEOUT = 30000;
const TYPES = { '.html': 'text/html; charset=utf-8', '.yml': 'text/yaml; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.pdf': 'application/pdf', '.svg': 'image/svg+xml' };

let step = 'starting';
const fail = (message) => { console.error(`FAIL check-cms (${step}): ${message}`); process.exit(1); };
const read = (rel) => fs.readFileSync(path.join(site, rel), 'utf8');
const frontMatter = (rel, key) => (read(rel).match(new RegExp(`^${key}: *(.*)$`, 'm')) || [])[1];

// ------------------------------------------------ the date widget, unrun
step = 'the date widget on every date form';
{
  let registered;
  const h = (type, props, ...children) => ({ type, props: props || {}, children: children.flat() });
  const previews = [];
  const CMS = {
    registerWidget: (name, control) => { registered = { name, control }; },
    registerPreviewTemplate: (name) => previews.push(name),
    registerPreviewStyle: () => {},
  };
  new Function('window', fs.readFileSync(path.join(publicDir, 'admin', 'widgets.js'), 'utf8'))({ CMS, h, createClass: (spec) => spec });
  if (registered?.name !== 'careers-date') fail('admin/widgets.js registers no careers-date widget');
  if (previews.join() !== 'jobs,pages') fail(`admin/widgets.js registers previews for ${previews.join()}, not jobs,pages`);
  const inputs = (tree) => tree.children.filter((c) => c && c.type === 'input');
  // value -> [date shown, time shown, written after the time is set to 16:30]
  const cases = [
    ['2027-01-28', '2027-01-28', '', '2027-01-28 16:30'],
    ['2027-1-8', '2027-01-08', '', '2027-01-08 16:30'],
    ['28/01/2027', '2027-01-28', '', '2027-01-28 16:30'],
    ['28 January 2027', '2027-01-28', '', '2027-01-28 16:30'],
    ['1st Sept 2027', '2027-09-01', '', '2027-09-01 16:30'],
    ['2027-01-31 23:59', '2027-01-31', '23:59', '2027-01-31 16:30'],
    ['2027-01-31T12:00', '2027-01-31', '12:00', '2027-01-31 16:30'],
    ['2027-01-15T12:00:00+00:00', '2027-01-15', '12:00', '2027-01-15T16:30:00+00:00'],
    ['2027-07-15T12:00:00Z', '2027-07-15', '12:00', '2027-07-15T16:30:00Z'],
  ];
  for (const [value, date, time, written] of cases) {
    let out;
    const control = { ...registered.control, props: { value, forID: 'closes', field: { get: (k) => (k === 'time' ? true : undefined) }, onChange: (v) => { out = v; } } };
    const [dateInput, timeInput] = inputs(control.render());
    if (dateInput.props.defaultValue !== date || timeInput.props.defaultValue !== time) {
      fail(`"${value}" is shown as ${dateInput.props.defaultValue} ${timeInput.props.defaultValue}, not ${date} ${time}`);
    }
    control.change('time', '16:30');
    if (out !== written) fail(`"${value}" with the time set to 16:30 is written "${out}", not "${written}"`);
    control.change('time', '');
    if (out !== date) fail(`"${value}" with its time cleared is written "${out}", not "${date}"`);
  }
  const unread = { ...registered.control, props: { value: '31/02/2027', forID: 'x', field: { get: () => undefined }, onChange: () => {} } }.render();
  if (!JSON.stringify(unread).includes('not a date careers reads')) fail('a date that does not exist is not pointed out');
  console.log(`check-cms: the date widget shows and writes ${cases.length} forms of date as careers reads them`);
}

// ------------------------------------------------ the editor in chromium
function serve(root) {
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) file = path.join(root, 'missing');
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); return res.end('not found'); }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${server.address().port}`, server })));
}

step = 'the pinned editor script';
const pinned = (read('public/admin/index.html').match(/src="(https:[^"]+)"/) || [])[1] || '';
if (!pinned.startsWith(CDN)) fail(`the editor loads "${pinned}", not a pinned jsDelivr address`);
const version = pinned.slice(CDN.length).split('/')[0];
const installed = JSON.parse(fs.readFileSync(path.join(DIST, '..', 'package.json'), 'utf8')).version;
if (version !== installed) fail(`the editor pins decap-cms ${version}, but ${installed} is installed: update scripts/cms/package.json`);
if (!fs.existsSync(CHROMIUM)) fail(`${CHROMIUM} not found: install Debian's chromium package`);

const { origin, server } = await serve(publicDir);
// The date and time inputs take their order from the browser's language.
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' }, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none', '--disable-background-networking', '--disable-component-update', '--lang=en-GB'] });
const refused = [];
const problems = [];

async function editor(width, height) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, reducedMotion: 'reduce', locale: 'en-GB', timezoneId: 'Europe/London' });
  context.setDefaultTimeout(STEP_TIMEOUT);
  await context.route(/.*/, async (route) => {
    const url = new URL(route.request().url());
    if (url.href.startsWith(`${CDN}${version}/dist/`)) {
      const file = path.join(DIST, path.basename(url.pathname));
      if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, headers: { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'access-control-allow-origin': '*' }, body: fs.readFileSync(file) });
    }
    if (url.hostname === 'localhost' && url.port === '8081') {
      return route.continue({ url: `http://127.0.0.1:${backendPort}${url.pathname}${url.search}` });
    }
    if (url.hostname === '127.0.0.1' || ['data:', 'blob:'].includes(url.protocol)) return route.continue();
    refused.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${origin}/admin/`);
  await page.getByRole('button', { name: /login/i }).click();
  await page.getByText('Vacancies').first().waitFor();
  return page;
}

// Decap adds "(optional)" to the label of an optional field.
const field = (page, label) => page.getByLabel(new RegExp(`^${label}( \\(optional\\))?$`, 'i')).first();
const shot = async (page, name) => {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
};
const scrollTo = (page, label) => field(page, label).evaluate((el) => (document.querySelector(`label[for="${el.id}"]`) || el).scrollIntoView({ block: 'start' }));
async function publish(page) {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
  await page.getByText(/changes saved/i).first().waitFor();
}
async function openEntry(page, slug, title) {
  // A fresh load: the editor keeps the last form when only the address's
  // #fragment changes (the local backend's sign-in is remembered).
  await page.goto(`${origin}/admin/#/collections/jobs/entries/${slug}`);
  await page.reload();
  // The editor swaps the form in place: wait for this advert's title.
  let shown;
  for (const until = Date.now() + STEP_TIMEOUT; Date.now() < until;) {
    shown = await field(page, 'Title').inputValue().catch(() => '');
    if (shown === title) return;
    await page.waitForTimeout(100);
  }
  fail(`jobs/${slug} opened with the title "${shown}", not "${title}"`);
}
async function expectDate(page, date, time) {
  const shown = [await field(page, 'Closes').inputValue(), await page.locator('input[type=time]').first().inputValue()];
  if (shown[0] !== date || shown[1] !== time) fail(`Closes shows ${shown.join(' ')}, not ${date} ${time}`);
}

fs.mkdirSync(shots, { recursive: true });
let page;
try {
  for (const [name, width, height] of [['1280', 1280, 900], ['phone', 390, 844]]) {
    step = `the list of vacancies at ${width} px`;
    page = await editor(width, height);
    // Each advert is listed as "title (reference), closes date".
    await page.getByText(/^Senior Occupational Therapist \(380-AC0746\), closes (28 January 2027|2027-01-28 16:00)$/).waitFor();
    await shot(page, `${name}-1-vacancies`);
    step = `the wealdmoor folder at ${width} px`;
    await page.goto(`${origin}/admin/#/collections/jobs/filter/wealdmoor`);
    await page.getByText(/^Senior Theatre Practitioner \(Scrub\) \(WDM-/).waitFor();
    await shot(page, `${name}-2-wealdmoor-folder`);
    if (name === 'phone') break;

    step = 'editing an advert in a sub-folder whose closing has a time';
    await openEntry(page, 'wealdmoor/senior-physiotherapist-msk-dartford', 'Senior Physiotherapist, Musculoskeletal Outpatients');
    await expectDate(page, '2027-01-31', '12:00');
    await field(page, 'Title').fill('Senior Physiotherapist, MSK Outpatients');
    await scrollTo(page, 'Posted');
    await shot(page, `${name}-3-closing-time`);
    await publish(page);

    step = 'adding a time to "closes: 28 January 2027"';
    await openEntry(page, 'senior-occupational-therapist-female-picu', 'Senior Occupational Therapist');
    await expectDate(page, '2027-01-28', '');
    await page.locator('input[type=time]').first().fill('16:00');
    await publish(page);

    step = 'the form for a new vacancy';
    await page.goto(`${origin}/admin/#/collections/jobs/new`);
    await page.reload();
    await field(page, 'Title').fill('Staff Nurse, Respiratory Ward');
    await field(page, 'Reference').fill('WDM-26-0901');
    await field(page, 'Band').click();
    await page.getByRole('option', { name: 'Band 5', exact: true }).click();
    await field(page, 'Pay from').fill('31049');
    await field(page, 'Pay up to').fill('37796');
    await field(page, 'Location').fill('Maidstone');
    await field(page, 'Posted').fill('2026-11-23');
    await field(page, 'Closes').fill('2026-12-14');
    await field(page, 'Apply link').fill('https://www.jobs.nhs.uk/candidate/jobadvert/C9999-26-0901');
    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type('Join our respiratory ward team in Maidstone. You will care for adults with acute and long-term lung conditions.');
    await field(page, 'Contract').click();
    await page.getByRole('option', { name: 'permanent', exact: true }).click();
    await field(page, 'Working pattern').click();
    await page.getByRole('option', { name: 'full-time', exact: true }).click();
    await page.keyboard.press('Escape');
    await field(page, 'Hours').fill('37.5');
    // The form scrolls in its own pane: its top, its dates, the text and
    // the details below.
    for (const [part, label] of [['top', 'Title'], ['dates', 'Location'], ['text', 'Apply link'], ['details', 'Contract']]) {
      await scrollTo(page, label);
      await shot(page, `${name}-4-new-vacancy-${part}`);
    }
    step = 'publishing the new vacancy';
    await publish(page);
    await page.waitForURL(/#\/collections\/jobs\/entries\//);
    await scrollTo(page, 'Title');
    await shot(page, `${name}-5-saved`);
    await page.context().close();
  }
  step = 'the new vacancy at 390 px';
  await page.goto(`${origin}/admin/#/collections/jobs/entries/staff-nurse-respiratory-ward`);
  await field(page, 'Title').waitFor();
  await shot(page, 'phone-5-saved');
} catch (e) {
  await page?.screenshot({ path: path.join(shots, 'failure.png') }).catch(() => {});
  if (problems.length) console.error(`the editor's console:\n  ${problems.slice(-10).join('\n  ')}`);
  fail(`${e.message.split('\n')[0]} (the screen then: ${path.join(shots, 'failure.png')})`);
} finally {
  await browser.close();
  server.close();
}

// ------------------------------------------------ what was committed
step = 'the files decap-server wrote';
const expect = (rel, key, want) => {
  const got = frontMatter(rel, key);
  if (got !== want) fail(`${rel} has ${key}: ${got}, not ${want}`);
};
expect('content/jobs/wealdmoor/senior-physiotherapist-msk-dartford.md', 'title', 'Senior Physiotherapist, MSK Outpatients');
expect('content/jobs/wealdmoor/senior-physiotherapist-msk-dartford.md', 'closes', '2027-01-31 12:00');
expect('content/jobs/senior-occupational-therapist-female-picu.md', 'closes', '2027-01-28 16:00');
expect('content/jobs/staff-nurse-respiratory-ward.md', 'closes', '2026-12-14');
expect('content/jobs/staff-nurse-respiratory-ward.md', 'band', '"5"');
console.log('check-cms: an edited advert kept its closing time and its sub-folder; a time added to a date was written as careers reads it');
if (refused.length) console.log(`check-cms: refused ${refused.length} request(s) leaving the machine, e.g. ${refused[0]}`);
