// sco-explorer service worker. A template: `.ci/post-build.mjs` writes the real `sw.js` into the
// build with VERSION and PRECACHE filled in from the files the build produced (their names carry
// content hashes), so the list is never written by hand.
//
// - install: every file of this build goes into a cache named after this build's VERSION;
// - fetch: same-origin GETs are answered from that cache first (a navigation gets its page:
//   index.html, or a card's or document's page, all precached), the network only for what is
//   not there; a path with no page gets 404.html, online and offline;
// - an update installs beside the old version and waits; the page offers a reload, and only
//   then does the new worker take over and delete the old caches, so a page never mixes files
//   of two releases.

const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `sco-explorer-${VERSION}`;
const INDEX = new URL('./index.html', self.location).href;
const NOT_FOUND = new URL('./404.html', self.location).href;
const SCOPE_PATH = new URL('./', self.location).pathname;

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
      if (!/(\/|\.html)$/.test(path) && await cache.match(new URL(`${path}/index.html`, url.origin).href)) path += '/';
      if (path !== url.pathname) return Response.redirect(new URL(path + url.search, url.origin).href, 301);
      // A card's or document's page (card/<id>/ is card/<id>/index.html), or the app itself.
      const file = path.endsWith('/') ? `${path}index.html` : path;
      const page = await cache.match(new URL(file, url.origin).href);
      if (page) return page;
      if (path === SCOPE_PATH) return (await cache.match(INDEX)) || fetch(request);
      // Anything else: a page of a newer release the network may have, else the not-found
      // page (offline too), which names the path and offers the closest cards.
      try {
        const answer = await fetch(request);
        return answer.status === 404 ? notFound(cache) : answer;
      } catch {
        return notFound(cache);
      }
    }
    const hit = await cache.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
