// The peers in the benchmark, configured to match sco-explorer's search as closely as each allows:
// fields weighted like ours (name 10, alias 9, role 6, linked 4, kind 3, summary 3, quote 2);
// every word must match; prefixes; typos of one edit from 5 letters and two from 9 (MiniSearch;
// FlexSearch has no edit-distance matching, so it gets its closest: "LatinBalance" normalisation
// and suggestions off). `?lib=minisearch|flexsearch&n=<tier>`; `&cards=1` draws our result
// cards instead of a bare list: the same markup (eyebrow with type, status and date badges,
// the title with the matched words marked, snippet, sources) under our stylesheet, by plain DOM
// code, so what is left between it and ours is our code, not the browser's layout and paint.

import MiniSearch from './node_modules/minisearch/dist/es/index.js';
import FlexSearch from './node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs';

const params = new URLSearchParams(location.search);
const lib = params.get('lib');
const n = params.get('n');
const cards = params.get('cards') === '1';
const FIELDS = ['name', 'alias', 'role', 'linked', 'kind', 'summary', 'quote'];
const BOOST = { name: 10, alias: 9, role: 6, linked: 4, kind: 3, summary: 3, quote: 2 };

const text = await (await fetch(`./out/records-${n}.jsonl`)).text();
const records = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
const byId = new Map(records.map((r) => [r.id, r]));

function buildMini() {
  const ms = new MiniSearch({
    idField: 'id',
    fields: FIELDS,
    searchOptions: {
      prefix: true,
      fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0),
      boost: BOOST,
      combineWith: 'AND',
    },
  });
  ms.addAll(records);
  return (q) => ms.search(q).slice(0, 30).map((r) => r.id);
}

function buildFlex() {
  const index = new FlexSearch.Document({
    tokenize: 'forward',
    encoder: FlexSearch.Charset.LatinBalance,
    document: { id: 'id', index: FIELDS },
  });
  for (const r of records) index.add(r);
  return (q) => {
    // Field results in weight order, merged: the closest FlexSearch gets to our field weights.
    const seen = new Set();
    const out = [];
    const results = index.search(q, { limit: 30 });
    results.sort((a, b) => (BOOST[b.field] ?? 0) - (BOOST[a.field] ?? 0));
    for (const { result } of results) for (const id of result) if (!seen.has(id) && out.length < 30) { seen.add(id); out.push(id); }
    return out;
  };
}

const heapBefore = performance.memory?.usedJSHeapSize ?? 0;
const t0 = performance.now();
const search = lib === 'flexsearch' ? buildFlex() : buildMini();
const buildMs = performance.now() - t0;
const heap = (performance.memory?.usedJSHeapSize ?? 0) - heapBefore;

const list = document.getElementById('results');
const count = document.getElementById('count');

/** `tag` with a class and children (strings become text). */
function el(tag, cls, ...children) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

/** The title with every word that starts with a query word marked, as ours marks prefixes. */
function marked(text, words) {
  if (!words.length) return [text];
  const out = [];
  for (const part of text.split(/(\s+)/)) {
    const w = part.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (w && words.some((q) => w.startsWith(q))) out.push(el('mark', null, part));
    else out.push(part);
  }
  return out;
}

/** One result card, the markup of ours (`ui::search::results::ResultCard`). */
function card(id, words) {
  const c = byId.get(id).card;
  const eyebrow = el('p', 'eyebrow', el('span', `kind kind-${c.kindSlug}`, c.kind));
  if (c.status) eyebrow.append(el('span', `status status-${c.statusSlug}`, c.status));
  if (c.fact) {
    if (!c.date) eyebrow.append(el('span', 'date unknown', 'Date unknown'));
    else {
      const time = el('time', null, c.date.text);
      time.setAttribute('datetime', c.date.iso);
      const date = el('span', c.date.inferred ? 'date inferred' : 'date', time);
      if (c.date.inferred) {
        date.title = `Inferred: ${c.date.inferred}`;
        date.append(el('span', 'inferred-mark', ' (inferred)'));
      }
      eyebrow.append(date);
    }
  }
  const link = el('a', 'result-link', ...marked(c.title, words));
  link.href = `card/${id}/`;
  const h3 = el('h3', null, link);
  h3.id = `r-${id}`;
  const article = el('article', `result ${c.fact ? 'fact' : 'entity'}`, eyebrow, h3, el('p', 'snippet', ...marked(c.snippet, words)));
  article.setAttribute('aria-labelledby', h3.id);
  if (c.sources.length) {
    const src = el('p', 'source', c.sources.length === 1 ? 'Source: ' : 'Sources: ');
    c.sources.forEach((s, i) => { if (i) src.append('; '); src.append(el('cite', null, s)); });
    article.append(src);
  }
  if (c.badges.length) {
    const ul = el('ul', 'source-badges', ...c.badges.map((b) => el('li', null, b)));
    ul.setAttribute('aria-label', 'Sources');
    article.append(ul);
  }
  return el('li', null, article);
}

function renderCards(ids, q) {
  const words = q.toLowerCase().split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean);
  list.replaceChildren(...ids.map((id) => card(id, words)));
  count.textContent = `${ids.length} results`;
}

if (cards) {
  // Our stylesheet (copied from the real site by run.mjs), and our list's class.
  const css = el('link');
  css.rel = 'stylesheet';
  css.href = './out/main.css';
  await new Promise((ok) => { css.onload = ok; css.onerror = ok; document.head.append(css); });
  list.className = 'result-list';
}

function render(ids) {
  list.replaceChildren(...ids.map((id) => {
    const li = document.createElement('li');
    const h = document.createElement('h3');
    h.textContent = byId.get(id)?.name ?? id;
    const p = document.createElement('p');
    p.textContent = (byId.get(id)?.summary ?? '').slice(0, 200);
    li.append(h, p);
    return li;
  }));
  count.textContent = `${ids.length} results`;
}
document.getElementById('q').addEventListener('input', (e) => {
  const q = e.target.value;
  const ids = q.trim() ? search(q) : [];
  if (cards) renderCards(ids, q); else render(ids);
});

window.peer = {
  lib, cards, n: records.length, buildMs, heap,
  /** Each query's median milliseconds over `runs` passes of the whole list, in order (as ours). */
  time(qs, runs) {
    const t = qs.map(() => []);
    for (let i = 0; i < runs; i++) {
      qs.forEach((q, j) => { const a = performance.now(); search(q); t[j].push(performance.now() - a); });
    }
    return t.map((x) => x.sort((a, b) => a - b)[x.length >> 1]);
  },
};
document.body.dataset.ready = 'yes';
