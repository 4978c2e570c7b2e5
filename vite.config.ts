// Build and test configuration. The app is fully static with a relative base, so `dist/` works
// from any sub-path of any static host; example notebooks are published next to their sample data.
import { configDefaults, defineConfig } from "vitest/config";
import { build, parseAst, type Plugin } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { createHash } from "node:crypto";
import { offlineFiles } from "./src/sw/offline-files";
import { BOOTSTRAP, BOOTSTRAP_HASH } from "./src/sandbox/frame-document";
import { pruneGlue, wasmImports } from "./src/engine/wasm/glue-prune";

/** The hostile browser suite (test/browser/hostile/): run on its own, after everything else. */
const HOSTILE = "test/browser/hostile/**/*.test.ts";
const notebooksDir = resolve(__dirname, "notebooks");

/** Serves `notebooks/*.md` at `<base>notebooks/` in dev and copies them into `dist/notebooks/`. */
function publishNotebooks(): Plugin {
  const files = () => readdirSync(notebooksDir).filter((f) => f.endsWith(".md"));
  return {
    name: "clientbook-publish-notebooks",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /\/notebooks\/([\w.-]+\.md)(\?.*)?$/.exec(req.url ?? "");
        // `?raw`/`?import` requests are the app's own module imports (import.meta.glob): Vite answers those.
        if (!match || !files().includes(match[1]) || /[?&](raw|import|url)\b/.test(match[2] ?? "")) return next();
        res.setHeader("Content-Type", "text/markdown; charset=utf-8");
        res.end(readFileSync(resolve(notebooksDir, match[1])));
      });
    },
    generateBundle() {
      for (const file of files()) {
        this.emitFile({
          type: "asset",
          fileName: `notebooks/${file}`,
          source: readFileSync(resolve(notebooksDir, file)),
        });
      }
    },
  };
}

/** `virtual:shipped-notebooks`: the SHA-256 of each `notebooks/*.md` by path (src/ui/shipped.ts), so the app
 *  can tell a shipped notebook without carrying the texts. */
function shippedNotebookHashes(): Plugin {
  const id = "\0virtual:shipped-notebooks";
  return {
    name: "clientbook-shipped-notebooks",
    resolveId: (source) => (source === "virtual:shipped-notebooks" ? id : null),
    load(source) {
      if (source !== id) return null;
      const files = readdirSync(notebooksDir).filter((f) => f.endsWith(".md"));
      const hashes = files.map((file) => {
        const path = resolve(notebooksDir, file);
        // In dev, an edited notebook reloads this module, so its new text is still trusted.
        this.addWatchFile(path);
        return [`notebooks/${file}`, createHash("sha256").update(readFileSync(path)).digest("hex")];
      });
      return `export default ${JSON.stringify(Object.fromEntries(hashes))};`;
    },
  };
}

/** Bundles `entry` as one classic (IIFE) script and returns its code. */
async function bundleClassic(
  entry: string,
  name: string,
  plugins: Plugin[] = [],
  alias: Record<string, string> = {},
): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: "warn",
    publicDir: false,
    plugins,
    resolve: { alias: Object.entries(alias).map(([id, path]) => ({ find: new RegExp(`^${id}$`), replacement: path })) },
    build: {
      write: false,
      target: "es2022",
      minify: true,
      emptyOutDir: false,
      lib: { entry: resolve(__dirname, entry), formats: ["iife"], name, fileName: () => `${name}.js` },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => ("output" in o ? o.output : []));
  const chunk = outputs.find((o) => o.type === "chunk");
  if (!chunk || chunk.type !== "chunk") throw new Error(`${entry}: no bundle output`);
  return chunk.code;
}

/** Bundles src/sandbox/main.ts, the chart frames' script, as one classic (IIFE) script: the shell hands it
 *  to each chart frame as a Blob, which the frame runs from a blob: URL. */
function bundleChartSandbox(): Promise<string> {
  // "vega" is charts/vega-core.ts: Vega without the transforms Vega-Lite never emits. d3's single-file builds
  // keep every top-level call: the colour schemes are the few vega-scale names; geo parts refuse (no maps).
  return bundleClassic("src/sandbox/main.ts", "clientbookSandbox", [], {
    vega: resolve(__dirname, "src/charts/vega-core.ts"),
    "d3-scale-chromatic": resolve(__dirname, "src/charts/schemes.ts"),
    "d3-geo": resolve(__dirname, "src/charts/no-maps.ts"),
    "topojson-client": resolve(__dirname, "src/charts/no-maps.ts"),
  });
}

/** Bundles src/sandbox/code-main.ts, the code runner frame's script, the same way. The code Worker's own
 *  classic script is built first and goes in as text (`virtual:code-worker`): with `connect-src 'none'` the
 *  sandbox cannot fetch it, so it starts the Worker from a blob: URL of that text. */
async function bundleCodeSandbox(): Promise<string> {
  const workerCode = await bundleClassic("src/sandbox/code-worker.ts", "clientbookCodeWorker");
  const workerModule: Plugin = {
    name: "clientbook-code-worker-source",
    resolveId: (id) => (id === "virtual:code-worker" ? "\0virtual:code-worker" : null),
    load: (id) => (id === "\0virtual:code-worker" ? `export default ${JSON.stringify(workerCode)};` : null),
  };
  return bundleClassic("src/sandbox/code-main.ts", "clientbookCodeSandbox", [workerModule]);
}

/** The sandbox scripts by file name, with the index.html meta tag that names each (see frame-script.ts). */
const SANDBOX_SCRIPTS: Record<string, { meta: string; bundle: () => Promise<string> }> = {
  "sandbox-entry.js": { meta: "clientbook-sandbox-script", bundle: bundleChartSandbox },
  "code-sandbox.js": { meta: "clientbook-code-script", bundle: bundleCodeSandbox },
};

/** The sandbox frame's bootstrap must be what the shell's policy allows: a changed one fails here, naming its hash. */
function checkBootstrapHash(html: string): void {
  const hash = `'sha256-${createHash("sha256").update(BOOTSTRAP).digest("base64")}'`;
  if (hash !== BOOTSTRAP_HASH || !html.includes(` ${hash}`)) {
    throw new Error(`The sandbox bootstrap's hash is ${hash}: put it in BOOTSTRAP_HASH and index.html's script-src`);
  }
}

/** Serves and emits the sandbox scripts (SANDBOX_SCRIPTS), which the shell fetches (see frame-script.ts). */
function sandboxScript(): Plugin {
  const cached = new Map<string, Promise<string>>();
  const script = (file: string) => {
    if (!cached.has(file)) cached.set(file, SANDBOX_SCRIPTS[file].bundle());
    return cached.get(file)!;
  };
  return {
    name: "clientbook-sandbox-script",
    configureServer(server) {
      server.watcher.on("change", (file) => {
        // The Worker bundles code/ and recipes/ code too: any source change may change a sandbox script.
        if (file.includes("/src/") && !file.includes("/src/ui/")) cached.clear();
      });
      server.middlewares.use((req, res, next) => {
        const file = /\/(sandbox-entry\.js|code-sandbox\.js)(\?.*)?$/.exec(req.url ?? "")?.[1];
        if (!file) return next();
        script(file).then(
          (code) => {
            res.setHeader("Content-Type", "text/javascript; charset=utf-8");
            res.end(code);
          },
          (error: unknown) => {
            cached.delete(file);
            next(error);
          },
        );
      });
    },
    // In a build, each script's content hash goes into the URL index.html names, so caches never serve a stale one.
    transformIndexHtml: {
      order: "post",
      async handler(html, ctx) {
        checkBootstrapHash(html);
        if (ctx.server) return html;
        for (const [file, { meta }] of Object.entries(SANDBOX_SCRIPTS)) {
          const hash = createHash("sha256")
            .update(await script(file))
            .digest("hex")
            .slice(0, 10);
          const named = `content="./${file}"`;
          if (!html.includes(named)) throw new Error(`index.html: the ${meta} meta tag is missing`);
          html = html.replace(named, `content="./${file}?v=${hash}"`);
        }
        return html;
      },
    },
    async generateBundle() {
      for (const file of Object.keys(SANDBOX_SCRIPTS)) {
        this.emitFile({ type: "asset", fileName: file, source: await script(file) });
      }
    },
  };
}

/** The duckdb-wasm workers pruned (src/engine/wasm/glue-prune.ts), by file name, with the wasm each one runs. */
const PRUNED_WORKERS: Record<string, string> = { "duckdb-browser-eh.worker.js": "duckdb-eh.wasm" };

/** Replaces each emitted PRUNED_WORKERS file with its pruned code: a third of the worker a first visit fetches.
 *  The file keeps its name (hashed from duckdb-wasm's original), as pruning is a function of that original. */
function pruneDuckdbWorkers(): Plugin {
  const dist = resolve(__dirname, "node_modules/@duckdb/duckdb-wasm/dist");
  return {
    name: "clientbook-prune-duckdb-workers",
    apply: "build",
    generateBundle(_options, bundle) {
      const pruned = new Set<string>();
      for (const out of Object.values(bundle)) {
        const worker = out.type === "asset" ? out.names.find((name) => name in PRUNED_WORKERS) : undefined;
        if (!worker || out.type !== "asset") continue;
        const imports = wasmImports(readFileSync(resolve(dist, PRUNED_WORKERS[worker])));
        const code = typeof out.source === "string" ? out.source : new TextDecoder().decode(out.source);
        out.source = pruneGlue(code, imports, (text) => parseAst(text));
        pruned.add(worker);
      }
      // A worker no longer found (renamed, or emitted differently) would ship whole without a word: fail instead.
      const missed = Object.keys(PRUNED_WORKERS).filter((worker) => !pruned.has(worker));
      if (missed.length) this.error(`no emitted asset named ${missed.join(", ")} to prune`);
    },
  };
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(resolve(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** Emits `sw.js`, the offline service worker (src/sw/), with the list of every other built file and a
 *  hash of them all: any change to the app is a new sw.js, which is how browsers notice a deployment. */
function offlineWorker(): Plugin {
  const publicDir = resolve(__dirname, "public");
  return {
    name: "clientbook-offline-worker",
    enforce: "post",
    generateBundle: {
      order: "post",
      async handler(_options, bundle) {
        const built = new Map<string, string | Uint8Array>();
        for (const [name, out] of Object.entries(bundle)) built.set(name, out.type === "chunk" ? out.code : out.source);
        for (const file of filesUnder(publicDir)) built.set(file, readFileSync(resolve(publicDir, file)));
        const hash = createHash("sha256");
        for (const name of [...built.keys()].sort()) hash.update(`${name}\0`).update(built.get(name)!).update("\0");
        const manifest = `export const version = ${JSON.stringify(hash.digest("hex").slice(0, 16))};
export const files = ${JSON.stringify(offlineFiles([...built.keys()]))};`;
        const virtual: Plugin = {
          name: "clientbook-offline-manifest",
          resolveId: (id) => (id === "virtual:offline-manifest" ? "\0virtual:offline-manifest" : null),
          load: (id) => (id === "\0virtual:offline-manifest" ? manifest : null),
        };
        const code = await bundleClassic("src/sw/service-worker.ts", "clientbookServiceWorker", [virtual]);
        this.emitFile({ type: "asset", fileName: "sw.js", source: code });
      },
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [
    svelte(),
    publishNotebooks(),
    shippedNotebookHashes(),
    sandboxScript(),
    pruneDuckdbWorkers(),
    offlineWorker(),
  ],
  optimizeDeps: { exclude: ["@duckdb/duckdb-wasm"] },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 4096,
    // dist/.vite/manifest.json: the bundle-size test reads the entry chunk's static imports from it.
    manifest: true,
    rollupOptions: {
      input: { main: resolve(__dirname, "index.html") },
    },
  },
  worker: { format: "es" },
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Two files at a time (Vitest's default is cores - 1, so one here): most tests wait on DuckDB or Chromium.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "node", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, "test/browser/**"] },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          exclude: [...configDefaults.exclude, HOSTILE],
        },
      },
      // The hostile suite measures page stalls against limits: it runs after the rest, with nothing else beside it.
      // It is one file, which runs its cases in two browsers side by side (test/browser/hostile/suite.ts).
      {
        extends: true,
        test: { name: "hostile", include: [HOSTILE], maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
