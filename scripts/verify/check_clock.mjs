// Clock: the page script keeps a built site true between builds. Served
// under a path prefix, the home page at the build moment shows an open
// vacancy's card; with the browser's clock set a minute past that
// vacancy's closing moment (its data-closes), the card is hidden, and the
// vacancy's own page shows its closed notice and no Apply button.
// A site whose cards carry no data-closes fails: there is nothing to test.
//
// usage: node check_clock.mjs SITE_DIR [PREFIX]
import { args, finish, launch, newPage, serve } from './lib.mjs';

const opts = args();
const [site, prefix = '/careers/'] = opts._;
const problems = [];
const server = await serve(site, prefix);
const browser = await launch();
let checked = 0;

async function at(moment) {
  const page = await newPage(browser, 375);
  await page.clock.install({ time: moment });
  return page;
}

try {
  // The first open card of the home page, and the moment it closes.
  const probe = await newPage(browser, 375);
  await probe.goto(server.base, { waitUntil: 'load' });
  const card = await probe.$('li[data-closes]');
  if (!card) {
    problems.push('the home page has no card with data-closes');
  } else {
    const closes = new Date(await card.getAttribute('data-closes'));
    const href = await card.$eval('a', (a) => a.getAttribute('href'));
    const selector = `li[data-closes] a[href="${href}"]`;
    await probe.context().close();

    const before = await at(new Date(closes.getTime() - 60 * 60 * 1000));
    await before.goto(server.base, { waitUntil: 'load' });
    if (!(await before.isVisible(selector))) problems.push(`an hour before ${closes.toISOString()}, the card of ${href} is not shown`);
    await before.goto(new URL(href, server.base).href, { waitUntil: 'load' });
    if (!(await before.isVisible('.app-apply'))) problems.push(`an hour before closing, ${href} shows no Apply button`);
    if (await before.isVisible('[data-closed-notice]')) problems.push(`an hour before closing, ${href} already reads closed`);
    await before.context().close();
    checked++;

    const after = await at(new Date(closes.getTime() + 60 * 1000));
    await after.goto(server.base, { waitUntil: 'load' });
    if (await after.isVisible(selector)) problems.push(`a minute after ${closes.toISOString()}, the card of ${href} is still shown`);
    await after.goto(new URL(href, server.base).href, { waitUntil: 'load' });
    if (!(await after.isVisible('[data-closed-notice]'))) problems.push(`a minute after closing, ${href} does not show its closed notice`);
    if (await after.isVisible('.app-apply')) problems.push(`a minute after closing, ${href} still shows an Apply button`);
    if (!(await after.title()).includes('(closed)')) problems.push(`a minute after closing, the title of ${href} does not say closed`);
    await after.context().close();
    checked++;
  }
} finally {
  await browser.close();
  await server.close();
}
process.exitCode = finish('clock', `${checked} moments around a closing`, problems);
