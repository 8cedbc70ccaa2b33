// Trunk post_build hook: finishes the site in $TRUNK_STAGING_DIR (or the folder given).
//
// 0. Minifies the JS glue (release builds).
// 1. Moves Trunk's inline loader script into a hashed file, so the page needs no inline script
//    and its Content-Security-Policy can forbid them.
// 2. Adds that CSP as a <meta> tag.
// 3. Writes sw.js from src/web/sw.js, with the list of files to precache (the app's shell, the
//    site's root files) and a version taken from the build output itself (content-hashed
//    names), never written by hand.
// 4. Writes the single-file edition: one HTML file with CSS, JS and wasm inlined, that works
//    from file:// (for archiving or sending by mail).
// 5. Publishes the dataset as files in data/ and a static page per card and document
//    (`cargo run -- publish`, the same data the build embedded: SCO_SEEDS, SCO_SYNTH and
//    SCO_SITE_URL are inherited), synthetic builds too. Pages are not precached: the service
//    worker keeps them as they are fetched, and draws any other offline from the app's data.
//
// `node .ci/post-build.mjs DIR` runs it on a built folder; the tests import `writeServiceWorker`.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
export const SINGLE_FILE = 'sco-explorer-offline.html';

const hash = (data, n = 16) => createHash('sha256').update(data).digest('hex').slice(0, n);
const b64hash = (data) => createHash('sha256').update(data).digest('base64');

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/**
 * The one inline script, first in every page's head: a page's URLs are relative to its folder,
 * so a path that hosts serve but that names the folder wrongly (a doubled slash, a missing
 * final slash) would load the page unstyled, without the app, its links one folder off. It
 * moves to the right address before anything is fetched. Inline, because any file it named
 * would be resolved from that wrong folder too; allowed by its hash alone.
 */
export const PATH_FIXER = String.raw`(()=>{const l=location;if(!/^https?:$/.test(l.protocol))return;let p=l.pathname.replace(/\/{2,}/g,'/');if(!/(\/|\.html)$/.test(p))p+='/';if(p!==l.pathname)l.replace(p+l.search+l.hash)})()`;

/** The site's CSP: scripts only from the site itself (and the path fixer, by its hash), wasm
 * compilation allowed, nothing external; a `<base>` only of the site (the not-found page's). */
export const CSP = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${b64hash(PATH_FIXER)}'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  // The search box's form, sent before the app runs or with JavaScript off, goes to the
  // start page (which reads its ?q= once the app starts).
  "form-action 'self'",
].join('; ');

/**
 * The published page is the app's first render: let the browser paint it before the wasm
 * is fetched and started (two animation frames, or 100 ms where frames do not come, as in a
 * hidden tab). Trunk's preload links for the wasm and its JS are taken out of the head and
 * the JS is imported after the paint (`externaliseLoader`): on a phone's network they shared
 * the bandwidth with the stylesheet, and Lighthouse counted their arrival into the page's
 * largest paint (mobile preset, 5 runs each, December 2026: with them, LCP 150-250 ms after
 * FCP and TBT 160-260 ms; without the preloads, LCP still up to 240 ms after FCP; with the
 * late import too, LCP within 30 ms of FCP, TBT 28-93 ms, performance 99-100). The app is
 * ready a little later; what the visitor does meanwhile is carried over (EARLY_PRESSES,
 * `web::boot`).
 */
const FIRST_PAINT = `await new Promise((ok) => { requestAnimationFrame(() => requestAnimationFrame(ok)); setTimeout(ok, 100); });`;

/**
 * First in the loader, before it waits for anything: what a visitor does on the published page
 * before the app runs is marked for the app to carry over (`web::boot`). A button does nothing
 * until then, so a press is marked on it with its order (`data-pressed="0 3"`) and the app
 * presses the button's twin; a control changed (a box ticked, a year chosen, a disclosure
 * opened) is marked `data-touched`, and its twin is given the same state. Once the app is live
 * (`data-app` on the root) this does nothing.
 */
const EARLY_PRESSES = `let pressed = 0;
const early = (e) => !document.documentElement.hasAttribute('data-app') && e.target instanceof Element && e.target.closest('#app');
document.addEventListener('click', (e) => {
  const b = early(e) && e.target.closest('#app button');
  if (!b) return;
  e.preventDefault();
  b.setAttribute('data-pressed', \`\${b.getAttribute('data-pressed') ?? ''} \${pressed++}\`.trim());
}, true);
for (const type of ['change', 'input', 'toggle']) {
  document.addEventListener(type, (e) => { if (early(e)) e.target.setAttribute('data-touched', ''); }, true);
}`;

const BOOT_EXTRA = `
// The panic panel (drawn by Rust with textContent) offers a reload; the wasm instance is dead by
// then, so the page's own script handles the button.
document.addEventListener('click', (e) => {
  if (e.target instanceof Element && e.target.closest('[data-action="reload"]')) location.reload();
});
`;

/**
 * Minifies wasm-bindgen's JS glue with terser (from .ci/tools, installed with wasm-opt), in
 * release builds: Trunk's own minifier fails on it ("Failed to minify JS") and ships it as is.
 * The file keeps its name (the SW version hashes contents).
 */
async function minifyGlue(dir) {
  if (process.env.TRUNK_PROFILE !== 'release') return;
  const require = createRequire(join(ROOT, '.ci/tools/package.json'));
  const { minify } = await import(pathToFileURL(require.resolve('terser')).href);
  const indexPath = join(dir, 'index.html');
  let html = await readFile(indexPath, 'utf8');
  const name = html.match(/sco-explorer-[0-9a-f]+\.js/)?.[0];
  if (!name) throw new Error('post-build: no JS glue named in index.html');
  const code = await readFile(join(dir, name), 'utf8');
  const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!out.code) throw new Error('post-build: terser returned nothing');
  await writeFile(join(dir, name), out.code);
  console.log(`post-build: JS glue minified ${code.length} -> ${out.code.length} bytes`);
}

/** Moves the inline loader into boot-<hash>.js and adds the CSP. Returns the new index.html and the loader. */
async function externaliseLoader(dir) {
  const indexPath = join(dir, 'index.html');
  let html = await readFile(indexPath, 'utf8');
  const match = html.match(/<script type=("?)module\1>([\s\S]*?)<\/script>/);
  if (!match) throw new Error('post-build: no inline module script found in index.html');
  // The wasm is fetched relative to the loader itself, not to the page: the same loader starts
  // the app from index.html and from the pages two folders down (card/<id>/).
  const body = match[2].trim().replace(/module_or_path: '(\.\/[^']+\.wasm)'/, "module_or_path: new URL('$1', import.meta.url)");
  if (!body.includes('import.meta.url')) throw new Error('post-build: the loader no longer names its wasm as expected');
  // The JS glue imported once the page has painted, not with the loader: a static import is
  // fetched while the page is parsed, and Lighthouse counted it into the largest paint.
  const glueImport = /import init, \* as bindings from '(\.\/[^']+\.js)';/;
  if (!glueImport.test(body)) throw new Error('post-build: the loader no longer imports its JS glue as expected');
  const late = body.replace(glueImport, "const bindings = await import('$1');\nconst init = bindings.default;");
  const loader = `${EARLY_PRESSES}\n${FIRST_PAINT}\n${late}\n${BOOT_EXTRA}`;
  const name = `boot-${hash(loader)}.js`;
  await writeFile(join(dir, name), loader);
  html = html.replace(match[0], `<script type=module src=./${name}></script>`);
  // No preload of the wasm or its JS: they are fetched once the page has painted (FIRST_PAINT).
  const preloads = /<link\b[^>]*\brel=("?)(?:module)?preload\1[^>]*>/g;
  if (!preloads.test(html)) throw new Error('post-build: Trunk no longer writes the preload links this step takes out');
  html = html.replace(preloads, '');
  if (!html.includes('Content-Security-Policy')) {
    html = html.replace(/<meta charset=("?)utf-8\1>/i, (m) => `${m}<meta http-equiv=Content-Security-Policy content="${CSP}"><script>${PATH_FIXER}</script>`);
  }
  await writeFile(indexPath, html);
  return { html, loader };
}

/**
 * The app's shell, what a first visit precaches: the files at the site's root (the start page,
 * the wasm and its JS, the stylesheet, icons, manifest, the not-found page and the offline
 * shell), not the pages in their folders, the data files, the feeds and sitemaps, robots.txt or
 * the single-file edition. The service worker keeps pages and data files as they are fetched.
 */
export const isShell = (rel) =>
  !rel.includes('/') && !/\.(xml|txt)$/.test(rel) && rel !== 'sw.js' && rel !== SINGLE_FILE;

/**
 * Writes sw.js for the files now in `dir`; returns { version, files } (the precached shell).
 * The version covers every file of the build, so any change to the site is a new release.
 */
export async function writeServiceWorker(dir) {
  const all = [];
  for await (const path of walk(dir)) {
    const rel = relative(dir, path).split('\\').join('/');
    if (rel === 'sw.js' || rel === SINGLE_FILE) continue;
    all.push(rel);
  }
  all.sort();
  const digest = createHash('sha256');
  for (const f of all) digest.update(f).update(await readFile(join(dir, f)));
  const version = digest.digest('hex').slice(0, 16);
  const files = all.filter(isShell);
  const template = await readFile(join(ROOT, 'src/web/sw.js'), 'utf8');
  const body = template
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__PRECACHE__', JSON.stringify(files.map((f) => `./${f}`)));
  await writeFile(join(dir, 'sw.js'), body);
  return { version, files };
}

/** Writes the single-file edition next to the site. */
async function writeSingleFile(dir, { html, loader }) {
  const find = (re, text = html) => {
    const m = text.match(re);
    if (!m) throw new Error(`post-build: ${re} not found in index.html or its loader`);
    return m[1] ?? m[0];
  };
  // File names carry content hashes; find them whatever the HTML's quoting or attribute order
  // (release builds are minified, debug builds are not).
  const css = await readFile(join(dir, find(/(main-[0-9a-f]+\.css)/)), 'utf8');
  // The glue is named by the loader that imports it (the page has no link to it).
  const glueName = find(/(sco-explorer-[0-9a-f]+\.js)/, loader);
  const glue = await readFile(join(dir, glueName), 'utf8');
  const wasm = await readFile(join(dir, glueName.replace(/\.js$/, '_bg.wasm')));
  const icon = await readFile(join(ROOT, 'style/icon.svg'));
  const title = find(/<title>([^<]*)<\/title>/);
  const description = find(/<meta[^>]*name="?description"?[^>]*>/).match(/content="([^"]*)"/)?.[1] ?? '';
  // The glue is imported from a Blob URL (import() of a data string); the wasm bytes are
  // handed to it directly. "</" is escaped so that no string can close the script early.
  const script = `
const glue = ${JSON.stringify(glue).replaceAll('</', '<\\/')};
const wasm = "${wasm.toString('base64')}";
const url = URL.createObjectURL(new Blob([glue], { type: 'text/javascript' }));
const { default: init } = await import(url);
const bytes = Uint8Array.from(atob(wasm), (c) => c.charCodeAt(0));
await init({ module_or_path: bytes });
${BOOT_EXTRA}`;
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${b64hash(script)}' blob: 'wasm-unsafe-eval'`,
    `style-src 'sha256-${b64hash(css)}'`,
    'img-src data:',
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:image/svg+xml;base64,${icon.toString('base64')}">
<style>${css}</style>
</head>
<body>
<noscript><p>This explorer needs JavaScript and WebAssembly.</p></noscript>
<script type="module">${script}</script>
</body>
</html>
`;
  await writeFile(join(dir, SINGLE_FILE), page);
  return page.length;
}

/** The marker that tells the app this site has a page per card (its links then point there). */
const PAGES_META = '<meta name=sco-pages content="card/ doc/">';

/**
 * The dataset as files in DIR/data, the pages (card/<id>/, doc/<id>/), robots.txt and, with
 * SCO_SITE_URL, sitemap.xml: `cargo run -- publish`, the host build of the same crate and seeds.
 * Marks index.html as having pages first, so the pages (which copy its head) carry it too.
 */
async function publish(dir) {
  const indexPath = join(dir, 'index.html');
  const html = await readFile(indexPath, 'utf8');
  if (!html.includes(PAGES_META)) await writeFile(indexPath, html.replace(/<title>/i, `${PAGES_META}$&`));
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '--', 'publish', dir], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`post-build: cargo run -- publish failed (${run.status ?? run.error})`);
}

export async function finishSite(dir) {
  await minifyGlue(dir);
  const size = await writeSingleFile(dir, await externaliseLoader(dir));
  await publish(dir);
  const { version, files } = await writeServiceWorker(dir);
  console.log(`post-build: ${files.length} files precached as version ${version}; ${SINGLE_FILE} ${size} bytes`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('post-build: give a folder or set TRUNK_STAGING_DIR');
  await rm(join(dir, 'sw.js'), { force: true });
  await finishSite(dir);
}
