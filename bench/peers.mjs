// The peers in the benchmark, configured to match sco-explorer's search as closely as each allows:
// fields weighted like ours (name 10, alias 9, role 6, linked 4, kind 3, summary 3, quote 2);
// every word must match; prefixes; typos of one edit from 5 letters and two from 9 (MiniSearch;
// FlexSearch has no edit-distance matching, so it gets its closest: "LatinBalance" normalisation
// and suggestions off). `?lib=minisearch|flexsearch&n=<tier>`.

import MiniSearch from './node_modules/minisearch/dist/es/index.js';
import FlexSearch from './node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs';

const params = new URLSearchParams(location.search);
const lib = params.get('lib');
const n = params.get('n');
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
document.getElementById('q').addEventListener('input', (e) => render(e.target.value.trim() ? search(e.target.value) : []));

window.peer = {
  lib, n: records.length, buildMs, heap,
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
