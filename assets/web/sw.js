// OS Arena service worker: precaches the shell, the wasm and the font so
// that solo practice starts with the network off after the first visit.
// The version below changes with every build (`make web` puts it there).
"use strict";
const CACHE = "osarena-__VERSION__";
// './' and not 'index.html': Go's file server redirects /index.html to ./
const PRECACHE = ["./", "wasm_exec.js", "osarena.wasm", "fonts/OSArenaGothic.ttf", "manifest.webmanifest", "icon.svg"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((u) => new Request(u, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("osarena-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// Cache first for the precached files (they change only with the version);
// the network for everything else (the server's API and WebSocket).
self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  if (req.mode === "navigate" && url.pathname === scope.pathname) {
    event.respondWith(caches.match("./").then((r) => r || fetch(req)));
    return;
  }
  const rel = url.pathname.slice(scope.pathname.length);
  if (!PRECACHE.includes(rel)) return;
  event.respondWith(caches.open(CACHE).then((c) => c.match(rel)).then((r) => r || fetch(req)));
});
