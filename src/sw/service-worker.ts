// The service worker (built as dist/sw.js): keeps this deployment's app, duckdb-wasm files, sandbox
// script, example notebooks and sample data in Cache Storage on the first visit and answers them from
// there, so the app starts with the network off. A new deployment waits until no page runs the old one.
// A page opened with `?threads=on` is served cross-origin isolated (src/sw/isolation.ts).
import { version, files } from "virtual:offline-manifest";
import { filesForBrowser, isOfflineCache, offlineCacheName, offlineFetchMode, offlineKey } from "./offline-files";
import { bundleForPages, isolates, withIsolation } from "./isolation";

const sw = self as unknown as ServiceWorkerGlobalScope;
const cacheName = offlineCacheName(version);
const scope = new URL(sw.registration.scope);
const offline = new Set(files);

async function keepOffline(): Promise<void> {
  const cache = await caches.open(cacheName);
  // The bundle the pages this worker serves run by default; another (the threaded one) is kept once a page asks.
  const wanted = filesForBrowser(
    files,
    bundleForPages((bytes) => WebAssembly.validate(bytes)),
  );
  await cache.addAll(wanted.map((file) => new Request(new URL(file, scope), { cache: offlineFetchMode(file) })));
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

/** A file of the build list that the offline copy lacks (another bundle's, e.g. an opted-in page's threaded one). */
async function fetchAndKeep(event: FetchEvent, key: string): Promise<Response> {
  const response = await fetch(event.request);
  if (response.ok && response.type === "basic") {
    // Kept once used, so the page that asked for it starts offline too; only this deployment's listed files.
    const copy = response.clone();
    event.waitUntil(
      caches
        .open(cacheName)
        .then((cache) => cache.put(new URL(key, scope).href, copy))
        .catch(() => undefined),
    );
  }
  return response;
}

async function answer(event: FetchEvent, key: string): Promise<Response> {
  const request = event.request;
  // The query is ignored: `?notebook=` is read by the page, `?v=` already names this deployment's file.
  const hit = await caches.match(new URL(key, scope).href, { cacheName, ignoreSearch: true });
  const response = hit ?? (await fetchAndKeep(event, key));
  // Only the page needs the headers (its Workers are blob: ones and inherit them), and only the page that
  // asked (`?threads=on`). Everything else keeps its cached Response, URL included: Chromium caches compiled
  // wasm only for a Response with a URL.
  return request.mode === "navigate" && isolates(request.url) ? withIsolation(response) : response;
}

sw.addEventListener("install", (event) => event.waitUntil(keepOffline()));
sw.addEventListener("activate", (event) => event.waitUntil(dropOlderVersions()));
sw.addEventListener("fetch", (event) => {
  // Anything else (another origin, a file not shipped) goes to the network untouched, under the page's policy.
  const key = keyOf(event.request);
  if (key) event.respondWith(answer(event, key));
});
sw.addEventListener("message", (event) => {
  if (event.data === "version") event.ports[0]?.postMessage(version);
});
