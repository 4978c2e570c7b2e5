// Build and test configuration. The app is fully static with a relative base, so `dist/` works
// from any sub-path of any static host; example notebooks are published next to their sample data.
import { defineConfig } from "vitest/config";
import type { Plugin } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";

const notebooksDir = resolve(__dirname, "notebooks");

/** Serves `notebooks/*.md` at `<base>notebooks/` in dev and copies them into `dist/notebooks/`. */
function publishNotebooks(): Plugin {
  const files = () => readdirSync(notebooksDir).filter((f) => f.endsWith(".md"));
  return {
    name: "clientbook-publish-notebooks",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /\/notebooks\/([\w.-]+\.md)(\?.*)?$/.exec(req.url ?? "");
        if (!match || !files().includes(match[1])) return next();
        res.setHeader("Content-Type", "text/markdown; charset=utf-8");
        res.end(readFileSync(resolve(notebooksDir, match[1])));
      });
    },
    generateBundle() {
      for (const file of files()) {
        this.emitFile({ type: "asset", fileName: `notebooks/${file}`, source: readFileSync(resolve(notebooksDir, file)) });
      }
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [svelte(), publishNotebooks()],
  optimizeDeps: { exclude: ["@duckdb/duckdb-wasm"] },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: { main: resolve(__dirname, "index.html"), sandbox: resolve(__dirname, "sandbox.html") },
    },
  },
  worker: { format: "es" },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
