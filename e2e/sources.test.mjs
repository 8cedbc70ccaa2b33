// Many sources, one fact, on the many-sources fixture site (tests/fixtures/reports/: invented
// documents): the card's sources, badges and disagreements, results, the timeline's ghost and
// hatch, the table's words, the Sources filter, and axe in both themes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, openPage, appReady, screenshot, REPORTS_DIR, listed } from './harness.mjs';
import { axe } from './a11y.mjs';

let server, context;
before(async () => { server = await serve({ root: REPORTS_DIR }); context = await launch(); });
after(async () => { await context?.close(); await server?.close(); });

async function open(hash = '', ctx = context) {
  const page = await openPage(ctx);
  await page.goto(server.url + hash);
  await appReady(page);
  return page;
}

test('a fact several documents report shows each source, what changed and what they dispute', async () => {
  const page = await open('#card=northwind-2018');
  const card = page.locator('.card-detail');
  await card.getByRole('heading', { name: 'Northwind 2018' }).waitFor();
  assert.deepEqual(await card.locator('.source-badges li').allInnerTexts(), ['3 sources', 'revised', 'sources disagree on the date']);
  assert.match(await card.locator('.dispute').innerText(), /^Sources disagree on the date: “Fixture R2: under way” says 22–29 August 2018; “Fixture R3: an account” says 24–29 August 2018\.$/);
  const sources = card.locator('.source-list > li');
  assert.equal(await sources.count(), 3);
  // The plan stays the plan, as of its own document; no later word is put in its mouth.
  const first = await sources.nth(0).innerText();
  assert.match(first, /Fixture R1: a plan/);
  assert.match(first, /As of this document: Planned\s+September 2018/);
  assert.doesNotMatch(first, /August/);
  assert.match(await sources.nth(2).innerText(), /latest/);
  // Each source's quote opens its own document.
  await sources.nth(1).getByRole('link', { name: 'Read in context' }).click();
  await page.locator('article.reader').waitFor();
  assert.match(page.url(), /read=r2_outcome/);
  await screenshot(page, 'sources-reader');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('results carry the badges; the Sources filter counts and narrows', async () => {
  const page = await open('#q=northwind');
  const result = page.locator('#results article').first();
  await result.waitFor();
  assert.match(await result.locator('.source').innerText(), /^Sources: Fixture R1: a plan; Fixture R2: under way; Fixture R3: an account$/);
  assert.match(await result.locator('.source-badges').innerText(), /revised/);
  await page.getByRole('searchbox').fill('');
  const disputed = page.locator('#f-sources-disputed');
  const promised = Number((await page.locator('label[for="f-sources-disputed"]').innerText()).match(/(\d+)\s+results\s*$/)[1]);
  assert.equal(promised, 2);
  await disputed.check();
  await page.waitForFunction(() => location.hash.includes('sources=disputed'));
  await listed(page);
  assert.equal(await page.locator('#results article').count(), promised);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('the timeline draws one mark per fact, the earlier date as a ghost, a disputed date hatched', async () => {
  const page = await open('#view=timeline&t=2018-06-01..2018-12-01');
  await page.locator('svg.events a.mark').first().waitFor();
  assert.equal(await page.locator('svg.events a.mark[aria-label^="Northwind 2018"]').count(), 1);
  const mark = page.locator('svg.events a.mark[aria-label^="Northwind 2018"]');
  assert.match(await mark.getAttribute('class'), /disputed/);
  assert.match(await mark.getAttribute('aria-label'), /3 sources; revised; sources disagree on the date$/);
  assert.equal(await page.locator('svg.events .ghost').count(), 1);
  await screenshot(page, 'sources-timeline');
  await page.getByRole('link', { name: 'Table view' }).click();
  const note = page.locator('.table-note').first();
  await note.waitFor();
  assert.match(await page.locator('table.data-table').nth(1).innerText(), /Revised: first reported planned, September 2018\./);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on the many-sources views (${scheme})`, async () => {
    const ctx = await launch({ colorScheme: scheme });
    try {
    for (const hash of ['#card=northwind-2018', '#card=harbour-talks-2019', '#view=timeline&card=northwind-2018', '#view=table', '#sources=disputed']) {
      const page = await open(hash, ctx);
      await page.locator('#content').waitFor();
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${hash} (${scheme})`);
      if (hash === '#card=northwind-2018') await screenshot(page, `sources-card-${scheme}`);
      await page.close();
    }
    } finally {
      await ctx.close();
    }
  });
}
