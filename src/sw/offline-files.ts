// Which built files the offline copy holds and under which key: shared by the build (which lists
// them into sw.js), the service worker (which caches and answers them) and the page (which keeps them on erase).

/** The prefix of the app's own offline caches in Cache Storage (one per deployment). */
export const OFFLINE_CACHE_PREFIX = "clientbook-offline-";

/** The cache name of one deployment. */
export const offlineCacheName = (version: string): string => `${OFFLINE_CACHE_PREFIX}${version}`;

/** Whether a Cache Storage name is one of the app's offline caches (the app and examples, never user data). */
export const isOfflineCache = (name: string): boolean => name.startsWith(OFFLINE_CACHE_PREFIX);

// Build bookkeeping and the worker itself are not part of the app a visitor runs.
const NOT_OFFLINE = [/^\.vite\//, /\.map$/, /^sw\.js$/];

/** The built files (paths relative to the app's folder) to keep offline, `index.html` as the folder itself. */
export function offlineFiles(built: readonly string[]): string[] {
  const kept = built.filter((file) => !NOT_OFFLINE.some((pattern) => pattern.test(file)));
  return [...new Set(kept.map((file) => (file === "index.html" ? "./" : file)))].sort();
}

const BUNDLES = {
  coi: /(^|\/)duckdb-(browser-)?coi[.-]/,
  eh: /(^|\/)duckdb-(browser-)?eh[.-]/,
  mvp: /(^|\/)duckdb-(browser-)?mvp[.-]/,
};

/** The files this browser needs: one duckdb-wasm bundle (threaded, exceptions or plain), not all three (35 MB each). */
export function filesForBrowser(files: readonly string[], bundle: keyof typeof BUNDLES): string[] {
  const others = Object.entries(BUNDLES).filter(([name]) => name !== bundle);
  return files.filter((file) => !others.some(([, pattern]) => pattern.test(file)));
}

// Vite's emitted files: `assets/<name>-<content hash>.<ext>`, so a copy under the same name is the same bytes.
const HASHED = /^assets\/[^/]+-[\w-]{8}\.\w+$/;

/**
 * How the offline copy fetches `file`: a content-hashed file through the HTTP cache (the engine's wasm that the
 * first visit has just fetched, unless the host said otherwise), anything else straight from the host.
 */
export const offlineFetchMode = (file: string): RequestCache => (HASHED.test(file) ? "default" : "reload");

/** The cache key of a path inside the app's folder: the page itself is stored as the folder (`./`). */
export function offlineKey(path: string): string {
  return path === "" || path === "index.html" ? "./" : path;
}
