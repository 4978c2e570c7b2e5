// Cross-origin isolation on a host that sends no special headers: the service worker can add COOP and COEP
// to a page (navigation) it answers, so that page gets SharedArrayBuffer (duckdb-wasm's threads). Off by
// default; a page opened with `?threads=on` opts in.

// Threads are off by default. Measured on a quiet 2-core machine (`npm run bench -- --only threads`):
// engine ready 4.77 s threaded against 2.66 s one-thread (the coi build's fixed pool of 4 pthread Workers
// costs ~2.8 s of CPU), the 1M-row CSV 2.54 s against 2.43 s, the recipes 0.81-1.31x: the start got
// slower and the gain is gone (src/engine/DUCKDB-WASM.md). Turn this on to isolate every page again.
/** Whether every page the service worker serves is isolated and runs threads, without `?threads=on`. */
export const THREADS_BY_DEFAULT = false;

/** The query parameter (and its value) that opts one page into isolation and threads: `?threads=on`. */
export const THREADS_PARAM = "threads";
const ON = "on";

/** Whether the page at `url` asked for threads (`?threads=on`): the page and its service worker read the same flag. */
export function threadsAsked(url: string | URL): boolean {
  return new URL(url).searchParams.get(THREADS_PARAM) === ON;
}

/** Whether the service worker isolates the page this navigation to `url` opens: by default, or on request. */
export function isolates(url: string | URL): boolean {
  return THREADS_BY_DEFAULT || threadsAsked(url);
}

/** `query` (`""` or `?...`) with `threads=on` added: the address of the same page, isolated. */
export function withThreads(query: string): string {
  return `${query}${query.startsWith("?") ? "&" : "?"}${THREADS_PARAM}=${ON}`;
}

/** The headers that make a document cross-origin isolated; every subresource of the app is same-origin. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

/** `response` with the isolation headers added (a copy: cached responses are immutable). */
export function withIsolation(response: Response): Response {
  // Opaque and error responses have no readable headers or body to carry over.
  if (response.type === "opaque" || response.type === "error" || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

// wasm-feature-detect's modules, as duckdb-wasm's selectBundle tests them: exceptions, SIMD, threads.
const EXCEPTIONS = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11];
const SIMD = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
];
const THREADS = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 4, 1, 3, 1, 1, 10, 11, 1, 9, 0, 65, 0, 254, 16, 2, 0,
  26, 11,
];

/**
 * The duckdb-wasm bundle the pages of this browser run by default once the service worker serves them:
 * the one the offline copy keeps. An opted-in page's threaded files are fetched (and kept) when it asks.
 */
export function bundleForPages(validate: (bytes: Uint8Array<ArrayBuffer>) => boolean): "coi" | "eh" | "mvp" {
  if (!validate(new Uint8Array(EXCEPTIONS))) return "mvp";
  // The worker itself is not isolated (no SharedArrayBuffer here): validating the module is the test it can make.
  return THREADS_BY_DEFAULT && validate(new Uint8Array(SIMD)) && validate(new Uint8Array(THREADS)) ? "coi" : "eh";
}
