// The "sources as of a date" control by keyboard, on the many-sources fixture site: a date is
// committed only when the field holds a whole one, focus stays where the user acted, and
// adjusting the date moves the view in place rather than adding a history entry per step.
// Data-independent: it opens only the many-sources fixture site.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, openApp, REPORTS_DIR, documentDays } from './harness.mjs';

let server, context;
before(async () => {
  server = await serve({ root: REPORTS_DIR });
  // The date field's segments follow the locale: month, day, year in en-US.
  context = await launch({ locale: 'en-US' });
});
after(async () => { await context?.close(); await server?.close(); });

const open = (hash = '') => openApp(context, server.url + hash);

const state = (page) => page.evaluate(() => ({
  asof: new URLSearchParams(location.hash.slice(1)).get('asof'),
  banner: !!document.querySelector('.asof-banner'),
  focus: document.activeElement?.id || document.activeElement?.tagName,
  history: history.length,
}));

/** Waits for the address to say `asof` is `day` (null: today). */
const shows = (page, day) => page.waitForFunction((d) => new URLSearchParams(location.hash.slice(1)).get('asof') === d, day);

test('typing a date commits it only when whole, keeps focus, and adjusting it replaces the history entry', async () => {
  const days = [...(await documentDays()).values()].filter(Boolean).sort();
  const [y, m, d] = days.at(-1).split('-');
  const page = await open();
  await page.locator('#asof-summary').click();
  const field = page.locator('#asof-date');
  await field.focus();
  const start = await state(page);
  // Month and day first: the field is not a whole date yet, so nothing changes.
  await page.keyboard.type(`${m}${d}`);
  assert.deepEqual(await state(page), start, 'a partial date commits nothing');
  // The year's first digits make years such as 0002: not a date the view can show either.
  await page.keyboard.type(y.slice(0, 3));
  assert.equal((await state(page)).asof, null);
  await page.keyboard.type(y.slice(3));
  await shows(page, `${y}-${m}-${d}`);
  let now = await state(page);
  assert.equal(now.banner, true, 'the banner says the view is historical');
  assert.equal(now.focus, 'asof-date', 'focus stays in the field');
  assert.equal(now.history, start.history + 1, 'one entry for the new date');
  // Stepping the year with the arrow keys moves the view in place.
  await page.keyboard.press('ArrowDown');
  await shows(page, `${Number(y) - 1}-${m}-${d}`);
  await page.keyboard.press('ArrowUp');
  await shows(page, `${y}-${m}-${d}`);
  now = await state(page);
  assert.equal(now.history, start.history + 1, 'adjusting adds no history entry');
  assert.equal(now.focus, 'asof-date');
  // Typing "0", the first digit of months 01–09, empties the field's value for a moment:
  // that is not a wish to go back to today.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('0');
  now = await state(page);
  assert.equal(now.asof, `${y}-${m}-${d}`, 'the view keeps its day');
  assert.equal(now.banner, true);
  assert.equal(now.focus, 'asof-date');
  // Clearing a segment is not a date either.
  await page.keyboard.press('Backspace');
  now = await state(page);
  assert.equal(now.asof, `${y}-${m}-${d}`);
  assert.equal(now.focus, 'asof-date');
  assert.deepEqual(page.problems(), []);
});

test('the steps and "Back to today" keep focus in the control', async () => {
  const days = [...new Set((await documentDays()).values())].filter(Boolean).sort();
  const page = await open();
  await page.locator('#asof-summary').click();
  // From today, "Earlier document" goes to the newest document's day, then back one by one.
  await page.locator('#asof-earlier').focus();
  for (const day of [...days].reverse()) {
    await page.keyboard.press('Enter');
    await shows(page, day);
    assert.equal((await state(page)).focus, 'asof-earlier', `focus stays on the step at ${day}`);
  }
  // At the first document there is no earlier one: the step is disabled, focus stays on it.
  assert.equal(await page.locator('#asof-earlier').getAttribute('aria-disabled'), 'true');
  assert.equal(await page.locator('#asof-earlier').getAttribute('href'), null);
  // "Later document" goes forward and keeps focus too.
  await page.locator('#asof-later').focus();
  await page.keyboard.press('Enter');
  await shows(page, days[1] ?? null);
  assert.equal((await state(page)).focus, 'asof-later');
  // "Back to today" goes with the banner; focus goes to the control, not to the page.
  await page.locator('.asof-today').focus();
  await page.keyboard.press('Enter');
  await shows(page, null);
  await page.waitForFunction(() => document.activeElement?.id === 'asof-summary');
  assert.equal((await state(page)).banner, false);
  assert.deepEqual(page.problems(), []);
});
