// Security and resilience: the CSP holds with no violations, hostile data renders as inert
// text, and a panic shows a panel with a way out instead of a dead page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, openPage, appReady, watchCsp, screenshot, closing, FIXTURE_DIR } from './harness.mjs';
import { createHash } from 'node:crypto';
import { PATH_FIXER } from '../.ci/post-build.mjs';

let site, fixture;
before(async () => { site = await serve(); fixture = await serve({ root: FIXTURE_DIR }); });
after(async () => { await site?.close(); await fixture?.close(); });
// Every browser a test opens is closed when the file ends, also after a failed test (an open
// one would keep the test process alive).
const { fresh } = closing();

test('the app runs under a strict CSP with no violations', async () => {
  const ctx = await fresh();
  await watchCsp(ctx);
  const page = await openPage(ctx);
  await page.goto(site.url);
  await appReady(page);
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:/, 'no inline code, no eval, no external origins');
  // One inline script, the path fixer, allowed by its hash alone.
  const inline = await page.locator('script:not([src]):not([type="application/ld+json"])').allTextContents();
  assert.deepEqual(inline, [PATH_FIXER], 'no inline script in the page but the path fixer');
  assert.ok(csp.includes(`'sha256-${createHash('sha256').update(PATH_FIXER).digest('base64')}'`));
  for (const hash of ['#q=peace', '#card=peace-mission-2018', '#read=000_05d95eeefa1e2818&quote=peace-mission-2016.1', '#view=timeline', '#view=table', '#view=documents']) {
    await page.goto(site.url + hash);
    await appReady(page);
    await page.waitForLoadState('networkidle');
  }
  await page.locator('#q').fill('zzz');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.problems(), []);
});

test('markup, script URLs and odd Unicode in the data render as inert text', async () => {
  const ctx = await fresh();
  await watchCsp(ctx);
  const page = await openPage(ctx);
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(fixture.url + '#q=script');
  await appReady(page);
  const title = page.locator('#results article h3').first();
  assert.equal(await title.innerText(), "<script>alert('title')</script> meeting");
  await title.getByRole('link').click();
  const card = page.locator('.card-detail');
  await card.locator('h2').waitFor();
  assert.equal(await card.locator('h2').innerText(), "<script>alert('title')</script> meeting");
  assert.match(await card.locator('.summary').innerText(), /<img src=x onerror=alert\('summary'\)> and <a href="javascript:alert\(8\)">a link<\/a>\./);
  assert.match(await card.innerText(), /Ministry of <img src=x onerror=alert\(1\)> Testing/);
  await card.getByRole('link', { name: 'Read in context' }).first().click();
  const reader = page.locator('article.reader');
  await reader.waitFor();
  const text = await reader.innerText();
  assert.match(text, /<a href="javascript:alert\(3\)">click me<\/a>/);
  assert.match(text, /<i onmouseover=alert\(5\)>Outlet<\/i>/);
  assert.match(text, /\u202eesrever\u202c/, 'odd Unicode is kept as text');
  assert.match(text, /\u{1F642}/u);
  // Nothing became markup or ran.
  for (const sel of ['main script', 'main img', 'main svg[onload]', 'main b', 'main i', 'a[href^="javascript:"]', '[onerror]', '[onmouseover]']) {
    assert.equal(await page.locator(sel).count(), 0, sel);
  }
  // Every link points inside the site.
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href'), location.href).href));
  assert.ok(hrefs.length > 3 && hrefs.every((h) => h.startsWith(fixture.url)), hrefs.join(' '));
  await page.locator('#q').fill('xanadu');
  await page.locator('#results article h3', { hasText: 'Xanadu' }).waitFor();
  assert.deepEqual(dialogs, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.problems(), []);
});

test('a panic shows a panel with the message and a working reload', async () => {
  const ctx = await fresh();
  const page = await openPage(ctx);
  await page.goto(fixture.url + '#q=xanadu');
  await appReady(page);
  await page.evaluate(() => { try { window.__scoPanic('deliberate test panic'); } catch { /* the wasm traps */ } });
  const panel = page.getByRole('alert');
  await panel.waitFor();
  assert.match(await panel.innerText(), /Something went wrong[\s\S]*deliberate test panic/);
  await screenshot(page, 'panic-panel');
  await Promise.all([page.waitForEvent('load'), panel.getByRole('button', { name: 'Reload' }).click()]);
  await appReady(page);
  await page.locator('#results article h3', { hasText: 'Xanadu' }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
});

test('very long queries and hundreds of filters keep the page responsive', async () => {
  const ctx = await fresh();
  const page = await openPage(ctx);
  const ents = Array.from({ length: 200 }, (_, i) => `entity-${i}`).join(',');
  await page.goto(`${site.url}#ent=${ents}&q=peace`);
  await appReady(page);
  const box = page.locator('#q');
  const t0 = Date.now();
  await box.fill('peace mission '.repeat(400));
  await page.waitForFunction(() => document.querySelector('#q').value.length > 0);
  assert.ok(Date.now() - t0 < 5000, 'a 5,600-character paste is handled');
  assert.ok((await box.inputValue()).length <= 500, 'the query is cut to 500 characters');
  assert.equal(await page.locator('.chips li').count(), 200);
  assert.deepEqual(page.problems(), []);
});

/** A small seeded generator (mulberry32), so the hostile corpus is the same on every run. */
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('a few hundred hostile link fragments: no page error, no notice flood, first cards in time', async () => {
  const next = rng(20261128);
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const keys = ['q', 'type', 'ent', 'years', 'src', 'status', 'sources', 'certainty', 'date', 'card', 'read', 'quote', 't', 'view', 'x', '', '%', '&&', '=='];
  const values = [
    '', 'peace', 'exercise,meeting', 'pakistan,india', '2016-2018', '9999', '-87', 'timeline', 'table', 'zzz',
    'peace-mission-2018', '000_05d95eeefa1e2818', 'peace-mission-2016.1', '2015-01-01..2021-01-01', '-2087-11-20..-1887-11-26',
    '%E2%80%AE', '%E2%80%8B', '%ZZ', '%F0%9F%99%82', '<script>', 'javascript:alert(1)', 'a'.repeat(3000), 'x,'.repeat(300),
  ];
  const fragments = Array.from({ length: 300 }, () => {
    const n = 1 + Math.floor(next() * 6);
    return '#' + Array.from({ length: n }, () => `${pick(keys)}=${pick(values)}`).join('&');
  });
  const ctx = await fresh();
  const page = await openPage(ctx);
  await page.goto(site.url);
  await appReady(page);
  for (const f of fragments) {
    await page.evaluate((h) => { location.hash = h; }, f);
    await page.locator('main').waitFor();
    const notices = await page.locator('.notices li').count();
    assert.ok(notices <= 6, `${notices} notices for ${f.slice(0, 80)}`);
  }
  assert.deepEqual(page.problems(), []);
  // A fresh load of a hostile link still shows cards quickly.
  for (const f of fragments.slice(0, 5)) {
    const p = await openPage(ctx);
    const start = Date.now();
    await p.goto(site.url + '#q=&' + f.slice(1));
    await p.locator('#results article, .timeline-view, .documents, .reader, .not-found, .card-detail').first().waitFor({ timeout: 2000 });
    assert.ok(Date.now() - start < 2000 + 1000, f.slice(0, 80));
    await p.close();
  }
});
