// Pages are found however their path is written (a doubled slash, no final slash, index.html,
// a wrongly cased id), and a path with no page gets the site's 404.html: it says so, offers the
// search box and the closest cards, and works offline and under a base path.
// Which cards there are comes from the build's own data files, never from the curated data.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, appReady, screenshot, SITE_DIR, closing, parseCsv } from './harness.mjs';

const { fresh, served } = closing();

/** One fact's id and title, and one document's id, from the build's data files. */
let fact, doc;
before(async () => {
  const { facts } = JSON.parse(await readFile(join(SITE_DIR, 'data', 'facts.json'), 'utf8'));
  const f = facts[Math.floor(facts.length / 2)];
  fact = { id: f.id, title: f.title };
  const [, first] = parseCsv((await readFile(join(SITE_DIR, 'data', 'documents.csv'), 'utf8')).replace(/^\uFEFF/, ''));
  doc = first[0];
});

/** What a user would notice of a page: styled, the app running, where its links lead. */
async function looksRight(page, what) {
  await appReady(page);
  const seen = await page.evaluate(() => ({
    styled: getComputedStyle(document.querySelector('.site-header')).display === 'flex',
    path: location.pathname,
    badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.href).filter((h) => /\/(card|doc)\/(card|doc)\//.test(h)),
  }));
  assert.ok(seen.styled, `${what}: the page is styled`);
  assert.deepEqual(seen.badLinks, [], `${what}: links resolve from the site root`);
  return seen;
}

test('a page opens styled, with the app, however its path is written', async () => {
  const server = await served();
  const ctx = await fresh();
  const cases = [
    [`card/${fact.id}//`, `/card/${fact.id}/`],
    [`card//${fact.id}/`, `/card/${fact.id}/`],
    [`/card/${fact.id}`, `/card/${fact.id}/`],
    [`card/${fact.id}/index.html`, `/card/${fact.id}/index.html`],
  ];
  for (const [path, lands] of cases) {
    const page = await openPage(ctx);
    await page.goto(server.origin + '/' + path.replace(/^\//, ''));
    const seen = await looksRight(page, path);
    assert.equal(seen.path, lands, path);
    assert.equal(await page.locator('#card-title').innerText(), fact.title, path);
    // The odd address's own load is cut short by the move to the right one: that is the fix.
    const moved = (p) => p.startsWith(`request failed: ${server.origin}/${path.replace(/^\//, '')} `) && p.endsWith('ERR_ABORTED');
    assert.deepEqual(page.problems().filter((p) => !moved(p)), [], path);
    await page.close();
  }
  const page = await openPage(ctx);
  await page.goto(`${server.origin}/doc//${doc}/`);
  await looksRight(page, 'a document');
  await page.locator('#doc-title').waitFor();
  assert.deepEqual(page.problems(), []);
});

test('a path with no page gets the not-found page: it says so, with the card meant or the closest', async () => {
  const server = await served();
  const ctx = await fresh();
  const page = await openPage(ctx);
  // A wrongly cased id: the card it names is shown, with the notice.
  const cased = `card/${fact.id.toUpperCase()}/`;
  const answer = await page.goto(`${server.url}${cased}`);
  assert.equal(answer.status(), 404);
  await looksRight(page, cased);
  assert.match(await page.locator('.notices').innerText(), new RegExp(`no page at “/${cased}”`, 'i'));
  assert.equal(await page.locator('#card-title').innerText(), fact.title);
  await page.getByRole('searchbox').waitFor();
  // An id that is no card: the closest cards, as links to their pages.
  const close = `card/${fact.id}x/`;
  await page.goto(`${server.url}${close}`);
  await looksRight(page, close);
  assert.match(await page.locator('.notices').innerText(), /no page at/i);
  const offered = await page.locator('.not-found li a').evaluateAll((as) => as.map((a) => a.href));
  assert.ok(offered.includes(`${server.url}card/${fact.id}/`), `the card meant is offered: ${offered}`);
  // Nothing like a card: the start view, with the notice and the search box.
  await page.goto(`${server.url}some/where/deep/%20/`);
  await looksRight(page, 'a deep path');
  assert.equal(await page.locator('.notices li').count(), 1);
  await page.getByRole('searchbox').fill('peace');
  await page.locator('#results article').first().waitFor();
  await screenshot(page, 'not-found-page');
  assert.deepEqual(page.problems().filter((p) => !/ 404\b/.test(p)), []);
});

test('offline, the worker answers odd and unknown paths: the page, or the not-found page', async () => {
  for (const base of ['/', '/explorer/']) {
    const server = await served({ base });
    const ctx = await fresh();
    const page = await openPage(ctx);
    await page.goto(server.url);
    await appReady(page);
    await page.locator('#offline-status', { hasText: 'Available offline' }).waitFor({ timeout: 20000 });
    await server.close();
    for (const [path, shows] of [
      [`card/${fact.id}`, fact.title],
      [`card//${fact.id}//`, fact.title],
      [`card/${fact.id.toUpperCase()}/`, fact.title],
    ]) {
      await page.goto(server.url + path);
      await looksRight(page, `${base} ${path}`);
      assert.equal(await page.locator('#card-title').innerText(), shows, `${base} ${path}`);
    }
    await page.goto(`${server.url}no/such/page/`);
    await looksRight(page, `${base} unknown`);
    assert.match(await page.locator('.notices').innerText(), /no page at “\/no\/such\/page\/”/i);
    // The not-found page's links lead to the site under its base path.
    const home = await page.locator('a.home').evaluate((a) => a.href);
    assert.ok(home.startsWith(server.url), `${home} under ${server.url}`);
  }
});
