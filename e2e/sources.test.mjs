// Many sources, one fact, on the many-sources fixture site (tests/fixtures/reports/: invented
// documents): the card's sources, badges and disagreements, results, the timeline's ghost and
// hatch, the table's words, the Sources filter, and axe in both themes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, serve, openPage, appReady, screenshot, REPORTS_DIR, SITE_DIR, listed, documentDays, dayBefore, openApp } from './harness.mjs';
import { axe } from './a11y.mjs';

let server, context;
before(async () => { server = await serve({ root: REPORTS_DIR }); context = await launch(); });
after(async () => { await context?.close(); await server?.close(); });

const open = (hash = '', ctx = context) => openApp(ctx, server.url + hash);

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
  await listed(page);
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

test('as of a past date: a revised plan shows as planned with one source before the later document, as today after it', async () => {
  const { facts } = JSON.parse(await readFile(join(REPORTS_DIR, 'data', 'facts.json'), 'utf8'));
  const fact = facts.find((f) => f.revised && f.sources.length >= 2 && f.sources[0].status === 'planned');
  assert.ok(fact, 'the fixture revises a plan');
  const days = await documentDays();
  const later = days.get(fact.sources[1].document);
  const before = dayBefore(later);

  const page = await open(`#card=${fact.id}&asof=${before}`);
  const card = page.locator('.card-detail');
  await card.locator('#card-title').waitFor();
  // One source: no list of sources, no "revised", every quote from the first document.
  assert.ok(await card.locator('.source-list > li').count() <= 1, 'one source before the later document');
  assert.doesNotMatch((await card.locator('.source-badges').allInnerTexts()).join(' '), /revised|sources/);
  const cited = new Set(await card.locator('figure.quote cite').allInnerTexts());
  assert.equal(cited.size, 1, `quotes from one document: ${[...cited]}`);
  assert.match(await card.locator('.card-status, .status').first().innerText(), /planned/i);
  // The banner says the view is historical, with the way back.
  const banner = page.locator('.asof-banner');
  assert.match(await banner.innerText(), /Historical view/);
  assert.equal(await page.locator('#asof-date').inputValue(), before);
  // The later document's step: both sources, as they settle it then.
  await page.locator('.asof-step', { hasText: 'Later document' }).click();
  await page.waitForFunction((d) => location.hash.includes(`asof=${d}`), later);
  await page.waitForFunction(() => document.querySelectorAll('.card-detail .source-list > li').length >= 2);
  assert.ok(await card.locator('.source-list > li').count() >= 2);
  // Typing a date in the field moves the view too; keyboard only.
  await page.locator('#asof-date').fill(before);
  await page.locator('#asof-date').dispatchEvent('change');
  await page.waitForFunction(() => document.querySelectorAll('.card-detail .source-list > li').length <= 1);
  // Back to today: the card as today, no banner, no asof in the address.
  await banner.getByRole('link', { name: 'Back to today' }).click();
  await page.waitForFunction(() => !location.hash.includes('asof'));
  assert.equal(await page.locator('.asof-banner').count(), 0);
  assert.equal(await card.locator('.source-list > li').count(), fact.sources.length);
  // Before any document: nothing reported, the card says so and the results are empty.
  const first = [...days.values()].filter(Boolean).sort()[0];
  const empty = await open(`#asof=${dayBefore(first)}`);
  assert.match(await empty.locator('.result-count').innerText(), /No results/);
  const notYet = await open(`#card=${fact.id}&asof=${dayBefore(first)}`);
  assert.match(await notYet.locator('.card-detail .eyebrow').innerText(), /Not reported yet/);
  assert.deepEqual(page.problems(), []);
  await screenshot(page, 'asof-card');
});

test('as of a past date on the real site: every plan a later document revised reads as planned before it', async () => {
  // The real data has such a fact once a curator's document revises one (CI's third document
  // does); the check covers however many there are.
  const { facts } = JSON.parse(await readFile(join(SITE_DIR, 'data', 'facts.json'), 'utf8'));
  const days = await documentDays(SITE_DIR);
  const site = await serve();
  try {
    for (const fact of facts.filter((f) => f.revised && f.sources[0].status === 'planned')) {
      const later = days.get(fact.sources[1].document);
      if (!later) continue;
      const page = await openPage(context);
      await page.goto(`${site.url}#card=${fact.id}&asof=${dayBefore(later)}`);
      await appReady(page);
      const card = page.locator('.card-detail');
      assert.match(await card.locator('.eyebrow .status').first().innerText(), /planned/i, fact.id);
      assert.ok(await card.locator('.source-list > li').count() <= 1, fact.id);
      await page.goto(`${site.url}#card=${fact.id}&asof=${later}`);
      await page.waitForFunction(() => document.querySelectorAll('.card-detail .source-list > li').length >= 2);
      // With its two documents written, the fact reads as it does today (held, say).
      if (fact.sources.length === 2) {
        const then = await card.locator('.eyebrow .status').first().innerText();
        await page.goto(`${site.url}#card=${fact.id}`);
        await page.waitForFunction(() => !document.querySelector('.asof-banner'));
        assert.equal(await card.locator('.eyebrow .status').first().innerText(), then, fact.id);
      }
      assert.deepEqual(page.problems(), [], fact.id);
      await page.close();
    }
  } finally {
    await site.close();
  }
});

test('as of a past date on the real site: a card gives the prose its documents had written; today the latest, the earlier kept', async () => {
  // Every record that two documents describe or sum up, read from the build's own data: an
  // entity's descriptions, a fact's summaries, each with its document.
  const { entities } = JSON.parse(await readFile(join(SITE_DIR, 'data', 'entities.json'), 'utf8'));
  const { facts } = JSON.parse(await readFile(join(SITE_DIR, 'data', 'facts.json'), 'utf8'));
  const days = await documentDays(SITE_DIR);
  const cases = [
    ...entities.map((e) => ({ id: e.id, said: e.descriptions.map((d) => ({ doc: d.document, text: d.description })) })),
    ...facts.map((f) => ({ id: f.id, said: f.sources.filter((s) => s.summary).map((s) => ({ doc: s.document, text: s.summary })) })),
  ].filter((c) => c.said.length >= 2);
  assert.ok(cases.length > 0, 'some record is described by two documents');
  const site = await serve();
  const page = await openPage(context);
  try {
    for (const { id, said } of cases) {
      const latest = said.at(-1);
      const day = days.get(latest.doc);
      if (!day) continue;
      const then = said.filter((s) => days.get(s.doc) && days.get(s.doc) < day).at(-1);
      await page.goto(`${site.url}#card=${id}&asof=${dayBefore(day)}`);
      await appReady(page);
      const card = page.locator('.card-detail');
      await card.locator('#card-title').waitFor();
      // The day before the latest word was written: not a word of it, the earlier one instead.
      assert.ok(!(await card.innerText()).includes(latest.text), `${id} as of ${dayBefore(day)}`);
      if (then) assert.equal(await card.locator('p.summary').first().innerText(), then.text, id);
      // Today: the latest, saying whose word it is, and the earlier kept beside it.
      await page.goto(`${site.url}#card=${id}`);
      await page.waitForFunction(() => !document.querySelector('.asof-banner'));
      await card.locator('#card-title').waitFor();
      assert.equal(await card.locator('p.summary').first().innerText(), latest.text, id);
      assert.match(await card.locator('.said-by').first().innerText(), /from /, id);
      const text = await card.innerText();
      for (const s of said) assert.ok(text.includes(s.text), `${id}: ${s.doc}'s word is kept`);
    }
    assert.deepEqual(page.problems(), []);
    await screenshot(page, 'prose-today');
  } finally {
    await page.close();
    await site.close();
  }
});
