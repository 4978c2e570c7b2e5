// The service worker (built as dist/sw.js): keeps this deployment's app, duckdb-wasm files, sandbox
// script, example notebooks and sample data in Cache Storage on the first visit and answers them from
// there, so the app starts with the network off. A new deployment waits until no page runs the old one.
import { version, files } from "virtual:offline-manifest";
import { filesForBrowser, isOfflineCache, offlineCacheName, offlineKey } from "./offline-files";

const sw = self as unknown as ServiceWorkerGlobalScope;
const cacheName = offlineCacheName(version);
const scope = new URL(sw.registration.scope);
const offline = new Set(files);

// duckdb-wasm picks its exception-handling bundle when this tiny module validates (wasm-feature-detect's test).
const EXCEPTIONS = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11,
]);

async function keepOffline(): Promise<void> {
  const cache = await caches.open(cacheName);
  const wanted = filesForBrowser(files, WebAssembly.validate(EXCEPTIONS));
  // `reload`: straight from the host, never an older copy from the HTTP cache.
  await cache.addAll(wanted.map((file) => new Request(new URL(file, scope), { cache: "reload" })));
}

async function dropOlderVersions(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => isOfflineCache(n) && n !== cacheName).map((n) => caches.delete(n)));
  // The first visit's page becomes controlled too, so charts it opens later come from the cache.
  await sw.clients.claim();
}

/** The key of a same-origin GET inside the app's folder that the offline copy holds, else null. */
function keyOf(request: Request): string | null {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  const key = offlineKey(decodeURIComponent(url.pathname.slice(scope.pathname.length)));
  return offline.has(key) ? key : null;
}

async function answer(request: Request, key: string): Promise<Response> {
  // The query is ignored: `?notebook=` is read by the page, `?v=` already names this deployment's file.
  const hit = await caches.match(new URL(key, scope).href, { cacheName, ignoreSearch: true });
  return hit ?? fetch(request);
}

sw.addEventListener("install", (event) => event.waitUntil(keepOffline()));
sw.addEventListener("activate", (event) => event.waitUntil(dropOlderVersions()));
sw.addEventListener("fetch", (event) => {
  // Anything else (another origin, a file not shipped) goes to the network untouched, under the page's policy.
  const key = keyOf(event.request);
  if (key) event.respondWith(answer(event.request, key));
});
sw.addEventListener("message", (event) => {
  if (event.data === "version") event.ports[0]?.postMessage(version);
});
