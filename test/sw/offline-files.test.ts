// Which built files the offline copy keeps, and under which key the service worker finds them.
import { describe, expect, it } from "vitest";
import {
  filesForBrowser,
  isOfflineCache,
  offlineCacheName,
  offlineFiles,
  offlineKey,
} from "../../src/sw/offline-files";

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
    const duckdb = (eh: boolean) => filesForBrowser(files, eh).filter((f) => f.includes("duckdb"));
    expect(duckdb(true)).toEqual(["assets/duckdb-browser-eh.worker-2.js", "assets/duckdb-eh-1.wasm"]);
    expect(duckdb(false)).toEqual(["assets/duckdb-browser-mvp.worker-4.js", "assets/duckdb-mvp-3.wasm"]);
    expect(filesForBrowser(files, true)).toContain("notebooks/customer-review.md");
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
