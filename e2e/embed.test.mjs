// Embeds: a view's URL with embed=1 shows only the view's content, framed by a page on another
// origin (a second loopback port): content shown, links open outside the frame, no console
// error, no CSP violation, axe clean; and "Embed" beside "Copy link" gives the <iframe> code.
// Which cards there are comes from the build's own data files, never from the curated data.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, openPage, appReady, watchCsp, screenshot, closing, documentDays, SITE_DIR } from './harness.mjs';
import { startServer } from '../.ci/server.mjs';
import { axe } from './a11y.mjs';

let site, other, otherRoot, ctx, fact;
before(async () => {
  site = await serve();
  // The other site, on another port: a folder of article pages, written per test.
  otherRoot = await mkdtemp(join(tmpdir(), 'sco-embedder-'));
  other = await startServer({ root: otherRoot });
  ctx = await launch();
  await watchCsp(ctx);
  const { facts } = JSON.parse(await readFile(join(SITE_DIR, 'data', 'facts.json'), 'utf8'));
  fact = facts.find((f) => f.date.iso) ?? facts[0];
});
after(async () => { await ctx?.close(); await site?.close(); await other?.close(); });

/** A page on the other origin that frames `src` as the explorer's embed code would. */
async function framing(name, iframe) {
  const dir = other.url.replace(/\/$/, '');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title><link rel="icon" href="data:,"></head>
<body><main><h1>An article about the SCO</h1><p>As the explorer shows:</p>${iframe}</main></body></html>`;
  await writeFile(join(otherRoot, `${name}.html`), html);
  return `${dir}/${name}.html`;
}

/** The explorer's frame in `page`, once its app has started. */
async function explorerFrame(page) {
  const el = await page.waitForSelector('iframe');
  const frame = await el.contentFrame();
  await frame.waitForSelector('html[data-app="live"] main', { state: 'attached', timeout: 15000 });
  return frame;
}

test('the embed code from "Embed" frames the timeline on another site: marks, legend, links leaving the frame', async () => {
  // The code comes from the explorer's own "Embed" control on the timeline.
  const explorer = await openPage(ctx);
  await explorer.goto(`${site.url}timeline/`);
  await appReady(explorer);
  await explorer.locator('.embed-code summary').click();
  const code = await explorer.locator('#embed-code').inputValue();
  assert.match(code, /^<iframe src="[^"]+\/timeline\/#embed=1" title="[^"]+" width="100%" height="\d+" style="border:0" loading="lazy"><\/iframe>$/);

  const page = await openPage(ctx);
  await page.goto(await framing('timeline', code));
  const frame = await explorerFrame(page);
  // The charts with their marks and the legend, and nothing of the explorer's frame.
  assert.ok(await frame.locator('svg.chart a.mark').count() > 0, 'marks are drawn');
  assert.ok(await frame.locator('.legend').isVisible());
  for (const gone of ['.site-header', '.filters', '.search', '.site-footer']) {
    assert.equal(await frame.locator(gone).count(), 0, `${gone} is not embedded`);
  }
  assert.match(await frame.locator('.embed-source').innerText(), /Data: \d+ documents/);
  const open = frame.locator('.embed-open');
  assert.equal(await open.getAttribute('target'), '_blank');
  assert.doesNotMatch(await open.getAttribute('href'), /embed/, 'the full explorer, not the embed');
  // A mark opens its card in the full explorer, in a new tab; the article stays.
  const mark = frame.locator('svg.chart a.mark[target=_blank]').first();
  const [tab] = await Promise.all([ctx.waitForEvent('page'), mark.click()]);
  await tab.waitForLoadState();
  await appReady(tab);
  assert.equal(await tab.locator('.card-detail').count(), 1, 'the card, in the full explorer');
  assert.equal(await tab.locator('.site-header').count(), 1);
  assert.equal(page.url(), `${other.url}timeline.html`, 'the article is still there');
  assert.deepEqual(await axe(frame), []);
  assert.deepEqual(await frame.evaluate(() => window.__csp), [], 'no CSP violation');
  await screenshot(page, 'embed-timeline');
  assert.deepEqual(page.problems(), []);
  await tab.close();
});

test('a card and the results embed too, each with its source line and links out', async () => {
  for (const [name, hash, shown] of [
    ['card', `#card=${fact.id}&embed=1`, '.card-detail #card-title'],
    ['results', '#q=2017&embed=1', '#results article'],
  ]) {
    const page = await openPage(ctx);
    await page.goto(await framing(name, `<iframe src="${site.url}${hash.replace(/&/g, '&amp;')}" title="A view" width="100%" height="640" loading="lazy"></iframe>`));
    const frame = await explorerFrame(page);
    await frame.locator(shown).first().waitFor();
    if (name === 'card') {
      assert.equal(await frame.locator('#card-title').innerText(), fact.title);
      // The card is the whole view: no "Back to results", no close.
      assert.ok(!(await frame.locator('.detail-bar').isVisible()));
    }
    assert.equal(await frame.locator('.site-header, .filters').count(), 0);
    // Every link in the frame leaves it.
    const staying = await frame.locator('main a[href]').evaluateAll((as) => as.filter((a) => a.target !== '_blank' && !a.getAttribute('href').startsWith('#')).map((a) => a.outerHTML.slice(0, 80)));
    assert.deepEqual(staying, [], `${name}: links that would navigate the frame`);
    assert.deepEqual(await axe(frame), [], name);
    assert.deepEqual(await frame.evaluate(() => window.__csp), [], name);
    assert.deepEqual(page.problems(), [], name);
    await page.close();
  }
});

test('a historical embed names its date, and a frame whose address drops embed shows the full explorer', async () => {
  const days = [...new Set((await documentDays(SITE_DIR)).values())].filter(Boolean).sort();
  const day = days[Math.floor(days.length / 2)];
  const page = await openPage(ctx);
  await page.goto(await framing('past', `<iframe src="${site.url}#q=&amp;asof=${day}&amp;embed=1" title="A view" width="100%" height="640"></iframe>`));
  const frame = await explorerFrame(page);
  const said = await frame.locator('.embed-asof').innerText();
  assert.match(said, /^Historical view: the sources as they stood on \d{1,2} \w+ \d{4}, when \d+ documents? had been written\.$/);
  assert.ok(said.includes(day.slice(0, 4)), `${said} names ${day}`);
  // Today's embed says nothing of the kind.
  await frame.evaluate(() => { location.hash = 'embed=1'; });
  await frame.waitForFunction(() => !document.querySelector('.embed-asof'));
  // Dropping embed from the address leaves the embed's layout for the full explorer.
  const top = await openPage(ctx);
  await top.goto(`${site.url}#card=${fact.id}&embed=1`);
  await top.waitForSelector('html[data-app="live"] main.embedded', { state: 'attached' });
  assert.equal(await top.locator('.site-header').count(), 0);
  await top.evaluate((id) => { location.hash = `card=${id}`; }, fact.id);
  await top.locator('.site-header').waitFor();
  assert.equal(await top.locator('main.embedded').count(), 0);
  assert.equal(await top.locator('.card-detail #card-title').innerText(), fact.title);
  assert.deepEqual(page.problems(), []);
  assert.deepEqual(top.problems(), []);
  await page.close();
  await top.close();
});

test('in a sandboxed frame the embed runs where the host sends CORS, and shows the view\'s page styled where it does not', async () => {
  const { served } = closing();
  // The code the card's page gives: the card's own page, marked as an embed.
  const explorer = await openPage(ctx);
  await explorer.goto(`${site.url}card/${fact.id}/`);
  await appReady(explorer);
  const code = await explorer.locator('#embed-code').inputValue();
  assert.ok(code.includes(`card/${fact.id}/#embed=1`), code);
  await explorer.close();
  const sandboxed = (origin) => code.replace('<iframe ', '<iframe sandbox="allow-scripts" ').replace(site.url, origin);
  const styled = (frame) => frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--border').trim() !== '');

  const page = await openPage(ctx);
  await page.goto(await framing('sandboxed', sandboxed(site.url)));
  const frame = await explorerFrame(page);
  await frame.locator('.card-detail #card-title').waitFor();
  assert.equal(await frame.locator('#card-title').innerText(), fact.title);
  assert.equal(await frame.locator('.site-header').count(), 0, 'the embed, not the page');
  assert.ok(await styled(frame), 'styled');
  assert.deepEqual(page.problems(), []);

  // A host without Access-Control-Allow-Origin: the script cannot run in the opaque origin,
  // and the frame shows the card's published page with its stylesheet.
  const bare = await served({ root: SITE_DIR, cors: false });
  const without = await openPage(ctx);
  await without.goto(await framing('sandboxed-no-cors', sandboxed(bare.url)));
  const el = await without.waitForSelector('iframe');
  const still = await el.contentFrame();
  await still.waitForLoadState('load');
  await still.locator('#card-title').waitFor();
  assert.equal(await still.locator('#card-title').innerText(), fact.title, 'the view\'s own page');
  assert.equal(await still.locator('#results').count(), 0, 'not the start page');
  assert.ok(await styled(still), 'styled, not bare HTML');
  await screenshot(without, 'embed-sandboxed-no-cors');
  await page.close();
  await without.close();
});

test('at a 32 px default font the Embed panel and the embed\'s way out stay on screen', async () => {
  const { fresh } = closing();
  const wide = await fresh({ fontSize: 32, viewport: { width: 1280, height: 900 } });
  const page = await openPage(wide);
  await page.goto(site.url);
  await appReady(page);
  await page.locator('.embed-code summary').click();
  const panel = await page.locator('.embed-panel').boundingBox();
  assert.ok(panel.x >= 0 && panel.x + panel.width <= 1280, `panel at ${panel.x}–${panel.x + panel.width}`);
  const narrow = await fresh({ fontSize: 32, viewport: { width: 360, height: 800 } });
  const embed = await openPage(narrow);
  await embed.goto(`${site.url}#card=${fact.id}&embed=1`);
  await embed.waitForSelector('html[data-app="live"] main.embedded', { state: 'attached' });
  const open = await embed.locator('.embed-open').boundingBox();
  assert.ok(open.x + open.width <= 360, `the link ends at ${open.x + open.width}`);
  assert.ok(await embed.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
});
