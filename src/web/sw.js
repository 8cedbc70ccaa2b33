// sco-explorer service worker. A template: `.ci/post-build.mjs` writes the real `sw.js` into the
// build with VERSION and PRECACHE filled in from the files the build produced (their names carry
// content hashes), so the list is never written by hand.
//
// - install: the app's shell goes into a cache named after this build's VERSION: the start
//   page, the wasm and its JS, the stylesheet, icons, manifest, the not-found page and the
//   offline shell. Not the site's pages or data files: a first visit downloads the app, not
//   the site (the app carries the data and draws any page from it);
// - fetch: same-origin GETs are answered from that cache first; what the network gives (a
//   page, a data file) is kept there as it is fetched. A page offline that was never fetched
//   gets the shell (`shell.html`), and the app draws its route from its own data; a path that
//   names no page gets 404.html, online and offline;
// - an update installs beside the old version and waits; the page offers a reload, and only
//   then does the new worker take over and delete the old caches, so a page never mixes files
//   of two releases.

const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `sco-explorer-${VERSION}`;
const INDEX = new URL('./index.html', self.location).href;
const NOT_FOUND = new URL('./404.html', self.location).href;
const SHELL = new URL('./shell.html', self.location).href;
const SCOPE_PATH = new URL('./', self.location).pathname;

/**
 * Whether a path (under the scope) is one of the site's pages: a card's or a document's, or a
 * view's (the same folders the app reads a location by, `core::route::page`).
 */
function isPage(path) {
  if (!path.startsWith(SCOPE_PATH)) return false;
  const rest = path.slice(SCOPE_PATH.length);
  return /^(card\/[a-z0-9-]+\/|doc\/[a-z0-9][a-z0-9_-]*\/|timeline\/|table\/|documents\/)(index\.html)?$/.test(rest);
}

/** A page of the site, offline and never fetched: the shell, which resolves its files from the
 * scope at any depth, for the app to draw the route from its own data. */
async function shell(cache) {
  const page = await cache.match(SHELL);
  if (!page) return notFound(cache);
  const html = (await page.text()).replace(/<base href="[^"]*">/, `<base href="${SCOPE_PATH}">`);
  return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** The network's answer, kept in the cache when it is a whole, good one. */
async function fetched(cache, request, key = request) {
  const answer = await fetch(request);
  if (answer.ok && answer.type === 'basic') await cache.put(key, answer.clone());
  return answer;
}

/**
 * The not-found page, for a path with no page: its `<base>` made this worker's scope, so its
 * files and links resolve from the site root at any depth and under any base path.
 */
async function notFound(cache) {
  const page = await cache.match(NOT_FOUND);
  if (!page) return Response.redirect(new URL('./', self.location).href, 302);
  const html = (await page.text()).replace(/<base href="[^"]*">/, `<base href="${SCOPE_PATH}">`);
  return new Response(html, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload` skips the HTTP cache: the files must be this release's, not stale copies.
      cache.addAll(PRECACHE.map((path) => new Request(new URL(path, self.location), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('sco-explorer-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'VERSION') event.source?.postMessage({ type: 'VERSION', version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (request.mode === 'navigate') {
      // The page's own address: doubled slashes collapsed, the final slash of a page's folder
      // added (the page's relative URLs need both), as a redirect so the address bar shows it.
      let path = url.pathname.replace(/\/{2,}/g, '/');
      if (!/(\/|\.html)$/.test(path) && isPage(`${path}/`)) path += '/';
      if (path !== url.pathname) return Response.redirect(new URL(path + url.search, url.origin).href, 301);
      // The start page, or a page fetched before (card/<id>/ is card/<id>/index.html).
      const file = new URL(path.endsWith('/') ? `${path}index.html` : path, url.origin).href;
      const page = await cache.match(path === SCOPE_PATH ? INDEX : file);
      if (page) return page;
      try {
        const answer = await fetched(cache, request, file);
        return answer.status === 404 ? notFound(cache) : answer;
      } catch {
        // Offline: a page of the site opens as the app drawing it; anything else names the
        // path and offers the closest cards.
        return isPage(path) ? shell(cache) : notFound(cache);
      }
    }
    const hit = await cache.match(request, { ignoreSearch: true });
    return hit || fetched(cache, request);
  })());
});
