// Which built files the offline copy keeps, and under which key the service worker finds them.
import { describe, expect, it } from "vitest";
import {
  filesForBrowser,
  isOfflineCache,
  offlineCacheName,
  offlineFiles,
  offlineFetchMode,
  offlineKey,
} from "../../src/sw/offline-files";
import {
  ISOLATION_HEADERS,
  THREADS_BY_DEFAULT,
  bundleForPages,
  isolates,
  threadsAsked,
  withIsolation,
  withThreads,
} from "../../src/sw/isolation";

const BUILT = [
  ".vite/manifest.json",
  "index.html",
  "sandbox-entry.js",
  "sw.js",
  "assets/main-abc.js",
  "assets/main-abc.js.map",
  "assets/duckdb-eh-1.wasm",
  "assets/duckdb-browser-eh.worker-2.js",
  "assets/duckdb-mvp-3.wasm",
  "assets/duckdb-browser-mvp.worker-4.js",
  "assets/duckdb-coi-5.wasm",
  "assets/duckdb-browser-coi.worker-6.js",
  "assets/duckdb-browser-coi.pthread.worker-7.js",
  "notebooks/customer-review.md",
  "notebooks/orders.csv",
];

describe("the offline copy's files", () => {
  it("keeps every file a visitor runs, the page as its folder, without build bookkeeping or the worker", () => {
    const files = offlineFiles(BUILT);
    expect(files).toContain("./");
    expect(files).not.toContain("index.html");
    for (const left of [".vite/manifest.json", "sw.js", "assets/main-abc.js.map"]) expect(files).not.toContain(left);
    for (const kept of ["sandbox-entry.js", "notebooks/orders.csv", "assets/duckdb-mvp-3.wasm"]) {
      expect(files).toContain(kept);
    }
  });

  it("keeps one duckdb-wasm bundle: the one this browser runs", () => {
    const files = offlineFiles(BUILT);
    const duckdb = (bundle: "coi" | "eh" | "mvp") => filesForBrowser(files, bundle).filter((f) => f.includes("duckdb"));
    expect(duckdb("coi")).toEqual([
      "assets/duckdb-browser-coi.pthread.worker-7.js",
      "assets/duckdb-browser-coi.worker-6.js",
      "assets/duckdb-coi-5.wasm",
    ]);
    expect(duckdb("eh")).toEqual(["assets/duckdb-browser-eh.worker-2.js", "assets/duckdb-eh-1.wasm"]);
    expect(duckdb("mvp")).toEqual(["assets/duckdb-browser-mvp.worker-4.js", "assets/duckdb-mvp-3.wasm"]);
    expect(filesForBrowser(files, "coi")).toContain("notebooks/customer-review.md");
  });

  it("keeps the build default pages run: one thread (threads are opt-in), else the plain build", () => {
    const all = () => true;
    expect(THREADS_BY_DEFAULT).toBe(false);
    expect(bundleForPages(all)).toBe("eh");
    // The module with atomics (0xfe) is the threads test; one with a try block (0x06) the exceptions test.
    expect(bundleForPages((bytes) => !bytes.includes(0xfe))).toBe("eh");
    expect(bundleForPages((bytes) => !bytes.includes(0x06))).toBe("mvp");
  });

  it("isolates only a page whose address asks for threads with ?threads=on", () => {
    const page = "https://example.org/app/";
    expect(isolates(page)).toBe(false);
    expect(isolates(`${page}?notebook=notebooks/customer-review.md`)).toBe(false);
    for (const off of ["?threads=off", "?threads=1", "?threads=ON", "?threads", "#threads=on", "?xthreads=on"]) {
      expect(isolates(page + off)).toBe(false);
    }
    expect(isolates(`${page}?threads=on`)).toBe(true);
    expect(isolates(`${page}?notebook=notebooks/orders.md&threads=on`)).toBe(true);
    expect(threadsAsked(`${page}?threads=on#x`)).toBe(true);
    expect(withThreads("")).toBe("?threads=on");
    expect(withThreads("?notebook=a.md")).toBe("?notebook=a.md&threads=on");
    expect(isolates(page + withThreads("?notebook=http://evil.test/n.md"))).toBe(true);
  });

  it("adds the isolation headers to a response and keeps its status, headers and body", async () => {
    const page = new Response("<!doctype html>", { status: 200, headers: { "Content-Type": "text/html" } });
    const isolated = withIsolation(page);
    expect(isolated.headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    expect(isolated.headers.get("Cross-Origin-Embedder-Policy")).toBe("require-corp");
    expect(isolated.headers.get("Content-Type")).toBe("text/html");
    expect(isolated.status).toBe(200);
    expect(await isolated.text()).toBe("<!doctype html>");
    expect(ISOLATION_HEADERS).toEqual({
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
    });
  });

  it("takes a content-hashed file from the HTTP cache, anything else straight from the host", () => {
    for (const hashed of ["assets/duckdb-eh-9ubY-jlA.wasm", "assets/main-C0ffee_1.js", "assets/index-AbCdEfGh.css"]) {
      expect(offlineFetchMode(hashed)).toBe("default");
    }
    for (const named of ["./", "sandbox-entry.js", "code-sandbox.js", "notebooks/orders.csv", "assets/logo.svg"]) {
      expect(offlineFetchMode(named)).toBe("reload");
    }
    expect(offlineFetchMode("assets/sub/x-AbCdEfGh.js")).toBe("reload");
  });

  it("finds the page under its folder key, whatever the link's path", () => {
    expect(offlineKey("")).toBe("./");
    expect(offlineKey("index.html")).toBe("./");
    expect(offlineKey("notebooks/orders.csv")).toBe("notebooks/orders.csv");
  });

  it("names caches so that erase can keep the app's own and nothing else", () => {
    expect(isOfflineCache(offlineCacheName("0123456789abcdef"))).toBe(true);
    expect(isOfflineCache("clientbook-autosave")).toBe(false);
    expect(isOfflineCache("my-offline-clientbook")).toBe(false);
  });
});
