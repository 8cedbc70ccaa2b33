// Cards, document reader and instant search, as a user drives them.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, serve, openPage, appReady, screenshot, listed, SITE_DIR, openApp } from './harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); await server?.close(); });

const open = (hash = '') => openApp(context, server.url + hash);

const titles = async (page) => { await listed(page); return page.locator('#results article h3').allInnerTexts(); };

test('typing real queries puts the right card first', async () => {
  const page = await open();
  const box = page.getByRole('searchbox', { name: /search/i });
  // A name (misspelt, abbreviated, run together) puts its own card first: the cards named are
  // the seeds' entities, which later documents never remove. A month puts a fact of that month
  // first, whichever one: later documents may add more of them.
  for (const [query, first] of [
    ['peace mission', 'Peace Mission'],
    ['Kirgizstan', 'Kyrgyzstan'],
    ['June 2017', { month: '2017-06' }],
    ['EWG', 'Expert Working Group (EWG)'],
    ['mi35m', 'Mi-35M'],
    ['Yekaterinberg', 'Yekaterinburg'],
  ]) {
    await box.fill('');
    await box.pressSequentially(query, { delay: 5 });
    await page.waitForFunction((q) => new URLSearchParams(location.hash.slice(1)).get('q') === q, query);
    // The title follows with the address, once the typing pauses.
    assert.ok((await page.title()).includes(`\u201c${query}\u201d`), await page.title());
    if (typeof first === 'string') {
      assert.equal((await titles(page))[0], first, `first card for ${query}`);
    } else {
      await listed(page);
      const when = await page.locator('#results article').first().locator('time').getAttribute('datetime');
      assert.ok(when?.startsWith(first.month), `first card for ${query} is of ${first.month}: ${when}`);
    }
  }
  // Every keystroke updates the results: a prefix already finds the place.
  await box.fill('');
  await box.pressSequentially('yekat');
  assert.equal((await titles(page))[0], 'Yekaterinburg');
  assert.match(await page.locator('#search-status').innerText(), /^\d+ results?$/);
  // Matched words are highlighted with <mark>, as text.
  assert.ok(await page.locator('#results mark', { hasText: 'Yekaterinburg' }).count() > 0);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('opening a card, reading its quote in context, and coming back', async () => {
  const page = await open('#q=Kyrgyzstan');
  await page.locator('#results').getByRole('link', { name: 'Peace Mission 2016' }).click();
  const card = page.locator('.card-detail');
  await assert.doesNotReject(card.getByRole('heading', { name: 'Peace Mission 2016' }).waitFor());
  assert.match(page.url(), /card=peace-mission-2016/);
  // The card shows where its fact comes from.
  assert.match(await card.locator('blockquote').first().innerText(), /In 2016, it was held in Kyrgyzstan\./);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'card-title', 'focus moves to the card');
  await card.getByRole('link', { name: 'Read in context' }).first().click();
  const reader = page.locator('article.reader');
  await reader.waitFor();
  const quote = await reader.locator('mark.quote').allInnerTexts();
  assert.equal(quote.join('').replace(/\s+/g, ' '),
    'Peace Mission is a biennially-held counter-terrorism exercise involving each SCO member. In 2016, it was held in Kyrgyzstan.');
  // The quote is scrolled into view.
  const box = await page.locator('#quote-start').boundingBox();
  const vh = page.viewportSize().height;
  assert.ok(box && box.y >= 0 && box.y < vh, `quote visible (y=${box?.y})`);
  // Mentions in the text are links to their cards.
  await reader.getByRole('link', { name: 'Yekaterinburg' }).click();
  await page.locator('.card-detail').getByRole('heading', { name: 'Yekaterinburg' }).waitFor();
  // Back returns to the reader, and Back again to the card.
  await page.goBack();
  await reader.waitFor();
  await page.goBack();
  await page.locator('.card-detail').getByRole('heading', { name: 'Peace Mission 2016' }).waitFor();
  await screenshot(page, 'card-1280');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('a whole question finds its card; partial matches and cut queries say so', async () => {
  const page = await open('#q=when+did+India+join+the+SCO');
  const first = page.locator('#results article').first();
  await first.waitFor();
  assert.match(await first.locator('.kind').innerText(), /membership/i);
  assert.match(await first.locator('h3').innerText(), /India/);
  assert.equal(await page.locator('.match-note').count(), 0, 'every word matched: no note');
  // A word no card has: the cards with the other words, under a line that says so.
  const box = page.getByRole('searchbox', { name: /search/i });
  await box.fill('India join qqzzxv');
  const note = page.locator('.match-note');
  await note.waitFor();
  assert.equal(await note.innerText(), 'No card matches every word; these match 2 of 3: India, join.');
  assert.ok((await titles(page)).length > 0);
  // Only common words: every card, and a note, not "no results".
  await box.fill('when did ');
  await page.locator('.match-note', { hasText: 'only common words' }).waitFor();
  assert.match(await page.locator('#search-status').innerText(), /^\d+ results$/);
  // A pasted essay is cut, with one notice however long the typing goes on.
  await box.fill('peace '.repeat(120));
  await box.press('x');
  const notices = page.locator('.notices li', { hasText: 'cut to its first 500 characters' });
  await notices.first().waitFor();
  assert.equal(await notices.count(), 1);
  assert.equal((await box.inputValue()).length, 500);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('an entity card lists its facts and the documents that mention it', async () => {
  const page = await open('#card=belarus');
  const card = page.locator('.card-detail');
  await card.getByRole('heading', { name: 'Belarus' }).waitFor();
  const facts = await card.locator('.takes-part li').allInnerTexts();
  assert.ok(facts.length >= 2, facts.join('\n'));
  assert.ok(facts.some((f) => /7th meeting/.test(f)), facts.join('\n'));
  const mentions = await card.locator('.mentions li').allInnerTexts();
  assert.ok(mentions.some((m) => /^Expert Working Group affiliated .* · 1 mention$/.test(m)), mentions.join('\n'));
  await page.close();
});

test('a keystroke draws its cards at once, and the counts of its query once typing pauses', async () => {
  const page = await open();
  await listed(page);
  // A word from the data: the start of the first card's title.
  const word = (await page.locator('#results article h3').first().innerText()).split(/\s+/)[0].slice(0, 4).toLowerCase();
  const counts = (p) => p.locator('.filters .value-count').allInnerTexts();
  // The keystroke's own task: its cards are drawn, the filters say their counts are coming.
  const now = await page.evaluate(async (w) => {
    const q = document.querySelector('#q');
    q.value = w;
    q.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: w }));
    await new Promise((ok) => setTimeout(ok, 0));
    return {
      busy: document.querySelector('.filters').getAttribute('aria-busy'),
      first: document.querySelector('#results article h3')?.textContent ?? '',
    };
  }, word);
  assert.equal(now.busy, 'true');
  // After the pause, the counts are those a fresh page of the same query draws, and the first
  // card drawn in the keystroke's task was that page's first card.
  await listed(page);
  const fresh = await open(`#q=${encodeURIComponent(word)}`);
  await listed(fresh);
  assert.equal(now.first, await fresh.locator('#results article h3').first().textContent());
  assert.deepEqual(await counts(page), await counts(fresh));
  assert.deepEqual(page.problems(), []);
  await page.close();
  await fresh.close();
});

test('filters narrow the results and show what each choice would give', async () => {
  const page = await open();
  const exercise = page.locator('#f-type-exercise');
  const label = await page.locator('label[for="f-type-exercise"]').innerText();
  const promised = Number(label.match(/(\d+)\s+results\s*$/)[1]);
  // The checkbox's name says what the number is.
  await page.getByRole('checkbox', { name: new RegExp(`Exercise\\s+${promised} results`) }).waitFor();
  await exercise.check();
  await page.waitForFunction(() => location.hash.includes('type=exercise'));
  await listed(page);
  const kinds = await page.locator('#results article .kind').allInnerTexts();
  assert.equal(kinds.length, promised, 'the count promised is the count given');
  assert.ok(kinds.every((k) => k.toLowerCase() === 'exercise'));
  // Filters combine with the query; the year lists stay the same while the query changes.
  const years = () => page.locator('#year-from option').allInnerTexts();
  const before = await years();
  await page.getByRole('searchbox').fill('2020');
  await page.waitForFunction((n) => document.querySelectorAll('#results article').length < n, promised);
  await listed(page);
  assert.deepEqual(await years(), before);
  // Only exercises of 2020 (however many the documents report), and at least one.
  const dated = await page.locator('#results article').evaluateAll((as) => as.map((a) => [a.querySelector('.kind')?.textContent, a.querySelector('time')?.getAttribute('datetime')]));
  assert.ok(dated.length > 0);
  for (const [kind, when] of dated) {
    assert.equal(kind.toLowerCase(), 'exercise');
    const [from, to = from] = when.split('/');
    assert.ok(from.slice(0, 4) <= '2020' && to.slice(0, 4) >= '2020', when);
  }
  // A visible way to clear each filter and all of them.
  await page.getByRole('link', { name: /Remove filter Type: Exercise/ }).click();
  await page.waitForFunction(() => !location.hash.includes('type='));
  assert.ok((await titles(page)).length > 1);
  await page.close();
});

test('nothing found: closest words and a way out', async () => {
  const page = await open('#q=balarys');
  const empty = page.locator('.empty');
  await empty.waitFor();
  assert.match(await empty.innerText(), /No cards match/);
  await empty.getByRole('link', { name: 'belarus' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#results article').length > 0);
  assert.equal((await titles(page))[0], 'Belarus');
  await page.close();
});

test('a keystroke draws a screenful of new cards at once, the rest when idle, in order', async () => {
  // A short window, so that a screenful is fewer cards than the list holds.
  const ctx = await launch({ viewport: { width: 1280, height: 420 } });
  try {
    await screenful(ctx);
  } finally {
    await ctx.close();
  }
});

async function screenful(ctx) {
  const page = await openPage(ctx);
  await page.goto(server.url);
  await appReady(page);
  await page.locator('#results article').first().waitFor();
  await listed(page);
  const full = Math.min(30, Number((await page.locator('#search-status').innerText()).match(/\d+/)[0]));
  const all = await titles(page);
  assert.equal(all.length, full);
  // From no results back to all of them: every card is new. Look at the list the keystroke's
  // render leaves, from a mutation observer: it runs in the same task as that render, so no
  // idle callback can have drawn more in between.
  await page.getByRole('searchbox').fill('zzzqqxx');
  await page.locator('.empty').waitFor();
  const frame = await page.evaluate(() => new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      const list = document.querySelector('#results .result-list');
      if (!list) return;
      watch.disconnect();
      resolve({ cards: [...list.querySelectorAll('article h3')].map((h) => h.textContent), busy: list.getAttribute('aria-busy') });
    });
    watch.observe(document.querySelector('#results'), { childList: true, subtree: true });
    const q = document.querySelector('#q');
    q.value = '';
    q.dispatchEvent(new Event('input', { bubbles: true }));
  }));
  assert.ok(frame.cards.length >= 1 && frame.cards.length < full, `${frame.cards.length} of ${full} cards in the keystroke's frame`);
  assert.equal(frame.busy, 'true', 'the list says more is coming');
  assert.deepEqual(frame.cards, all.slice(0, frame.cards.length), 'the first cards, in order');
  // Then the whole list, and no longer busy.
  assert.deepEqual(await titles(page), all);
  assert.equal(await page.locator('#results .result-list[aria-busy]').count(), 0);
  assert.deepEqual(page.problems(), []);
}

test('keyboard only: / to search, arrows through results, Enter opens, Escape steps back', async () => {
  const page = await open();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.type('moscow');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Moscow');
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.textContent);
  assert.notEqual(second, 'Moscow');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.locator('.card-detail').getByRole('heading', { name: 'Moscow' }).waitFor();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.card-detail'));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#q').value === '');
  assert.equal(await page.evaluate(() => location.hash), '');
  await page.close();
});

test('the document list and the reader show outlet and page date as stated', async () => {
  const page = await open();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Documents' }).click();
  await page.locator('.documents').waitFor();
  // As many as the footer says the data holds.
  const held = Number((await page.locator('.site-footer').innerText()).match(/from (\d+) documents/)[1]);
  assert.equal(await page.locator('.documents article').count(), held);
  await page.getByRole('link', { name: /Expert Working Group affiliated/ }).click();
  const reader = page.locator('article.reader');
  await reader.waitFor();
  const facts = await reader.locator('.doc-facts').innerText();
  assert.match(facts, /Not stated on the page/);
  assert.match(facts, /None printed/);
  assert.match(facts, /inferred/);
  assert.ok(await page.locator('.doc-facts-list li').count() >= 9);
  await page.close();
});

test('screenshots at phone, tablet and desktop widths, light and dark', async () => {
  for (const [width, scheme] of [[360, 'light'], [768, 'light'], [1280, 'light'], [360, 'dark'], [1280, 'dark']]) {
    const ctx = await launch({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await openPage(ctx);
    await page.goto(server.url + '#q=peace+mission');
    await appReady(page);
    await page.locator('#results article').first().waitFor();
    // Nothing may overflow the page sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at ${width}px (${overflow}px over)`);
    await screenshot(page, `search-${width}-${scheme}`);
    await page.goto(server.url + '#q=peace+mission&card=peace-mission-2018');
    await page.locator('.card-detail h2').waitFor();
    await screenshot(page, `card-${width}-${scheme}`);
    await page.goto(server.url + '#read=001_5f9b55a6b9e11d19&quote=ewg-7th-meeting.1');
    await page.locator('article.reader').waitFor();
    await screenshot(page, `reader-${width}-${scheme}`);
    assert.deepEqual(page.problems(), []);
    await ctx.close();
  }
});

test('Cyrillic and Greek letters that look Latin, inside a Latin word, find what the Latin word finds', async () => {
  // A name from the build's own data, rewritten with Cyrillic "а", "о", "е" where it has the Latin ones.
  const { facts } = JSON.parse(await readFile(join(SITE_DIR, 'data', 'facts.json'), 'utf8'));
  const names = facts.flatMap((f) => f.participants.map((p) => p.name));
  const latin = names.find((n) => /^[A-Za-z]{5,}$/.test(n) && /[aoe]/.test(n.slice(1)));
  assert.ok(latin, 'a one-word Latin name with an a, o or e');
  const swapped = latin[0] + latin.slice(1).replace(/a/g, '\u0430').replace(/o/g, '\u043e').replace(/e/g, '\u0435');
  const marked = [...swapped].filter((c) => c > '\u03ff').length;

  const page = await open(`#q=${encodeURIComponent(latin)}`);
  const expected = await titles(page);
  assert.ok(expected.length > 0);
  await page.getByRole('searchbox').fill(swapped);
  await page.locator('.lookalike-note').waitFor();
  assert.deepEqual(await titles(page), expected, `${swapped} finds what ${latin} finds`);
  // The note shows the letters as typed, each marked and named, and what was searched.
  const note = page.locator('.lookalike-note');
  assert.equal(await note.locator('mark.lookalike').count(), marked);
  assert.equal(await note.locator('mark.lookalike').first().getAttribute('title'), 'Cyrillic letter');
  assert.match(await note.innerText(), new RegExp(`Searched for “${latin}”.*Cyrillic, not Latin`));
  // With nothing found, the heading that quotes the query marks them too.
  await page.getByRole('searchbox').fill(`${swapped}qqzzx`);
  await page.locator('.empty h3 mark.lookalike').first().waitFor();
  assert.equal(await page.locator('.empty h3 mark.lookalike').count(), marked);
  assert.equal(await page.locator('.lookalike-note').count(), 1, 'said once');
  // A word all in Cyrillic is searched as written: nothing is read as Latin.
  await page.getByRole('searchbox').fill('\u041c\u043e\u0441\u043a\u0432\u0430');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === '\u041c\u043e\u0441\u043a\u0432\u0430');
  assert.equal(await page.locator('.lookalike-note, mark.lookalike').count(), 0);
  assert.deepEqual(page.problems(), []);
});
