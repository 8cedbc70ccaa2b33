// Exports: the current view's facts download as CSV (RFC 4180, UTF-8 with a byte-order mark)
// and JSON, and hold exactly the facts the results show, titles intact. Expectations come from
// the page itself, never from the curated data.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, serve, openPage, appReady, listed, parseCsv, FIXTURE_DIR } from './harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch({ acceptDownloads: true }); });
after(async () => { await context?.close(); await server?.close(); });

/** Every fact card the results show, after "Show more" until none is left: id → title. */
async function shownFacts(page) {
  for (;;) {
    const more = page.locator('.show-more');
    if (!(await more.count())) break;
    await more.click();
  }
  await listed(page);
  return new Map(await page.locator('article.result.fact h3').evaluateAll((hs) =>
    hs.map((h) => [h.id.replace(/^r-/, ''), h.textContent.trim()])));
}

async function download(page, label) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.exports').getByRole('button', { name: label }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

for (const hash of ['#type=exercise', '#q=2017', '#']) {
  test(`the CSV and JSON of ${hash} hold exactly the facts shown`, async () => {
    const page = await openPage(context);
    await page.goto(server.url + hash);
    await appReady(page);
    await page.locator('.exports').waitFor();
    const shown = await shownFacts(page);
    assert.ok(shown.size > 0, 'the view shows facts');
    assert.match(await page.locator('.exports').innerText(), new RegExp(`${shown.size === 1 ? 'this fact' : `these ${shown.size} facts`}`));

    const csv = await download(page, 'CSV');
    assert.equal(csv.name, 'sco-explorer-facts.csv');
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
    const text = csv.bytes.toString('utf8').slice(1);
    assert.ok(text.startsWith('id,') && text.endsWith('\r\n'), 'a header, and CRLF record ends');
    const [head, ...rows] = parseCsv(text);
    assert.deepEqual(head.slice(0, 4), ['id', 'title', 'kind', 'status']);
    assert.ok(rows.every((r) => r.length === head.length), 'every record has every column');
    assert.deepEqual(new Map(rows.map((r) => [r[0], r[1]])), shown, 'the same facts, titles intact');

    const json = await download(page, 'JSON');
    const facts = JSON.parse(json.bytes.toString('utf8')).facts;
    assert.deepEqual(new Map(facts.map((f) => [f.id, f.title])), shown);
    assert.ok(facts.every((f) => f.sources.length >= 1 && f.sources.every((s) => s.quotes.length >= 1)), 'every source with its quotes');
    assert.deepEqual(page.problems(), []);
    await page.close();
  });
}

test('a card\'s citation downloads as CSL-JSON and BibTeX, citing what the plain citation cites', async () => {
  const page = await openPage(context);
  await page.goto(server.url + '#type=exercise');
  await appReady(page);
  const id = (await page.locator('article.result.fact h3').first().getAttribute('id')).replace(/^r-/, '');
  await page.goto(server.url + `#card=${id}`);
  await page.locator('details.cite summary').click();
  const plain = await page.locator('#citation-text').inputValue();
  const title = (await page.locator('#card-title').innerText()).trim();

  const [csl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSL-JSON' }).click()]);
  assert.equal(csl.suggestedFilename(), `${id}.json`);
  const items = JSON.parse(await readFile(await csl.path(), 'utf8'));
  assert.equal(items[0].title, title, 'the card itself first');
  assert.ok(items[0].URL.endsWith(`/card/${id}/`), items[0].URL);
  assert.ok(items.length >= 2, 'and its sources');
  for (const source of items.slice(1)) assert.ok(plain.includes(source.title), `${source.title} is in the citation too`);

  const [bib] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'BibTeX' }).click()]);
  const text = await readFile(await bib.path(), 'utf8');
  assert.equal((text.match(/@misc\{/g) ?? []).length, items.length, 'the same entries');
  assert.ok(text.includes(`url = {${items[0].URL}}`));
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('the build ships the whole dataset as files: one row per fact and per entity, and a JSON Schema', async () => {
  const page = await openPage(context);
  await page.goto(server.url + '#');
  await appReady(page);
  // The footer says how many facts and entities this edition holds.
  const footer = await page.locator('footer').innerText();
  const [, facts, entities] = footer.match(/(\d+) facts and (\d+) entities/) ?? [];
  assert.ok(facts && entities, footer);
  const get = async (path) => {
    const res = await fetch(new URL(path, server.url));
    assert.equal(res.status, 200, path);
    return { type: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const csv = await get('data/facts.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
  assert.equal(rows.length - 1, Number(facts), 'one row per fact');
  const json = JSON.parse((await get('data/facts.json')).bytes.toString('utf8'));
  assert.deepEqual(json.facts.map((f) => f.id), rows.slice(1).map((r) => r[0]), 'the same facts, in the same order');
  const ents = parseCsv((await get('data/entities.csv')).bytes.toString('utf8').slice(1));
  assert.equal(ents.length - 1, Number(entities), 'one row per entity');
  const schema = JSON.parse((await get('data/facts.schema.json')).bytes.toString('utf8'));
  for (const f of json.facts) {
    for (const key of schema.$defs.fact.required) assert.ok(key in f, `${f.id} has ${key}`);
  }
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('a CSV cell that a spreadsheet would run as a formula is neutralised; the JSON keeps the text', async () => {
  // The hostile fixture has a fact whose title and quote begin with "=HYPERLINK(".
  const fixture = await serve({ root: FIXTURE_DIR });
  const page = await openPage(context);
  await page.goto(`${fixture.url}#q=totals`);
  await appReady(page);
  await page.locator('.exports').waitFor();
  const [head, ...rows] = parseCsv((await download(page, 'CSV')).bytes.toString('utf8').slice(1));
  const row = rows.find((r) => r[0] === 'formula-cells');
  assert.ok(row, 'the fixture fact is exported');
  const cell = (name) => row[head.indexOf(name)];
  assert.ok(cell('title').startsWith(`'=HYPERLINK(`), cell('title'));
  assert.ok(cell('quotes').startsWith(`'=HYPERLINK(`), cell('quotes'));
  // No cell of any row begins with a character a spreadsheet reads as a formula.
  const risky = rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c));
  assert.deepEqual(risky, []);
  const json = JSON.parse((await download(page, 'JSON')).bytes.toString('utf8'));
  const fact = json.facts.find((f) => f.id === 'formula-cells');
  assert.ok(fact.title.startsWith('=HYPERLINK('), 'the JSON keeps the text as it is');
  await page.close();
  await fixture.close();
});
