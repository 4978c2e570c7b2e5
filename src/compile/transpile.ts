// Strips TypeScript to JavaScript with sucrase, loaded on first use (a chunk of its own in the browser,
// so the page starts without it): called where code is about to run, not when a cell compiles.
import { compileMessages as m } from "../messages/compile";
import { positionAt } from "./position";
import type { CellError } from "./types";

/** Transpiled code: every line where it was; `mappings` is the source map's (see `originalPosition`). */
export interface Transpiled {
  readonly code: string;
  readonly mappings: string;
}

type Sucrase = typeof import("sucrase");

let sucrase: Promise<Sucrase> | undefined;

/** The transpiler, imported once; a failed load is tried again next time (the network may be back). */
function loadSucrase(): Promise<Sucrase> {
  sucrase ??= import("sucrase").catch((e: unknown) => {
    sucrase = undefined;
    throw e;
  });
  return sucrase;
}

/**
 * Loads the transpiler; resolves with a function that strips TypeScript to JavaScript at once, keeping
 * every line where it was (columns move where types were removed), and throws a CellError positioned
 * in `source` when it is not valid TypeScript.
 */
export async function loadTranspiler(): Promise<(source: string) => Transpiled> {
  const { transform } = await loadSucrase();
  return (source) => {
    try {
      const { code, sourceMap } = transform(source, {
        transforms: ["typescript"],
        disableESTransforms: true,
        sourceMapOptions: { compiledFilename: "cell.js" },
        filePath: "cell.ts",
      });
      return { code, mappings: sourceMap?.mappings ?? "" };
    } catch (e) {
      const err = e as { message?: string; pos?: number };
      const reason = String(err.message ?? e).replace(/\s*\(\d+:\d+\)\s*$/, "");
      throw {
        message: m.tsSyntax(reason),
        ...(typeof err.pos === "number" ? positionAt(source, err.pos) : {}),
      } satisfies CellError;
    }
  };
}

// An input move re-runs the same cells: their source is transpiled once, not on every run.
const CACHE_SIZE = 64;
const cache = new Map<string, Transpiled>();

/** Transpiles `source` as `loadTranspiler`'s function does, loading the transpiler first if need be. */
export async function transpileTs(source: string): Promise<Transpiled> {
  const hit = cache.get(source);
  if (hit) return hit;
  const out = (await loadTranspiler())(source);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(source, out);
  return out;
}
