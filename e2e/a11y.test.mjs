// Accessibility: axe-core on every view in both themes, a keyboard-only walk, small screens,
// 200% zoom, print, reduced motion.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch as launchBrowser, serve, openPage, appReady, screenshot, SITE_DIR } from './harness.mjs';
import { axe } from './a11y.mjs';

let server;
before(async () => { server = await serve(); });
// Every browser this file opens is closed at the end, also after a failed test: an open one
// would keep the test process alive.
const opened = [];
async function launch(options) {
  const ctx = await launchBrowser(options);
  opened.push(ctx);
  return ctx;
}
after(async () => {
  await Promise.all(opened.map((c) => c.close().catch(() => {})));
  await server?.close();
});

const VIEWS = [
  ['home', ''],
  ['search results', '#q=peace+mission'],
  ['fact card', '#q=pakistan&card=peace-mission-2018'],
  ['entity card', '#card=pakistan'],
  ['not-found card', '#card=peace-mission-2019'],
  ['document reader', '#read=000_05d95eeefa1e2818&quote=peace-mission-2016.1'],
  ['documents', '#view=documents'],
  ['timeline', '#view=timeline'],
  ['timeline with a card', '#view=timeline&card=belarus'],
  ['table view', '#view=table'],
  ['no results', '#q=zzzzqq&type=exercise'],
  ['partial match', '#q=India+join+qqzzxv'],
  ['notices', '#bogus=1&q=moscow'],
];

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on any view (${scheme})`, async () => {
    const ctx = await launch({ colorScheme: scheme });
    const failures = [];
    for (const [name, hash] of VIEWS) {
      const page = await openPage(ctx);
      await page.goto(server.url + hash);
      await appReady(page);
      await page.waitForLoadState('networkidle');
      const v = await axe(page);
      if (v.length) failures.push(`${name}:\n  ${v.join('\n  ')}`);
      await page.close();
    }
    await ctx.close();
    assert.deepEqual(failures, []);
  });
}

test('a filter list that scrolls is a keyboard-reachable region, even with every value disabled', async () => {
  // How long the lists are depends on the data (more documents, more sources): the lists are
  // made to scroll here, on a view where no value has results.
  const ctx = await launch();
  const page = await openPage(ctx);
  await page.goto(server.url + '#q=zzzzqq&type=exercise');
  await appReady(page);
  await page.evaluate(() => { for (const ul of document.querySelectorAll('.facet-ent .facet-values, .facet-src .facet-values')) ul.style.maxHeight = '40px'; });
  const scrolling = await page.locator('.facet-values').evaluateAll((uls) => uls.filter((u) => u.scrollHeight > u.clientHeight).length);
  assert.ok(scrolling > 0, 'some list scrolls');
  const v = await axe(page);
  assert.deepEqual(v.filter((x) => x.includes('scrollable-region-focusable')), []);
  await ctx.close();
});

/** The focused element, described; fails when focus is lost to <body>. */
/**
 * Waits until focus is on the element with `id`: the app moves focus after the next paint,
 * which under load comes a moment after the element itself appears. Then returns `focused`.
 */
async function focusLandsOn(page, id) {
  await page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 5000 }).catch(() => {});
  return focused(page);
}

async function focused(page) {
  const f = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    // A timeline mark shows focus by its shape's thick outline in the focus colour.
    const shape = el.querySelector && el.querySelector('.shape');
    const svgFocus = !!shape && parseFloat(getComputedStyle(shape).strokeWidth) >= 2.5;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      cls: el.getAttribute('class') ?? '',
      chart: el.closest?.('svg.chart')?.getAttribute('class') ?? '',
      text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 200),
      outline: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || svgFocus,
      heading: /^H[1-6]$/.test(el.tagName),
    };
  });
  assert.ok(f, 'focus was lost to the page body');
  return f;
}

async function tabTo(page, predicate, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    // Whatever takes keyboard focus shows it (headings get focus only programmatically).
    assert.ok(f.outline || f.heading, `focus is visible on ${f.tag}#${f.id} "${f.text}"`);
    if (predicate(f)) return f;
  }
  throw new Error('never reached the element by Tab');
}

test('keyboard only: skip link, search, filters, results, card, document, timeline', async () => {
  // What it looks for comes from the build's own data: a fact that names an entity (so its
  // document has a name to follow), by its title and kind.
  const { facts } = JSON.parse(await readFile(join(SITE_DIR, 'data', 'facts.json'), 'utf8'));
  const fact = facts.find((f) => f.participants.length + f.places.length > 0) ?? facts[0];
  const ctx = await launch();
  const page = await openPage(ctx);
  await page.goto(server.url);
  await appReady(page);
  // The first Tab shows the skip link; it leads to the results.
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  assert.equal(skip.text, 'Skip to results');
  assert.ok(await page.locator('.skip-link').evaluate((el) => el.getBoundingClientRect().top >= 0), 'the skip link is on screen when focused');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'results');

  // Search.
  await page.keyboard.press('/');
  await page.keyboard.type(fact.title);
  // A filter, by Tab and Space.
  await tabTo(page, (f) => f.id === `f-type-${fact.kind}`);
  await page.keyboard.press('Space');
  await page.waitForFunction((k) => location.hash.includes(`type=${k}`), fact.kind);
  // A result, by Tab; Enter opens its card and focus follows.
  await tabTo(page, (f) => f.text === fact.title);
  await page.keyboard.press('Enter');
  await page.locator('.card-detail h2', { hasText: fact.title }).waitFor();
  assert.equal((await focusLandsOn(page, 'card-title')).id, 'card-title');
  // Escape closes it and focus returns to the result that opened it; Enter opens it again.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.card-detail'));
  await page.waitForFunction((t) => document.activeElement?.textContent.trim() === t, fact.title, { timeout: 5000 }).catch(() => {});
  assert.equal((await focused(page)).text, fact.title);
  await page.keyboard.press('Enter');
  await page.locator('.card-detail h2', { hasText: fact.title }).waitFor();
  // The card's "read in context".
  await tabTo(page, (f) => f.text === 'Read in context');
  await page.keyboard.press('Enter');
  await page.locator('article.reader').waitFor();
  assert.equal((await focusLandsOn(page, 'doc-title')).id, 'doc-title');
  // Escape leaves the document for the card it came from, on the link that opened it.
  await page.keyboard.press('Escape');
  await page.locator('.card-detail').waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent.trim() === 'Read in context', null, { timeout: 5000 }).catch(() => {});
  assert.equal((await focused(page)).text, 'Read in context');
  await page.keyboard.press('Enter');
  await page.locator('article.reader').waitFor();
  // A name in the document opens its card.
  await tabTo(page, (f) => f.tag === 'a' && f.cls.split(' ').includes('mention'), { max: 200 });
  await page.keyboard.press('Enter');
  await page.locator('.card-detail h2').waitFor();
  // Escape closes the card the document opened; focus goes back to what opened the first
  // card, the result, not to <body>.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.card-detail'));
  await page.waitForFunction((t) => document.activeElement?.textContent.trim() === t, fact.title, { timeout: 5000 }).catch(() => {});
  assert.equal((await focused(page)).text, fact.title);
  // The timeline: back up to the navigation, pan with keys, open the first event's mark (a
  // membership bar opens the fact that gives the standing, named otherwise).
  await tabTo(page, (f) => f.text === 'Timeline', { back: true, max: 200 });
  await page.keyboard.press('Enter');
  await page.locator('#tl-frame').waitFor();
  await tabTo(page, (f) => f.id === 'tl-frame');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.includes('t='));
  const mark = await tabTo(page, (f) => f.tag === 'a' && f.chart.split(' ').includes('events') && f.cls.split(' ').includes('mark') && !f.cls.split(' ').includes('cluster'), { max: 400 });
  await page.keyboard.press('Enter');
  const title = await page.locator('.card-detail h2').innerText();
  assert.ok(mark.text.startsWith(title), `the mark "${mark.text}" opened its card "${title}"`);
  await screenshot(page, 'keyboard-walk-end');
  assert.deepEqual(page.problems(), []);
  await ctx.close();
});

/** What has focus, to compare before and after: its name and its link's address. */
const focusMark = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el && el !== document.body ? `${el.tagName} ${el.getAttribute('href')} ${(el.getAttribute('aria-label') || el.textContent).trim()}` : null;
});

test('closing a card or a document returns focus and scroll to what opened it, in every view', async () => {
  // A short window, so that what opens the card sits down the page, scrolled to.
  const ctx = await launch({ viewport: { width: 1280, height: 520 } });
  const page = await openPage(ctx);
  const check = async (what, path, opener, close, opened) => {
    await page.goto(server.url + path);
    await appReady(page);
    const all = page.locator(opener);
    const n = await all.count();
    assert.ok(n > 0, `${what}: nothing matches ${opener}`);
    // One from the middle of the list: below the first screen on most views.
    const el = all.nth(Math.floor(n / 2));
    await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await el.focus();
    const before = { mark: await focusMark(page), y: await page.evaluate(() => scrollY) };
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.activeElement?.id === id, opened, { timeout: 5000 });
    if (close === 'Escape') await page.keyboard.press('Escape');
    else await page.locator(close).first().click();
    await page.waitForFunction((mark) => {
      const el = document.activeElement;
      return el && el !== document.body && `${el.tagName} ${el.getAttribute('href')} ${(el.getAttribute('aria-label') || el.textContent).trim()}` === mark;
    }, before.mark, { timeout: 5000 }).catch(() => {});
    assert.equal(await focusMark(page), before.mark, `${what}: focus goes back to what opened it`);
    const y = await page.evaluate(() => scrollY);
    assert.ok(Math.abs(y - before.y) <= 2, `${what}: the page was at ${before.y}px and is now at ${y}px`);
  };
  await check('a result', '#q=peace', '#results .result-link', 'Escape', 'card-title');
  await check('a timeline mark', 'timeline/', 'svg.chart a[href]', 'Escape', 'card-title');
  await check('a table row', 'table/', '.data-table a[href]', '.detail-bar .close', 'card-title');
  await check('a document in the list', 'documents/', '#main .result-link', 'Escape', 'doc-title');
  await check("a card's mention of a document", '#q=pakistan&card=pakistan', '.mentions a[href]', '.detail-bar .back', 'doc-title');
  assert.deepEqual(page.problems(), []);
  await ctx.close();
});

test('usable at 320 px wide (200% zoom of a 640 px window) and at 360 px', async () => {
  for (const width of [320, 360]) {
    const ctx = await launch({ viewport: { width, height: 640 } });
    const page = await openPage(ctx);
    for (const hash of ['#q=peace', '#card=peace-mission-2018', '#read=001_5f9b55a6b9e11d19', '#view=timeline', '#view=table']) {
      await page.goto(server.url + hash);
      await appReady(page);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(over <= 0, `${hash} at ${width}px scrolls sideways by ${over}px`);
    }
    await page.goto(server.url + '#q=peace');
    await appReady(page);
    await screenshot(page, `search-${width}-zoom`);
    await ctx.close();
  }
});

/** Words drawn across two lines, text cut off by its box, and sideways scrolling, on this page. */
const layoutFaults = (page) => page.evaluate(() => {
  const faults = [];
  const over = document.documentElement.scrollWidth - innerWidth;
  if (over > 0) faults.push(`the page scrolls sideways by ${over}px`);
  const walker = document.createTreeWalker(document.querySelector('#app') ?? document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('svg, .visually-hidden, textarea') || !el.getClientRects().length) continue;
    for (const m of node.textContent.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) faults.push(`“${m[0]}” is broken across lines in <${el.tagName.toLowerCase()} class="${el.className}">`);
    }
  }
  for (const el of document.querySelectorAll('#app *')) {
    const style = getComputedStyle(el);
    if (!el.getClientRects().length || el.closest('svg') || style.position === 'absolute') continue;
    const clips = /hidden|clip/.test(style.overflowX) || style.textOverflow === 'ellipsis';
    if (clips && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim()) {
      faults.push(`<${el.tagName.toLowerCase()} class="${el.className}"> cuts its text off: “${el.textContent.trim().slice(0, 40)}”`);
    }
  }
  return faults;
});

test("text follows the browser's font size everywhere, the charts too, and nothing is cut or broken mid-word", async () => {
  const views = ['#q=peace', '#q=pakistan&card=pakistan', '#read=000_05d95eeefa1e2818', 'timeline/', 'table/', 'documents/', 'timeline/#view=timeline&card=pakistan'];
  const laneName = (page) => page.locator('svg.chart .lane-name').first().evaluate((t) => t.getBoundingClientRect().height);
  const plain = await launch();
  const base = await openPage(plain);
  await base.goto(server.url + 'timeline/');
  await appReady(base);
  const plainLane = await laneName(base);
  const faults = [];
  for (const width of [1280, 360]) {
    // The browser's own setting, as Settings › Appearance › Font size sets it.
    const ctx = await launch({ viewport: { width, height: 800 }, fontSize: 32 });
    const page = await openPage(ctx);
    for (const view of views) {
      await page.goto(server.url + view);
      await appReady(page);
      const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.search input')).fontSize));
      assert.ok(size >= 32, `${view} at ${width}px: the search box's text is ${size}px`);
      // Filters folded away on a narrow layout are opened: their labels are checked too.
      const toggle = page.locator('.filters-toggle');
      if (await toggle.isVisible()) await toggle.click();
      for (const f of await layoutFaults(page)) faults.push(`${view} at ${width}px: ${f}`);
      if (view === 'timeline/') {
        const lane = await laneName(page);
        assert.ok(lane >= 1.8 * plainLane, `chart text grows with the setting: ${lane}px against ${plainLane}px`);
        await screenshot(page, `font-32-timeline-${width}`);
      }
      if (view === '#q=peace') await screenshot(page, `font-32-search-${width}`);
    }
    await ctx.close();
  }
  assert.deepEqual(faults, []);
});

test('print shows the card and its quotes, not the controls', async () => {
  const ctx = await launch();
  const page = await openPage(ctx);
  await page.goto(server.url + '#q=peace&card=peace-mission-2016');
  await appReady(page);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.filters', '.search', '.card-actions', '.site-header nav']) {
    assert.equal(await page.locator(hidden).first().evaluate((el) => getComputedStyle(el).display), 'none', hidden);
  }
  assert.ok(await page.locator('.card-detail blockquote').first().isVisible());
  await screenshot(page, 'print-card');
  await ctx.close();
});

test('reduced motion is honoured', async () => {
  const ctx = await launch({ reducedMotion: 'reduce' });
  const page = await openPage(ctx);
  await page.goto(server.url);
  await appReady(page);
  const d = await page.locator('button').first().evaluate((el) => getComputedStyle(el).transitionDuration);
  assert.equal(d, '0s');
  await ctx.close();
});
