// Shareable links for every view, and offline use after the first load.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPage, appReady, screenshot, SITE_DIR, listed, closing } from './harness.mjs';
import { writeServiceWorker, SINGLE_FILE } from '../.ci/post-build.mjs';

const { fresh, served } = closing();

async function open(ctx, url) {
  const page = await openPage(ctx);
  await page.goto(url);
  await appReady(page);
  return page;
}

const cardTitle = (page) => page.locator('.card-detail h2').innerText();

test('a card link and a search link round-trip through a fresh browser', async () => {
  const server = await served();
  const a = await fresh();
  const page = await open(a, server.url);
  await page.getByRole('searchbox').fill('peace mission');
  await page.locator('#f-type-exercise').check();
  await page.locator('#results').getByRole('link', { name: 'Peace Mission 2016' }).click();
  await page.locator('.card-detail').waitFor();
  const link = page.url();
  assert.match(link, /#q=peace\+mission&type=exercise&card=peace-mission-2016$/);
  await listed(page);
  const results = await page.locator('#results article h3').allInnerTexts();

  const b = await fresh();
  const other = await open(b, link);
  await other.locator('.card-detail').waitFor();
  assert.equal(await cardTitle(other), 'Peace Mission 2016');
  assert.equal(await other.getByRole('searchbox').inputValue(), 'peace mission');
  assert.ok(await other.locator('#f-type-exercise').isChecked());
  await listed(other);
  assert.deepEqual(await other.locator('#results article h3').allInnerTexts(), results);
  // A document with a highlighted quote, and a stretch of the timeline, come back too.
  const reader = await open(b, `${server.url}#read=001_5f9b55a6b9e11d19&quote=belarus-sco-observer.1`);
  const quote = (await reader.locator('mark.quote').allInnerTexts()).join('').replace(/\u00a0/g, ' ');
  assert.equal(quote, 'the Republic of Belarus, a SCO observer');
  const tl = await open(b, `${server.url}#view=timeline&t=2015-01-01..2019-12-31`);
  assert.equal(await tl.locator('.toolbar .range').innerText(), '2015\u20132019');
  assert.deepEqual(other.problems(), []);
});

test('Back and Forward move through views; typing does not flood the history', async () => {
  const server = await served();
  const ctx = await fresh();
  const page = await open(ctx, server.url);
  const box = page.getByRole('searchbox');
  const start = await page.evaluate(() => history.length);
  await page.evaluate(() => {
    const replace = history.replaceState.bind(history);
    window.__writes = 0;
    history.replaceState = (...args) => { window.__writes += 1; return replace(...args); };
  });
  // A key every 40 ms, so that each is its own render (keys that arrive together are one).
  await box.pressSequentially('moscow', { delay: 40 });
  assert.equal(await page.evaluate(() => history.length), start, 'six keystrokes add no history entry');
  // Straight on to a card, before the typing pauses: what was typed still goes into its own
  // entry (Back below finds it), written once rather than at every key.
  await page.locator('#results').getByRole('link', { name: 'Moscow', exact: true }).click();
  await page.locator('.card-detail').waitFor();
  assert.ok(await page.evaluate(() => window.__writes) <= 2, 'six keystrokes write the address once or twice, not six times');
  await page.locator('#f-type-place').check();
  await page.waitForFunction(() => location.hash.includes('type=place'));
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('type=place'));
  assert.equal(await page.locator('#f-type-place').isChecked(), false);
  assert.equal(await cardTitle(page), 'Moscow');
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('.card-detail'));
  assert.equal(await box.inputValue(), 'moscow');
  assert.equal(await page.evaluate(() => history.length), start + 2, 'the card and the filter are one step each');
  await page.goForward();
  await page.locator('.card-detail').waitFor();
  assert.equal(await cardTitle(page), 'Moscow');
  await page.goForward();
  await page.waitForFunction(() => location.hash.includes('type=place'));
  assert.ok(await page.locator('#f-type-place').isChecked());
});

test('copy link and cite: with the clipboard, and with the select-the-text fallback', async () => {
  const server = await served();
  const ctx = await fresh();
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await open(ctx, `${server.url}#q=belarus&card=belarus-sco-observer`);
  await page.getByRole('button', { name: 'Copy link to this view' }).click();
  await page.locator('.share .copy-status', { hasText: 'Link copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  await page.locator('.cite summary').click();
  // The document has a no-break space in "Republic of Belarus"; the citation keeps it verbatim.
  const citation = await page.locator('#citation-text').inputValue();
  const plain = citation.replace(/\u00a0/g, ' ');
  // What it says comes from the build's own data: the title, each source's title and quotes.
  const fact = JSON.parse(await readFile(join(SITE_DIR, 'data', 'facts.json'), 'utf8')).facts.find((f) => f.id === 'belarus-sco-observer');
  assert.ok(plain.startsWith(`${fact.title}. `), plain);
  for (const src of fact.sources) {
    assert.ok(citation.includes(`“${src.title}`), src.title);
    for (const q of src.quotes) assert.ok(citation.includes(`“${q}”`), `the quote, verbatim: ${q}`);
  }
  assert.match(plain, / http:\/\/127\.0\.0\.1:\d+\/card\/belarus-sco-observer\/$/, 'a citation gives the card\'s page');
  await page.getByRole('button', { name: 'Copy citation' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), citation);

  // Without clipboard permission the link is selected for Ctrl+C instead.
  const denied = await fresh();
  const p2 = await open(denied, `${server.url}#card=moscow`);
  await p2.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await p2.locator('.card-detail').getByRole('button', { name: 'Copy link' }).click();
  await p2.locator('.card-actions .copy-status', { hasText: 'selected' }).waitFor();
  assert.equal(await p2.evaluate(() => document.activeElement.id), 'permalink-text');
  assert.match(await p2.evaluate(() => window.getSelection().toString() || document.activeElement.value), /\/card\/moscow\/$/);
});

test('after one online load the app reloads and searches with the server gone', async () => {
  const server = await served();
  const ctx = await fresh();
  const page = await open(ctx, server.url);
  await page.locator('#offline-status', { hasText: 'Available offline' }).waitFor({ timeout: 20000 });
  await server.close();
  await page.reload();
  await appReady(page);
  await page.getByRole('searchbox').fill('yekaterinburg');
  await page.locator('#results article h3', { hasText: 'Yekaterinburg' }).first().waitFor();
  // A deep link typed while offline works too.
  await page.goto(`${server.url}#card=peace-mission-2020`);
  await page.locator('.card-detail h2', { hasText: 'Peace Mission 2020' }).waitFor();
  await screenshot(page, 'offline-card');
});

/** Makes a second release from the first: a changed stylesheet under a new hashed name. */
async function secondRelease(from) {
  const dir = await mkdtemp(join(tmpdir(), 'sco-v2-'));
  await cp(from, dir, { recursive: true });
  const css = (await readdir(dir)).find((f) => /^main-[0-9a-f]+\.css$/.test(f));
  const body = (await readFile(join(dir, css), 'utf8')) + '\n/* release 2 */\n';
  const name = `main-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.css`;
  await writeFile(join(dir, css), body);
  await rename(join(dir, css), join(dir, name));
  let html = await readFile(join(dir, 'index.html'), 'utf8');
  const link = new RegExp(`<link [^>]*href=\\./${css}[^>]*>`);
  assert.match(html, link, 'index.html names the stylesheet');
  html = html.replace(link, `<link href=./${name} rel=stylesheet>`);
  html = html.replace('<title>', '<meta name=x-release content=2><title>');
  await writeFile(join(dir, 'index.html'), html);
  const { version } = await writeServiceWorker(dir);
  return { dir, css: name, version };
}

test('a new release is offered, then taken whole: no mixed files, old cache removed', async () => {
  const v1 = await mkdtemp(join(tmpdir(), 'sco-v1-'));
  await cp(SITE_DIR, v1, { recursive: true });
  const server = await served({ root: v1 });
  const ctx = await fresh();
  const page = await open(ctx, server.url + '#q=friendship');
  await page.locator('#offline-status', { hasText: 'Available offline' }).waitFor({ timeout: 20000 });
  const oldCss = await page.locator('link[rel=stylesheet]').getAttribute('href');

  const v2 = await secondRelease(v1);
  server.setRoot(v2.dir);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const banner = page.locator('.update-banner');
  await banner.waitFor({ timeout: 20000 });
  assert.match(await banner.innerText(), /A new version of the explorer is available/);
  // Until the user says so, the page keeps running the release it started with.
  assert.equal(await page.locator('link[rel=stylesheet]').getAttribute('href'), oldCss);
  assert.equal(await page.locator('meta[name=x-release]').count(), 0);

  const before = server.requests.length;
  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload to update' }).click()]);
  await appReady(page);
  assert.equal(await page.locator('meta[name=x-release]').count(), 1, 'the new release is running');
  // (The app pins the head's links to absolute URLs at start; the file name is what counts.)
  assert.equal((await page.locator('link[rel=stylesheet]').getAttribute('href')).split('/').pop(), v2.css);
  assert.equal(await page.getByRole('searchbox').inputValue(), 'friendship', 'the view survives the update');
  const keys = await page.evaluate(() => caches.keys());
  assert.deepEqual(keys, [`sco-explorer-${v2.version}`], 'the old cache is gone');
  // The new page came from the new cache: nothing of the old release was asked for again.
  assert.ok(!server.requests.slice(before).some((p) => p.endsWith(`/${oldCss.split('/').pop()}`)));
  assert.deepEqual(page.problems(), []);
});

test('an update taken in one tab works from every other tab, which says it runs the old version', async () => {
  const v1 = await mkdtemp(join(tmpdir(), 'sco-v1-'));
  await cp(SITE_DIR, v1, { recursive: true });
  const server = await served({ root: v1 });
  const ctx = await fresh();
  const tabs = [];
  for (const q of ['friendship', 'moscow', 'india']) {
    const tab = await open(ctx, `${server.url}#q=${q}`);
    await tab.locator('#offline-status', { hasText: 'Available offline' }).waitFor({ timeout: 20000 });
    tabs.push(tab);
  }
  const v2 = await secondRelease(v1);
  server.setRoot(v2.dir);
  await tabs[0].evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  for (const tab of tabs) await tab.locator('.update-banner').waitFor({ timeout: 20000 });

  // The middle tab takes the update first.
  const [first, ...others] = [tabs[1], tabs[0], tabs[2]];
  await Promise.all([first.waitForEvent('load'), first.getByRole('button', { name: 'Reload to update' }).click()]);
  await appReady(first);
  assert.equal(await first.locator('meta[name=x-release]').count(), 1);
  for (const tab of others) {
    // The others say they run the old release beside the new cache, and their button works.
    const banner = tab.locator('.update-banner', { hasText: 'updated in another tab' });
    await banner.waitFor({ timeout: 10000 });
    assert.match(await tab.locator('#offline-status').innerText(), /reload to use it/);
    const query = await tab.getByRole('searchbox').inputValue();
    await Promise.all([
      tab.waitForEvent('load', { timeout: 10000 }),
      banner.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await appReady(tab);
    assert.equal(await tab.locator('meta[name=x-release]').count(), 1, 'the new release is running');
    assert.equal(await tab.getByRole('searchbox').inputValue(), query, 'the view survives the update');
    assert.equal(await tab.locator('.update-banner').count(), 0);
  }
  assert.deepEqual(await first.evaluate(() => caches.keys()), [`sco-explorer-${v2.version}`]);
  for (const tab of tabs) assert.deepEqual(tab.problems(), []);
});

test('the single-file edition opens from file:// and finds a card', async () => {
  const ctx = await fresh();
  const url = pathToFileURL(join(SITE_DIR, SINGLE_FILE)).href + '#q=kyrgyzstan';
  const page = await open(ctx, url);
  await page.locator('#results article h3', { hasText: 'Kyrgyzstan' }).first().waitFor();
  await page.locator('#results').getByRole('link', { name: 'Kyrgyzstan', exact: true }).click();
  await page.locator('.card-detail h2', { hasText: 'Kyrgyzstan' }).waitFor();
  await page.locator('#offline-status', { hasText: 'Single-file edition' }).waitFor();
  assert.deepEqual(page.problems(), []);
});

test('the site works under a base path, online and offline', async () => {
  const server = await served({ base: '/explorer/' });
  const ctx = await fresh();
  const page = await open(ctx, server.url + '#q=csto');
  await page.locator('#results article h3', { hasText: 'CSTO' }).first().waitFor();
  await page.locator('#offline-status', { hasText: 'Available offline' }).waitFor({ timeout: 20000 });
  assert.deepEqual(page.problems(), []);
  assert.ok(server.requests.every((p) => p.startsWith('/explorer/')), 'every request stays under the base path');
});

test('garbage URLs show a notice and a working app, never a blank page', async () => {
  const server = await served();
  const ctx = await fresh();
  const cases = [
    ['#%E0%A4%A&&&==%', /Ignored/],
    ['#q=' + 'x'.repeat(100000), /cut to 500 characters/],
    ['#card=no-such-card', null],
    ['#read=no_such_document', null],
    ['#view=zzz&years=abcd&type=foo,exercise', /Unknown view/],
    ['#t=9999-99-99..x&view=timeline', /timeline range/],
    ['#quote=peace-mission-2016.9&read=000_05d95eeefa1e2818', null],
    ['#' + encodeURIComponent('<img src=x onerror=alert(1)>') + '=1', /Ignored the unknown link parameter/],
    ['#ent=' + Array.from({ length: 400 }, (_, i) => `e${i}`).join(','), /first 200 values/],
  ];
  for (const [hash, notice] of cases) {
    const page = await open(ctx, server.url + hash);
    assert.equal(await page.locator('main').count(), 1, hash);
    if (notice) assert.match(await page.locator('.notices').innerText(), notice, hash.slice(0, 60));
    assert.deepEqual(page.problems(), [], hash.slice(0, 60));
    await page.close();
  }
  const unknown = await open(ctx, server.url + '#card=peace-mission-2019');
  assert.match(await unknown.locator('.not-found h2').innerText(), /No card “peace-mission-2019”/);
  assert.ok((await unknown.locator('.not-found li').allInnerTexts()).some((t) => t.startsWith('Peace Mission')));
  const nodoc = await open(ctx, server.url + '#read=no_such_document');
  assert.match(await nodoc.locator('main h2').first().innerText(), /Document not found/);
  const noquote = await open(ctx, server.url + '#quote=peace-mission-2016.9&read=000_05d95eeefa1e2818');
  assert.match(await noquote.locator('.notice-inline').innerText(), /not in this document/);
  // No script ran from the URL.
  assert.equal(await unknown.evaluate(() => document.querySelectorAll('main img').length), 0);

  // 10,000 junk parameters: one notice, and the address is rewritten without them, so a reload
  // (or a copied link) does not bring the notice back.
  const junk = await open(ctx, server.url + '#q=moscow&' + 'x&'.repeat(10000));
  assert.equal(await junk.locator('.notices li').count(), 1);
  await junk.waitForFunction(() => location.hash === '#q=moscow');
  await junk.reload();
  await junk.locator('#results article').first().waitFor();
  assert.equal(await junk.locator('.notices').count(), 0);
  // Bidi controls are not shown back reversed.
  const bidi = await open(ctx, server.url + '#q=peace%E2%80%AEmission&card=paki%E2%80%AEstan');
  assert.match(await bidi.locator('.notices').innerText(), /pakistan/);
  // Copied links come from the app's own address, not the query string a link arrived with.
  const tagged = await open(ctx, server.url.replace(/\/$/, '') + '/?utm_source=x#card=moscow');
  assert.doesNotMatch(await tagged.locator('#view-link').inputValue(), /utm_source/);
  assert.doesNotMatch(await tagged.locator('#permalink-text').inputValue(), /utm_source/);
});
