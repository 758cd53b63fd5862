// The service worker that lets the app start with the network off, once it has been opened
// once. Template: web/build_sw.mjs (a Trunk post_build hook) writes it to dist/sw.js after
// each build with two constants put in front of it:
//   BUILD  a digest of every file of the build (so each build has its own cache, and a new
//          build's sw.js differs from the old one, which makes the browser install it);
//   FILES  the build's files, relative to this script ("./" is the page).
// web/boot.js registers it (relative to the page, so any folder works).
//
// Policy: network first, the cache only when the network fails. Online, the app is exactly
// what the server has (a new build is never mixed with an old cached one: the page and
// its workers must come from the same build); offline, every file comes from the last
// build that was cached whole. Only GET requests to this origin under this folder are
// touched; nothing is ever requested from another origin.
/* global BUILD, FILES */
const SCOPE = new URL('./', self.location).href;
const PREFIX = `sufficiency:${new URL(SCOPE).pathname}:`;
const CACHE = PREFIX + BUILD;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload`: straight from the server, not from the HTTP cache (a stale copy would
      // mix builds). addAll stores all or nothing.
      await cache.addAll(FILES.map((f) => new Request(new URL(f, SCOPE).href, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Only this folder's older builds: another copy of the app on the same server (another
      // folder) keeps its own cache.
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(SCOPE)) return;
  event.respondWith(networkFirst(req));
});

async function networkFirst(req) {
  try {
    return await fetch(req);
  } catch (offline) {
    const cache = await caches.open(CACHE);
    // Any page of the app (with a share link, `?workers=…`) is the one page, index.html.
    const hit = req.mode === 'navigate'
      ? await cache.match(SCOPE)
      : await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    throw offline;
  }
}
