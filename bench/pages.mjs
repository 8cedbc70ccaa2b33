// The published site at scale: for each tier (the real data and the synthetic ones), publishes
// the built site's pages again with a site address (so the feed and sitemap are written too),
// with the same `cargo run -- publish` the build's post-build step runs, and measures what a
// host and a first visit get: publish time and peak memory, pages, total and largest page
// (raw and gzip), the files a first visit precaches against the app's own bytes, the feed and
// its archives, the sitemap. `bash .ci/bench` runs it after building the tiers;
// `node bench/pages.mjs real=DIR 1000=DIR …` runs it on sites already built. Writes
// bench/results-pages.json; `run.mjs` puts its table in RESULTS.md.

import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { writeServiceWorker } from '../.ci/post-build.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
export const PAGES_JSON = join(HERE, 'results-pages.json');
const SITE_URL = 'https://example.org/sco/';
const gz = (b) => gzipSync(b, { level: 9 }).length;

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Publishes tier `name` (a number of synthetic facts, or "real") from the built site `built`. */
function publish(name, dir) {
  const env = { ...process.env, SCO_SITE_URL: SITE_URL };
  delete env.SCO_SYNTH;
  if (name !== 'real') env.SCO_SYNTH = name;
  // Compile first, so the publish's own time is not the compiler's.
  const build = spawnSync('cargo', ['build', '--quiet', '--locked'], { cwd: ROOT, env, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`cargo build failed for tier ${name}`);
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '--', 'publish', dir], { cwd: ROOT, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`publish failed for tier ${name}: ${run.stderr}`);
  const line = run.stdout.trim();
  const m = /in ([\d.]+) s \(peak memory (\d+) MB\).*\((\d+) facts\), (\d+) pages/.exec(line);
  if (!m) throw new Error(`publish said something unexpected: ${line}`);
  return { seconds: Number(m[1]), peakMB: Number(m[2]), facts: Number(m[3]), pagesSaid: Number(m[4]) };
}

/** Measures one tier; `built` is a site built by Trunk (its root files are copied, its pages remade). */
export async function measureTier(name, built, work) {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  for (const entry of await readdir(built, { withFileTypes: true })) {
    if (entry.isFile()) await cp(join(built, entry.name), join(work, entry.name));
  }
  const pub = publish(name, work);
  const { files: precached } = await writeServiceWorker(work);

  const pages = { count: 0, bytes: 0, gzip: 0, largest: { path: '', bytes: 0, gzip: 0 }, largestCard: { path: '', bytes: 0 } };
  const feed = { files: 0, bytes: 0, entries: 0, archives: 0, newest: 0 };
  const sitemap = { files: 0, bytes: 0, maxUrls: 0 };
  for await (const path of walk(work)) {
    const rel = relative(work, path).split('\\').join('/');
    const body = await readFile(path);
    if (rel.endsWith('/index.html')) {
      const g = gz(body);
      pages.count += 1;
      pages.bytes += body.length;
      pages.gzip += g;
      if (body.length > pages.largest.bytes) pages.largest = { path: rel, bytes: body.length, gzip: g };
      if (rel.startsWith('card/') && body.length > pages.largestCard.bytes) pages.largestCard = { path: rel, bytes: body.length };
    } else if (/^feed(-archive-\d+)?\.xml$/.test(rel)) {
      const entries = body.toString('utf8').split('<entry>').length - 1;
      feed.files += 1;
      feed.bytes += body.length;
      feed.entries += entries;
      if (rel === 'feed.xml') { feed.newest = entries; feed.feedBytes = body.length; }
      else feed.archives += 1;
    } else if (/^sitemap(-\d+)?\.xml$/.test(rel)) {
      const text = body.toString('utf8');
      sitemap.files += 1;
      sitemap.bytes += body.length;
      sitemap.maxUrls = Math.max(sitemap.maxUrls, text.split('<url>').length - 1);
      if (rel === 'sitemap.xml') sitemap.index = text.includes('<sitemapindex');
    }
  }
  let pre = { files: precached.length, bytes: 0, gzip: 0 };
  let app = 0;
  for (const f of precached) {
    const body = await readFile(join(work, f));
    pre.bytes += body.length;
    pre.gzip += gz(body);
    // The app itself: the wasm, its JS (the glue and the loader), the stylesheet, the start page.
    if (/\.(wasm|js|css)$/.test(f) || f === 'index.html') app += gz(body);
  }
  await rm(work, { recursive: true, force: true });
  return { tier: name, ...pub, pages, precache: { ...pre, app, ratio: pre.gzip / app }, feed, sitemap };
}

const kb = (b) => (b / 1024).toFixed(1);

/** The table for RESULTS.md. */
export function pagesSection(rows) {
  if (!rows?.length) return [];
  const L = ['## Pages at scale (issue 37)', '',
    `Each tier's site published again with \`SCO_SITE_URL=${SITE_URL}\` by the build's own \`cargo run -- publish\` (the debug host build the test command uses), on this machine's 2 cores. The precache is what a first visit downloads; "app" is the gzip bytes of the wasm, its JS, the stylesheet and the start page, the issue's yardstick (precache ≤ 1.3 × app).`, '',
    '| tier | facts | publish | peak memory | pages | pages total (gzip) | largest page (gzip) | largest card page | precached files | precached gzip | app gzip | ratio | feed.xml | feed entries (archives) | sitemap files, max URLs |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    L.push(`| ${r.tier} | ${r.facts} | ${r.seconds.toFixed(1)} s | ${r.peakMB} MB | ${r.pages.count} | ${(r.pages.bytes / 1048576).toFixed(1)} MB (${(r.pages.gzip / 1048576).toFixed(1)} MB) | ${kb(r.pages.largest.bytes)} KB (${kb(r.pages.largest.gzip)} KB) \`${r.pages.largest.path}\` | ${kb(r.pages.largestCard.bytes)} KB | ${r.precache.files} | ${kb(r.precache.gzip)} KB | ${kb(r.precache.app)} KB | ${r.precache.ratio.toFixed(2)}× | ${kb(r.feed.feedBytes ?? 0)} KB | ${r.feed.newest} of ${r.feed.entries} (${r.feed.archives}) | ${r.sitemap.files}${r.sitemap.index ? ' (index)' : ''}, ${r.sitemap.maxUrls} |`);
  }
  return L;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = [];
  for (const arg of process.argv.slice(2)) {
    const [name, dir] = arg.split('=');
    const row = await measureTier(name, dir, join(dirname(dir), `pages-${name}`));
    console.log(pagesSection([row]).slice(-1)[0]);
    rows.push(row);
  }
  await writeFile(PAGES_JSON, JSON.stringify(rows, null, 2) + '\n');
  console.log(pagesSection(rows).join('\n'));
}
