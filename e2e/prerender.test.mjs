// Every screen is drawn at build time by the app's own components: with the wasm blocked the
// pages still show their content, with JavaScript off their links reach every page, and when
// the app starts on a page the first viewport does not change, focus, caret and scroll stay,
// and text typed before it was ready is kept. What is expected comes from the build's own
// data files, never from the curated data.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { launch, serve, openPage, appReady, SITE_DIR, SHOTS } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

/** The ids in the first column of one of the build's data/*.csv files. */
async function ids(file) {
  const text = (await readFile(join(SITE_DIR, 'data', file), 'utf8')).replace(/^\uFEFF/, '');
  return text.split('\r\n').slice(1).filter(Boolean).map((line) => line.split(',')[0].replace(/^"|"$/g, ''));
}

/** Every page the build publishes, as paths from the site root. */
async function allPages() {
  const cards = [...await ids('facts.csv'), ...await ids('entities.csv')].map((id) => `card/${id}/`);
  const docs = (await ids('documents.csv')).map((id) => `doc/${id}/`);
  return ['', 'timeline/', 'table/', 'documents/', ...cards, ...docs];
}

test('with the wasm blocked, the root shows the first page of results and its Timeline link shows the charts', async (t) => {
  const records = (await ids('facts.csv')).length + (await ids('entities.csv')).length;
  const ctx = await launch();
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  await page.route(/\.wasm$/, (r) => r.abort());
  await page.goto(server.url);
  const cards = await page.locator('#results article.result').count();
  assert.ok(cards >= Math.min(10, records), `${cards} result cards shown`);
  assert.equal(await page.locator('#results article.result h3 a').first().getAttribute('href') !== null, true);
  assert.ok(await page.locator('.filters .facet-values input[type=checkbox]').count() > 0, 'the filters with their counts');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Timeline' }).click();
  await page.waitForURL(`${server.url}timeline/`);
  await page.locator('svg.chart.membership').waitFor();
  assert.ok(await page.locator('svg.chart.events a.mark').count() > 0, 'the events chart has marks');
  assert.ok(await page.locator('svg.chart.membership a.mark').count() > 0, 'the membership chart has marks');
  assert.equal(await page.locator('.legend').count(), 1);
  assert.equal(await page.locator('html[data-app]').count(), 0, 'the app never started');
});

test('with JavaScript off, links from the root reach every page the build publishes', async (t) => {
  const ctx = await launch({ javaScriptEnabled: false });
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  const origin = new URL(server.url);
  const seen = new Set();
  const queue = [server.url];
  while (queue.length) {
    const url = queue.shift();
    const path = new URL(url).pathname.slice(origin.pathname.length);
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await page.goto(url);
    assert.equal(res.status(), 200, url);
    const hrefs = await page.locator('#app a[href]').evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href'), location.href).href));
    for (const h of hrefs) {
      const u = new URL(h);
      if (u.origin !== origin.origin || !u.pathname.startsWith(origin.pathname)) continue;
      if (!u.pathname.endsWith('/')) continue;
      u.hash = '';
      if (!seen.has(u.pathname.slice(origin.pathname.length))) queue.push(u.href);
    }
  }
  const missed = (await allPages()).filter((p) => !seen.has(p));
  assert.deepEqual(missed, [], 'pages no link leads to');
});

/** Pixels that differ visibly (any channel by more than 16 of 255) between two PNG screenshots. */
function visibleDiff(a, b) {
  const [pa, pb] = [PNG.sync.read(a), PNG.sync.read(b)];
  assert.deepEqual([pa.width, pa.height], [pb.width, pb.height]);
  let n = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    const d = Math.max(...[0, 1, 2].map((c) => Math.abs(pa.data[i + c] - pb.data[i + c])));
    if (d > 16) n++;
  }
  return n;
}

/**
 * Opens `path` with the wasm held back until `release()`, so the page is the publisher's until
 * then. Layout shifts are recorded from the start.
 */
/** The options of a context whose pages `heldOpen` holds: no service worker. */
const HELD = { serviceWorkers: 'block' };

async function heldOpen(ctx, path) {
  const page = await openPage(ctx);
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route(/\.wasm$/, async (r) => { await gate; await r.continue(); });
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(server.url + path);
  await page.locator('#app main').waitFor();
  // A service worker answers requests the route cannot see: the contexts that hold pages
  // block workers (HELD), or a second page would start its app at once and the test pass
  // without testing anything.
  assert.equal(await page.locator('html[data-app]').count(), 0, 'the app is held back');
  return { page, release };
}

const settled = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

test('the first viewport does not change when the app starts (360 and 1280 px)', async (t) => {
  const [fact] = await ids('facts.csv');
  for (const width of [360, 1280]) {
    const ctx = await launch({ viewport: { width, height: 800 }, ...HELD });
    t.after(() => ctx.close());
    for (const [name, path] of [['root', ''], ['card', `card/${fact}/`]]) {
      const { page, release } = await heldOpen(ctx, path);
      await settled(page);
      const before = await page.screenshot();
      release();
      await appReady(page);
      await settled(page);
      const after = await page.screenshot();
      await mkdir(SHOTS, { recursive: true });
      await writeFile(join(SHOTS, `takeover-${name}-${width}-before.png`), before);
      await writeFile(join(SHOTS, `takeover-${name}-${width}-after.png`), after);
      assert.equal(visibleDiff(before, after), 0, `${name} at ${width} px: the app's first render looks like the page`);
      assert.equal(await page.evaluate(() => window.__shift), 0, `${name} at ${width} px: no layout shift`);
      assert.deepEqual(page.problems(), []);
    }
  }
});

test('text typed, focus, caret and scroll before the app starts are kept when it does', async (t) => {
  const ctx = await launch({ viewport: { width: 1280, height: 700 }, ...HELD });
  t.after(() => ctx.close());
  // Typed into the search box: the app picks it up and searches it.
  const [first] = await ids('entities.csv');
  const word = first.split('-')[0];
  {
    const { page, release } = await heldOpen(ctx, '');
    const before = await page.locator('#search-status').innerText();
    await page.locator('#q').click();
    await page.keyboard.type(word);
    await page.keyboard.press('ArrowLeft');
    release();
    await appReady(page);
    assert.equal(await page.locator('#q').inputValue(), word);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'focus stays in the box');
    assert.deepEqual(await page.evaluate(() => [document.getElementById("q").selectionStart, document.getElementById("q").selectionEnd]), [word.length - 1, word.length - 1], 'the caret stays');
    await page.waitForFunction((b) => document.querySelector('#search-status').innerText !== b, before);
    await page.waitForFunction((w) => new URLSearchParams(location.hash.slice(1)).get('q') === w, word);
  }
  // Scrolled down and focused on a result link: both stay.
  {
    const { page, release } = await heldOpen(ctx, '');
    await page.evaluate(() => window.scrollTo(0, 400));
    const link = page.locator('#results article.result h3 a').nth(3);
    await link.focus({ preventScroll: true });
    const id = await link.evaluate((a) => a.closest('h3').id);
    const y = await page.evaluate(() => window.scrollY);
    release();
    await appReady(page);
    await settled(page);
    assert.equal(await page.evaluate(() => window.scrollY), y, 'the scroll position stays');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('h3')?.id), id, 'focus stays on the same link');
  }
});

test('boxes ticked, years chosen, disclosures opened and buttons pressed before the app starts are kept when it does', async (t) => {
  const ctx = await launch({ viewport: { width: 1280, height: 900 }, ...HELD });
  t.after(() => ctx.close());
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const { page, release } = await heldOpen(ctx, '');
  // A filter ticked: the first value of the first filter.
  const box = page.locator('.filters .facet-values input[type=checkbox]:not([disabled])').first();
  const boxId = await box.getAttribute('id');
  await box.check();
  // A year chosen: the last year as the first.
  const from = page.locator('#year-from');
  const year = (await from.locator('option').allInnerTexts()).at(-1);
  await from.selectOption(year);
  // A disclosure opened, and a button pressed.
  await page.locator('#asof-summary').click();
  await page.getByRole('button', { name: 'Copy link to this view' }).click();
  assert.equal(await page.locator('html[data-app]').count(), 0, 'all of it before the app started');
  release();
  await appReady(page);
  // The app's state follows every control: the filter and the year are in the address.
  await page.waitForFunction((y) => new URLSearchParams(location.hash.slice(1)).get('years')?.startsWith(y), year);
  assert.equal(await page.locator(`#${boxId}`).isChecked(), true, 'the box stays ticked');
  const params = new URLSearchParams(await page.evaluate(() => location.hash.slice(1)));
  assert.ok([...params.keys()].some((k) => !['years', 'q'].includes(k)), `the filter is applied: ${params}`);
  assert.equal(await page.locator('#year-from').inputValue(), year);
  assert.equal(await page.locator('details.asof-pick').getAttribute('open'), '', 'the disclosure stays open');
  // The button was pressed for real: the link is copied.
  await page.locator('.share .copy-status', { hasText: 'Link copied' }).waitFor();
  assert.ok((await page.evaluate(() => navigator.clipboard.readText())).startsWith(server.url));
  assert.deepEqual(page.problems(), []);
  // "Show more" pressed twice before the app starts: it shows two pages more.
  const held = await heldOpen(ctx, '');
  const more = held.page.locator('#results .show-more');
  if (await more.count()) {
    const total = Number((await held.page.locator('#search-status').innerText()).match(/\d+/)[0]);
    const shown = await held.page.locator('#results article.result').count();
    await more.click();
    await more.click();
    assert.equal(await held.page.locator('html[data-app]').count(), 0, 'both presses before the app started');
    held.release();
    await appReady(held.page);
    await held.page.waitForFunction((n) => document.querySelectorAll('#results article.result').length >= n, Math.min(total, shown * 3));
    assert.deepEqual(held.page.problems(), []);
  }
});

test('with JavaScript off: one line says what needs it, no dead control is offered, Enter searches once the app can, and the data files are linked', async (t) => {
  const off = await launch({ javaScriptEnabled: false });
  t.after(() => off.close());
  const page = await openPage(off);
  await page.goto(server.url);
  const line = page.locator('.no-script');
  assert.match(await line.innerText(), /JavaScript is off/);
  for (const [name, path] of [['documents', 'documents/'], ['table', 'table/']]) {
    assert.equal(new URL(await line.getByRole('link', { name: new RegExp(name === 'table' ? 'table' : 'documents') }).getAttribute('href'), server.url).href, server.url + path, name);
  }
  // No button (each needs the app), no filters or date control; nothing says it is loading.
  assert.deepEqual(await page.locator('#app button').evaluateAll((bs) => bs.filter((b) => b.checkVisibility()).map((b) => b.textContent)), []);
  for (const gone of ['.filters', '.asof']) assert.equal(await page.locator(gone).first().isVisible(), false, gone);
  assert.doesNotMatch(await page.locator('body').innerText(), /Checking|Loading/);
  // Enter in the search box goes to the start page with the query, where the line says why
  // there are no results.
  await page.locator('#q').fill('peace');
  await Promise.all([page.waitForURL(/\?q=peace/), page.locator('#q').press('Enter')]);
  assert.ok(await page.locator('.no-script').isVisible());
  // The documents page links every data file, and each is there.
  await page.goto(`${server.url}documents/`);
  const files = await page.locator('.data-files a').evaluateAll((as) => as.map((a) => a.href));
  assert.ok(files.length >= 6, `${files}`);
  for (const f of files) assert.equal((await page.request.get(f)).status(), 200, f);
  // (With JavaScript off the browser refuses the app's script, and a page left for another
  // cancels its icon: neither is a fault of the page.)
  assert.deepEqual(page.problems().filter((p) => !/\.js csp$|ERR_ABORTED/.test(p)), []);
  // With the app, the same address shows the search it asked for.
  const on = await launch();
  t.after(() => on.close());
  const live = await openPage(on);
  await live.goto(`${server.url}?q=peace`);
  await appReady(live);
  assert.equal(await live.locator('#q').inputValue(), 'peace');
  await live.waitForFunction(() => /result/.test(document.querySelector('#search-status').innerText));
  assert.deepEqual(live.problems(), []);
});
