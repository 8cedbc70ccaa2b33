// The published pages of cards and documents (card/<id>/, doc/<id>/): readable with JavaScript
// off, with link previews and JSON-LD, and the app starting on top of them with the same card.
// Which pages there are comes from the build's own data files, never from the curated data.
// (prerender.test.mjs covers every page as a whole: the views, links with no script, no flash.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, access, cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, serve, openPage, watchCsp, screenshot, appReady, SITE_DIR, REPORTS_DIR, ROOT } from './harness.mjs';
import { SINGLE_FILE } from '../.ci/post-build.mjs';
import { axe } from './a11y.mjs';

let server, js, nojs;

/** With JavaScript off Chromium refuses the app's script preloads ("csp"): not a fault of the page. */
const realProblems = (page) => page.problems().filter((p) => !/^request failed: \S+\.js csp$/.test(p));
before(async () => {
  server = await serve();
  js = await launch({ permissions: ['clipboard-read', 'clipboard-write'] });
  await watchCsp(js);
  nojs = await launch({ javaScriptEnabled: false });
});
after(async () => { await js?.close(); await nojs?.close(); await server?.close(); });

/** The ids in the first column of one of the build's data/*.csv files. */
async function ids(file) {
  const text = (await readFile(join(SITE_DIR, 'data', file), 'utf8')).replace(/^\uFEFF/, '');
  return text.split('\r\n').slice(1).filter(Boolean).map((line) => line.split(',')[0].replace(/^"|"$/g, ''));
}

const cards = async () => [...await ids('facts.csv'), ...await ids('entities.csv')];

/** The text a reader sees of an element, its parts listed in `drop` left out, spaces folded. */
async function textOf(page, selector, drop) {
  return page.locator(selector).first().evaluate((el, drop) => {
    const copy = el.cloneNode(true);
    for (const d of copy.querySelectorAll(drop)) d.remove();
    // innerText needs the copy in the document (it follows the styles).
    copy.style.position = 'absolute';
    el.parentNode.append(copy);
    const text = copy.innerText;
    copy.remove();
    return text.replace(/\s+/g, ' ').trim();
  }, drop);
}

/** What a page says of itself in its head, as a link unfurler reads it. */
async function head(page) {
  return page.evaluate(() => {
    const meta = (k) => document.querySelector(`meta[property="${k}"], meta[name="${k}"]`)?.content ?? null;
    return {
      title: document.title,
      description: meta('description'),
      ogTitle: meta('og:title'),
      ogDescription: meta('og:description'),
      ogType: meta('og:type'),
      ogUrl: meta('og:url'),
      twitter: meta('twitter:card'),
      canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href'),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)),
    };
  });
}

test('every card page reads with JavaScript off, previews well, and the app shows the same card on it', async () => {
  const list = await cards();
  assert.ok(list.length > 0);
  const off = await openPage(nojs);
  const on = await openPage(js);
  for (const id of list) {
    const url = `${server.url}card/${id}/`;
    await off.goto(url);
    const h = await head(off);
    const name = await off.locator('#card-title').innerText();
    assert.equal(h.ogTitle, name, id);
    assert.equal(h.title, `${name} · SCO explorer`, id);
    assert.ok(h.description && h.ogDescription === h.description, id);
    assert.equal(h.ogType, 'article');
    assert.equal(h.twitter, 'summary');
    assert.match(h.ogUrl, new RegExp(`card/${id}/$`));
    assert.equal(h.canonical, h.ogUrl);
    assert.equal(new URL(h.canonical, url).href, url, `${id}: the canonical link is the page itself`);
    assert.equal(h.jsonLd.length, 1);
    assert.equal(h.jsonLd[0]['@context'], 'https://schema.org');
    assert.equal(h.jsonLd[0].about.name, name, id);
    // Every card quotes its documents, and the page shows the quotes.
    const quotes = await off.locator('.card-detail blockquote').allInnerTexts();
    assert.ok(quotes.length > 0 && quotes.every((q) => q.trim()), `${id} shows its quotes`);
    const page = await textOf(off, '.card-detail', '.card-actions');

    await on.goto(url);
    await appReady(on);
    await on.locator('.card-detail #card-title', { hasText: name }).waitFor();
    assert.equal(on.url(), url, 'the address stays the page');
    const app = await textOf(on, '.card-detail', '.card-actions');
    assert.equal(page, app, `${id}: the page says what the app's card says`);
    assert.equal(await on.title(), h.title);
  }
  assert.deepEqual(realProblems(off), []);
  assert.deepEqual(on.problems(), []);
  assert.deepEqual(await on.evaluate(() => window.__csp), [], 'no CSP violation');
});

test('every document page shows the whole text with JavaScript off, as the reader does', async () => {
  const off = await openPage(nojs);
  const on = await openPage(js);
  for (const id of await ids('documents.csv')) {
    const url = `${server.url}doc/${id}/`;
    await off.goto(url);
    const h = await head(off);
    const title = await off.locator('#doc-title').innerText();
    assert.equal(h.ogTitle, title);
    assert.equal(h.jsonLd[0].about['@type'], 'CreativeWork');
    const paragraphs = await off.locator('.doc-body p').allInnerTexts();
    assert.ok(paragraphs.length > 0);
    // Names link to their cards' pages, which exist.
    for (const href of await off.locator('.doc-body a.mention').evaluateAll((as) => as.map((a) => a.href))) {
      assert.match(href, /\/card\/[a-z0-9-]+\/$/);
    }
    await on.goto(url);
    await appReady(on);
    await on.locator('.reader #doc-title', { hasText: title }).waitFor();
    assert.deepEqual(await on.locator('.reader .doc-body p').allInnerTexts(), paragraphs, id);
    assert.equal(await textOf(off, '.doc-facts-list', 'x'), await textOf(on, '.doc-facts-list', 'x'));
  }
  assert.deepEqual(realProblems(off), []);
  assert.deepEqual(on.problems(), []);
});

test('a card page and a document page pass axe as they are before the app starts', async (t) => {
  const [fact] = await ids('facts.csv');
  const [doc] = await ids('documents.csv');
  // axe needs scripts; the app's loader is held back, so the page stays as a reader without
  // JavaScript gets it (a fresh profile: no service worker answers before the route does).
  const ctx = await launch();
  t.after(() => ctx.close().catch(() => {}));
  const page = await ctx.newPage();
  await page.route(/\/boot-[0-9a-f]+\.js$/, (route) => route.abort());
  for (const path of [`card/${fact}/`, `doc/${doc}/`]) {
    await page.goto(server.url + path);
    assert.equal(await page.locator('html[data-app]').count(), 0, 'the static page, not the app');
    assert.equal(await page.locator('#app .card-detail, #app .reader').count(), 1);
    assert.deepEqual(await axe(page), [], path);
  }
});

test('from a page, the address moves to the page of what opens, or to the root for other views; Back returns', async () => {
  // The first fact whose card links to another card (which one depends on the data, so it is
  // looked for, not named).
  const page = await openPage(js);
  let url = null;
  for (const id of await ids('facts.csv')) {
    url = `${server.url}card/${id}/`;
    await page.goto(url);
    await appReady(page);
    await page.locator('.card-detail #card-title').waitFor();
    if (await page.locator('.card-detail dl.facts a').count()) break;
  }
  // "Copy link" and the permalink give the page itself.
  assert.equal(await page.locator('.card-actions a.permalink').getAttribute('href'), url);
  await page.locator('.card-actions').getByRole('button', { name: 'Copy link' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  // A link on the card leads to the other card's page, and the click goes there as a step
  // of its own (a new history entry), drawn by the app without a reload.
  const other = page.locator('.card-detail dl.facts a').first();
  const name = await other.innerText();
  const href = await other.getAttribute('href');
  assert.equal(new URL(href, url).pathname.replace(/[^/]+\/$/, ''), new URL(`${server.url}card/`).pathname, 'a card links to a card page');
  await page.evaluate(() => { window.__sameDocument = true; });
  await other.click();
  await page.waitForURL(new URL(href, url).href);
  await page.locator('.card-detail #card-title', { hasText: name }).waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  // A view with no page of its own (typing, which replaces the entry) is written at the site
  // root.
  await page.locator('#q').fill('a');
  await page.waitForURL((u) => u.pathname === new URL(server.url).pathname && u.hash.includes('q=a'));
  await page.goBack();
  await page.waitForURL(url);
  await page.locator('.card-detail #card-title').waitFor();
  // An old fragment link still opens what it names, on a page too.
  await page.goto(`${url}#view=documents`);
  await appReady(page);
  await page.locator('#docs-heading').waitFor();
  assert.deepEqual(page.problems(), []);
});

test('a first visit saves the app, not the site; offline, a card and a document page never visited open from its data', async (t) => {
  const list = await cards();
  const own = await serve();
  const ctx = await launch();
  t.after(() => ctx.close().catch(() => {}));
  const page = await openPage(ctx);
  await page.goto(`${own.url}card/${list[0]}/`);
  await page.locator('#offline-status', { hasText: 'Available offline' }).waitFor({ timeout: 20000 });
  // What the service worker saved: the app's shell and the page visited, no other page and no
  // data file.
  const saved = await page.evaluate(async () => {
    const all = [];
    for (const key of await caches.keys()) {
      for (const r of await (await caches.open(key)).keys()) all.push(new URL(r.url).pathname);
    }
    return all;
  });
  const root = new URL(own.url).pathname;
  const pages = saved.filter((p) => /\/(card|doc)\//.test(p.slice(root.length - 1)));
  // (The first page a browser opens is fetched before its service worker runs.)
  assert.ok(pages.every((p) => p === `${root}card/${list[0]}/index.html`), `only the page visited: ${pages}`);
  assert.ok(!saved.some((p) => p.includes('/data/')), 'no data file');
  assert.ok(saved.some((p) => /_bg\.wasm$/.test(p)), 'the app');
  await own.close();
  const last = list.at(-1);
  await page.goto(`${own.url}card/${last}/`);
  await page.locator('.card-detail #card-title').waitFor();
  assert.equal(await textOf(page, '.card-detail', '.card-actions').then((t) => t.length > 0), true);
  assert.equal(await page.locator('.notices').count(), 0, 'a page, not a missing one');
  const [doc] = await ids('documents.csv');
  await page.goto(`${own.url}doc/${doc}/`);
  await page.locator('.reader #doc-title').waitFor();
  await screenshot(page, 'offline-page');
  // A path that names no page is still the not-found page, offline too.
  await page.goto(`${own.url}no/such/page/`);
  await appReady(page);
  assert.match(await page.locator('.notices').innerText(), /no page at/i);
});

test('robots.txt allows crawling; a sitemap, when the build knows its address, lists every page', async () => {
  const robots = await readFile(join(SITE_DIR, 'robots.txt'), 'utf8');
  assert.match(robots, /^User-agent: \*$/m);
  const sitemap = join(SITE_DIR, 'sitemap.xml');
  const has = await access(sitemap).then(() => true, () => false);
  assert.equal(has, /^Sitemap: /m.test(robots));
  if (has) {
    const xml = await readFile(sitemap, 'utf8');
    for (const id of await cards()) assert.ok(xml.includes(`/card/${id}/</loc>`), id);
  }
});

/** A copy of a built site served under /sco/ and published again with SCO_SITE_URL set to
 * that address (and `seeds` as its data), as a deployment would build it. */
async function addressed(from, seeds) {
  const dir = await mkdtemp(join(tmpdir(), 'sco-address-'));
  await cp(from, dir, { recursive: true });
  const site = await serve({ root: dir, base: '/sco/' });
  const env = { ...process.env, SCO_SITE_URL: site.url };
  if (seeds) env.SCO_SEEDS = seeds;
  else delete env.SCO_SEEDS;
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '--', 'publish', dir], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  assert.equal(run.status, 0, 'published');
  const { facts } = JSON.parse(await readFile(join(dir, 'data', 'facts.json'), 'utf8'));
  return { site, facts };
}

test('told its address, the site names itself absolutely on every page, the root too, and its 404 page resolves under it', async () => {
  const { site, facts } = await addressed(REPORTS_DIR, 'tests/fixtures/reports');
  const off = await openPage(nojs);
  for (const [path, url] of [['', site.url], [`card/${facts[0].id}/`, `${site.url}card/${facts[0].id}/`]]) {
    await off.goto(site.url + path);
    assert.equal(await off.locator('link[rel=canonical]').getAttribute('href'), url, `canonical of /${path}`);
    assert.equal(await off.locator('meta[property="og:url"]').getAttribute('content'), url, `og:url of /${path}`);
  }
  // The not-found page, at any depth of the base path, loads its files and starts the app.
  const page = await openPage(js);
  const answer = await page.goto(`${site.url}no/such/page/`);
  assert.equal(answer.status(), 404);
  await appReady(page);
  assert.match(await page.locator('.notices').innerText(), /no page at/i);
  assert.equal(await page.locator('.site-header').evaluate((h) => getComputedStyle(h).display), 'flex', 'styled');
  await site.close();
});

test("feed.xml parses as Atom in the browser's XML parser, with an entry for every report, and the pages point to it", async () => {
  // The real data, and the fixture where later documents revise and dispute earlier ones.
  for (const [from, seeds] of [[SITE_DIR, null], [REPORTS_DIR, 'tests/fixtures/reports']]) {
    const { site, facts } = await addressed(from, seeds);
    const page = await openPage(js);
    await page.goto(site.url);
    await appReady(page);
    const feed = await page.evaluate(async () => {
      // The feed, then each archive it leads back to (RFC 5005's prev-archive), oldest last.
      const docs = [];
      let next = 'feed.xml';
      while (next && docs.length < 1000) {
        const text = await (await fetch(next)).text();
        const xml = new DOMParser().parseFromString(text, 'application/xml');
        docs.push(xml);
        next = xml.documentElement.querySelector(':scope > link[rel=prev-archive]')?.getAttribute('href');
      }
      const xml = docs[0];
      const ATOM = 'http://www.w3.org/2005/Atom';
      const one = (el, name) => el.getElementsByTagNameNS(ATOM, name).length === 1 && el.getElementsByTagNameNS(ATOM, name)[0].textContent.trim() !== '';
      const root = xml.documentElement;
      const entries = docs.flatMap((d) => [...d.documentElement.getElementsByTagNameNS(ATOM, 'entry')]);
      return {
        error: docs.reduce((n, d) => n + d.getElementsByTagName('parsererror').length, 0),
        inFeed: root.getElementsByTagNameNS(ATOM, 'entry').length,
        root: `${root.namespaceURI} ${root.localName}`,
        head: ['title', 'id', 'updated'].every((n) => [...root.children].filter((c) => c.localName === n).length === 1),
        author: root.getElementsByTagNameNS(ATOM, 'author').length > 0,
        self: !!root.querySelector(':scope > link[rel=self]'),
        entries: entries.length,
        complete: entries.filter((e) => ['title', 'id', 'updated', 'summary'].every((n) => one(e, n)) && e.querySelector('link[rel=alternate]')).length,
        ids: new Set(entries.map((e) => e.getElementsByTagNameNS(ATOM, 'id')[0].textContent)).size,
        dates: entries.map((e) => e.getElementsByTagNameNS(ATOM, 'updated')[0].textContent),
        links: entries.map((e) => e.querySelector('link[rel=alternate]').getAttribute('href')),
        titles: entries.map((e) => e.getElementsByTagNameNS(ATOM, 'title')[0].textContent),
      };
    });
    const reports = facts.reduce((n, f) => n + f.sources.length, 0);
    assert.equal(feed.error, 0, 'well-formed XML');
    assert.equal(feed.root, 'http://www.w3.org/2005/Atom feed');
    assert.ok(feed.head && feed.author && feed.self, 'the feed has its title, id, updated, author and self link');
    assert.equal(feed.entries, reports, 'an entry for every report, in the feed or its archives');
    assert.ok(feed.inFeed >= 1 && feed.inFeed <= 100, `the feed itself holds 1 to 100 entries: ${feed.inFeed}`);
    assert.equal(feed.complete, reports, 'every entry has a title, id, updated, summary and link');
    assert.equal(feed.ids, reports, 'ids are unique');
    assert.deepEqual([...feed.dates].sort().reverse(), feed.dates, 'newest first');
    // Each entry is titled with its fact and links to the fact's page, which exists.
    for (const f of facts) {
      const mine = feed.links.map((l, i) => [l, feed.titles[i]]).filter(([l]) => l === `${site.url}card/${f.id}/`);
      assert.equal(mine.length, f.sources.length, f.id);
      assert.ok(mine.every(([, t]) => t.startsWith(`${f.title}: `)), f.id);
    }
    const card = await page.request.get(feed.links[0]);
    assert.equal(card.status(), 200);
    const off = await openPage(nojs);
    await off.goto(site.url);
    assert.equal(await off.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href'), `${site.url}feed.xml`);
    // Seen, not only in the head: beside the downloads (with the app and without it), and
    // among the data files of the documents page.
    for (const p of [page, off]) {
      const link = p.locator('.exports .feed-link a');
      assert.equal(await link.getAttribute('href'), `${site.url}feed.xml`);
      assert.ok(await link.isVisible(), 'the feed link is visible');
    }
    await off.goto(`${site.url}documents/`);
    assert.equal(await off.locator('.data-files a[type="application/atom+xml"]').getAttribute('href'), `${site.url}feed.xml`);
    await site.close();
  }
});

test('the single-file edition keeps fragment links and says so beside "Copy link"', async () => {
  const [first] = await ids('facts.csv');
  const page = await openPage(js);
  await page.goto(pathToFileURL(join(SITE_DIR, SINGLE_FILE)).href + `#card=${first}`);
  await page.locator('.card-detail #card-title').waitFor();
  assert.equal(await page.locator('.card-actions a.permalink').getAttribute('href'), `#card=${first}`);
  assert.match(await page.locator('.card-actions .link-note').innerText(), /no pages of its own/);
});
