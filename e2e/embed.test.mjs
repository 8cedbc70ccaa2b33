// Embeds: a view's URL with embed=1 shows only the view's content, framed by a page on another
// origin (a second loopback port): content shown, links open outside the frame, no console
// error, no CSP violation, axe clean; and "Embed" beside "Copy link" gives the <iframe> code.
// Which cards there are comes from the build's own data files, never from the curated data.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, openPage, appReady, watchCsp, screenshot, SITE_DIR } from './harness.mjs';
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
  assert.match(code, /^<iframe src="[^"]+#view=timeline&amp;embed=1" title="[^"]+" width="100%" height="\d+" style="border:0" loading="lazy"><\/iframe>$/);

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
