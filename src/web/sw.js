// sco-explorer service worker. A template: `.ci/post-build.mjs` writes the real `sw.js` into the
// build with VERSION and PRECACHE filled in from the files the build produced (their names carry
// content hashes), so the list is never written by hand.
//
// - install: every file of this build goes into a cache named after this build's VERSION;
// - fetch: same-origin GETs are answered from that cache first (a navigation gets its page:
//   index.html, or a card's or document's page, all precached), the network only for what is
//   not there;
// - an update installs beside the old version and waits; the page offers a reload, and only
//   then does the new worker take over and delete the old caches, so a page never mixes files
//   of two releases.

const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `sco-explorer-${VERSION}`;
const INDEX = new URL('./index.html', self.location).href;

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
      // A card's or document's page (card/<id>/ is card/<id>/index.html), or the app itself.
      const file = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
      const page = await cache.match(new URL(file, url.origin).href);
      if (page) return page;
      const scopePath = new URL('./', self.location).pathname;
      if (url.pathname === scopePath) return (await cache.match(INDEX)) || fetch(request);
      // Anything else (a page of another release, a mistyped path): the network, and offline
      // the app's start view rather than the browser's error page.
      try {
        return await fetch(request);
      } catch {
        return Response.redirect(new URL('./', self.location).href, 302);
      }
    }
    const hit = await cache.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
