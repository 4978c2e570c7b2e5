// Cross-origin isolation on a host that sends no special headers: the service worker adds COOP and COEP
// to the pages (navigations) it answers, so a page it serves gets SharedArrayBuffer (duckdb-wasm's threads).

/** Whether the service worker isolates the pages it serves (off: every page runs the one-thread bundle). */
export const ISOLATE_PAGES = true;

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

/** The duckdb-wasm bundle a page of this browser will run once the service worker serves it. */
export function bundleForPages(validate: (bytes: Uint8Array<ArrayBuffer>) => boolean): "coi" | "eh" | "mvp" {
  if (!validate(new Uint8Array(EXCEPTIONS))) return "mvp";
  // The worker itself is not isolated (no SharedArrayBuffer here): validating the module is the test it can make.
  return ISOLATE_PAGES && validate(new Uint8Array(SIMD)) && validate(new Uint8Array(THREADS)) ? "coi" : "eh";
}
