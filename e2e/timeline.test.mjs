// Membership and exercise timelines: right items in the right lanes, zoom and pan by mouse
// and keyboard, marks that open their cards, and a table view of the same data.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, serve, openPage, appReady, screenshot, SITE_DIR } from './harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); await server?.close(); });

async function open(hash) {
  const page = await openPage(context);
  await page.goto(server.url + hash);
  await appReady(page);
  await page.locator('#tl-frame svg').first().waitFor();
  return page;
}

/** The visible range from the URL, as [start, end] in ms. */
async function range(page) {
  const t = await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('t'));
  if (!t) return null;
  const [a, b] = t.split('..').map((d) => Date.parse(d));
  return [a, b];
}

const lanes = (page, chart) => page.locator(`svg.${chart} .lane-name`).allTextContents();
const marksIn = async (page, chart) =>
  page.locator(`svg.${chart} a.mark`).evaluateAll((els) =>
    els.map((e) => ({ name: e.getAttribute('aria-label'), x: e.querySelector('.shape').getBBox().x, y: e.querySelector('.shape').getBBox().y })));

test('membership lanes show each state and organisation with its standings', async () => {
  const page = await open('#view=timeline');
  // A name too long for the label column is shortened with an ellipsis; where it is cut depends
  // on the width of this system's font, so the lane is matched by its shape, and the full name
  // is the lane's tooltip.
  const names = await lanes(page, 'membership');
  // The seeds' lanes, in their order (later documents may add lanes between them).
  const seeded = ['India', 'Pakistan', 'Belarus', 'Russia'].map((n) => names.indexOf(n));
  assert.ok(seeded.every((i, k) => i >= 0 && (k === 0 || i > seeded[k - 1])), names.join(', '));
  const sco = names.find((n) => n.startsWith('Shanghai'));
  assert.match(sco, /\u2026$/);
  assert.ok('Shanghai Cooperation Organisation'.startsWith(sco.slice(0, -1)), sco);
  assert.ok(await page.locator('svg.membership .lane title', { hasText: 'Shanghai Cooperation Organisation' }).count() === 1);
  const marks = (await marksIn(page, 'membership')).map((m) => m.name);
  assert.ok(marks.includes('Pakistan: full member, from June 2017, no end in the documents'), marks.join('\n'));
  assert.ok(marks.some((m) => m.startsWith('Belarus: observer, start unknown')), 'an unknown start is said, not invented');
  // An open start is drawn as a faded edge.
  assert.ok(await page.locator('svg.membership a.mark .fade').count() >= 3);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('event lanes hold the series and kinds in order, with held and planned told apart', async () => {
  const page = await open('#view=timeline');
  const names = await lanes(page, 'events');
  assert.ok(['Friendship', 'Peace Mission', 'Meetings', 'Procurements'].every((n) => names.includes(n)), names.join(', '));
  assert.ok(names.indexOf('Friendship') < names.indexOf('Peace Mission'), 'series lanes by name');
  // The three editions the first documents report, left to right in time (later documents may
  // add more).
  const all = await marksIn(page, 'events');
  const pm = ['Peace Mission 2016', 'Peace Mission 2018', 'Peace Mission 2020 in the Russian Federation']
    .map((t) => all.find((m) => m.name.split(':')[0] === t));
  assert.ok(pm.every(Boolean), all.map((m) => m.name).join('\n'));
  assert.ok(pm[0].x < pm[1].x && pm[1].x < pm[2].x, 'left to right in time');
  assert.equal(await page.locator('svg.events a.mark.planned').count() > 0, true);
  assert.equal(await page.locator('svg.events a.mark.happened').count() > 0, true);
  // A lane's cadence note, where the data gives a steady one (the rule is the core's, tested on
  // fixtures; a later document may make a series' pace uneven, and then there is none).
  for (const note of await page.locator('svg.events .lane-note').allTextContents()) {
    assert.match(note, /^about every (year|\d+ years)$/);
  }
  // Every fact no document dates is listed under the chart (from the build's own data).
  const facts = JSON.parse(await readFile(join(SITE_DIR, 'data', 'facts.json'), 'utf8')).facts;
  const undated = facts.filter((f) => f.date.iso === 'unknown').map((f) => f.title);
  if (undated.length) {
    const listed = await page.locator('.undated li').allInnerTexts();
    assert.deepEqual(listed.slice().sort(), undated.slice().sort());
  }
  await page.close();
});

test('zoom and pan with buttons, wheel, drag and keys', async () => {
  const page = await open('#view=timeline');
  const span = (r) => r[1] - r[0];
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForFunction(() => location.hash.includes('t='));
  const zoomed = await range(page);
  await page.getByRole('button', { name: 'Fit all' }).click();
  const fitted = await range(page);
  assert.ok(span(zoomed) < span(fitted) * 0.8, 'the button zooms in');

  // Wheel over the chart zooms in (deltaY < 0) around the pointer.
  const frame = page.locator('#tl-frame');
  const box = await frame.boundingBox();
  await page.mouse.move(box.x + box.width * 0.7, box.y + 120);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction((before) => {
    const t = new URLSearchParams(location.hash.slice(1)).get('t');
    return t && t !== before;
  }, `${new Date(fitted[0]).toISOString().slice(0, 10)}..${new Date(fitted[1]).toISOString().slice(0, 10)}`);
  const wheeled = await range(page);
  assert.ok(span(wheeled) < span(fitted), 'the wheel zooms');

  // Dragging left moves the view later in time.
  await page.mouse.move(box.x + box.width * 0.6, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + 200, { steps: 6 });
  await page.mouse.up();
  await page.waitForFunction((start) => {
    const t = new URLSearchParams(location.hash.slice(1)).get('t');
    return t && Date.parse(t.split('..')[0]) > start;
  }, wheeled[0]);
  const dragged = await range(page);
  assert.ok(dragged[0] > wheeled[0], 'drag pans');

  // Keys: arrows pan, + zooms, 0 fits.
  await frame.focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((start) => Date.parse(new URLSearchParams(location.hash.slice(1)).get('t').split('..')[0]) < start, dragged[0]);
  const before = await range(page);
  await page.keyboard.press('+');
  await page.waitForFunction((s) => {
    const [a, b] = new URLSearchParams(location.hash.slice(1)).get('t').split('..').map(Date.parse);
    return b - a < s;
  }, span(before));
  await page.keyboard.press('0');
  await page.waitForFunction((s) => {
    const [a, b] = new URLSearchParams(location.hash.slice(1)).get('t').split('..').map(Date.parse);
    return Math.abs((b - a) - s) < 3 * 86400000;
  }, span(fitted));
  // The axis adapts: zoomed far in, it shows months rather than years.
  for (let i = 0; i < 6; i++) await page.keyboard.press('+');
  const labels = await page.locator('svg.events .axis text').allTextContents();
  assert.ok(labels.some((l) => /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(l) || /^\d{1,2} /.test(l)), labels.join(' '));
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('the controls stop at the edges of the data, and every link they write reloads as it was', async () => {
  const page = await open('#view=timeline');
  const frame = page.locator('#tl-frame');
  const year = (t) => Number(t.split('..')[0].slice(0, 4));
  // Far past the data either way, then far out: each time the view stops, the button says so,
  // and the link reloads to the same range with no notice.
  for (const [key, button, edge] of [['ArrowLeft', 'Pan earlier', 0], ['ArrowRight', 'Pan later', 1], ['-', 'Zoom out', null]]) {
    await frame.focus();
    for (let i = 0; i < 100; i++) await page.keyboard.press(key);
    await page.waitForFunction((b) => document.querySelector(`button[aria-label="${b}"]`)?.getAttribute('aria-disabled') === 'true', button);
    const t = await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('t'));
    assert.match(t, /^\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d$/, `${key}: ${t}`);
    const shown = await page.locator('.toolbar .range').innerText();
    await page.reload();
    await appReady(page);
    await page.locator('#tl-frame svg').first().waitFor();
    assert.equal(await page.locator('.notices li').count(), 0, `${key}: no notice on reload of ${t}`);
    assert.equal(await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('t')), t);
    assert.equal(await page.locator('.toolbar .range').innerText(), shown, `${key}: same range after reload`);
    if (edge === 0) assert.ok(year(t) >= 1900, t);
  }
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('clicking or pressing Enter on a mark opens its card, and the mark shows as selected', async () => {
  const page = await open('#view=timeline');
  await page.locator('svg.events a.mark[aria-label^="Peace Mission 2016"]').click();
  await page.locator('.card-detail').getByRole('heading', { name: 'Peace Mission 2016' }).waitFor();
  assert.equal(await page.locator('svg.events a.mark.selected').getAttribute('aria-label').then((l) => l.split(':')[0]), 'Peace Mission 2016');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.card-detail'));
  // Keyboard: every mark is focusable and named; Enter opens it.
  const mark = page.locator('svg.events a.mark[aria-label^="Friendship 2017"]');
  await mark.focus();
  assert.match((await page.locator('.tooltip tspan').allTextContents()).join(' '), /Friendship 2017: exercise, held, 2017 \(inferred\)/);
  await page.keyboard.press('Enter');
  await page.locator('.card-detail').getByRole('heading', { name: 'Friendship 2017' }).waitFor();
  await page.close();
});

test('a mark links to its card over the same view and filters; a modified click opens a new tab', async () => {
  const page = await open('#view=timeline&type=exercise');
  const marks = page.locator('svg.events a.mark:not(.cluster)');
  const hrefs = await marks.evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  assert.ok(hrefs.length > 0);
  for (const href of hrefs) {
    const p = new URLSearchParams(new URL(href, page.url()).hash.slice(1));
    assert.equal(p.get('view'), 'timeline', href);
    assert.equal(p.get('type'), 'exercise', href);
    assert.ok(p.get('card'), href);
  }
  // Ctrl+click opens the mark's link in a new tab: the same view and filters with the card.
  const first = marks.first();
  const card = new URLSearchParams(new URL(await first.getAttribute('href'), page.url()).hash.slice(1)).get('card');
  const [tab] = await Promise.all([context.waitForEvent('page'), first.click({ modifiers: ['Control'] })]);
  await tab.waitForLoadState();
  await appReady(tab);
  await tab.locator('.card-detail').waitFor();
  const opened = new URLSearchParams(new URL(tab.url()).hash.slice(1));
  assert.deepEqual([opened.get('view'), opened.get('type'), opened.get('card')], ['timeline', 'exercise', card]);
  assert.ok(await tab.locator('#tl-frame svg').count() > 0, 'the new tab shows the timeline with the card');
  // The page that was clicked stays as it was.
  assert.equal(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('card'), null);
  await tab.close();
  await page.close();
});

test('the search narrows the timeline as it narrows the cards', async () => {
  const page = await open('#view=timeline');
  await page.getByRole('searchbox').fill('friendship');
  await page.waitForFunction(() => document.querySelectorAll('svg.events .lane-name').length === 1);
  assert.deepEqual(await lanes(page, 'events'), ['Friendship']);
  assert.match(page.url(), /view=timeline/, 'typing keeps the timeline open');
  await page.close();
});

test('the table view lists the same data by year, as precisely as the documents', async () => {
  const page = await open('#view=timeline');
  await page.getByRole('link', { name: 'Table view' }).click();
  const tables = page.locator('table.data-table');
  await tables.first().waitFor();
  const members = await tables.nth(0).innerText();
  assert.match(members, /Pakistan\s+Full member\s+June 2017\s+no end in the documents/);
  const years = await tables.nth(1).locator('.year-row').allInnerTexts();
  // Ascending, undated last, and every year the first documents date something in.
  assert.equal(years.at(-1), 'Undated');
  const dated = years.slice(0, -1).map(Number);
  assert.ok(dated.every((y, i) => i === 0 || y > dated[i - 1]), years.join(' '));
  for (const y of [2007, 2015, 2016, 2017, 2018, 2019, 2020]) assert.ok(dated.includes(y), `${y} in ${years}`);
  await screenshot(page, 'table-1280');
  await page.close();
});
