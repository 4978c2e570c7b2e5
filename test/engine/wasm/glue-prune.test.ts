import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseAst } from "vite";
import { pruneGlue, wasmImportNames } from "../../../src/engine/wasm/glue-prune";

const dist = resolve(__dirname, "../../../node_modules/@duckdb/duckdb-wasm/dist");
const parse = (code: string) => parseAst(code);

/** A tiny Emscripten-shaped factory: what the wasm imports, what that reaches, and what nothing reaches. */
const GLUE = `var duckdb=(()=>{var f=function(moduleArg={}){var Module=moduleArg,started=start();
function _used(x){return helper(x)}_used.sig="ii";var helper=x=>x+1,_unused=()=>gl(),gl=()=>1;
function _dead(){return deadHelper()}_dead.sig="v";function deadHelper(){return 2}
var _kept=()=>1;Module._kept=_kept;
var wasmImports={used:_used,dead:_dead,sideEffect:_sideEffect};function _sideEffect(){}
function start(){return wasmImports}return Module};return f})();`;

describe("wasmImportNames(bytes)", () => {
  it("reads every import of duckdb-wasm's module, across env, wasi and GOT", () => {
    const names = wasmImportNames(readFileSync(resolve(dist, "duckdb-eh.wasm")));
    expect(names.size).toBeGreaterThan(300);
    for (const name of ["_embind_register_void", "fd_write", "__heap_base", "memory", "__indirect_function_table"]) {
      expect(names.has(name), name).toBe(true);
    }
    expect(names.has("IMG_Init")).toBe(false);
  });
});

describe("pruneGlue(code, imported, parse)", () => {
  it("keeps what the imports and the other statements reach, and drops the rest with its .sig", () => {
    const out = pruneGlue(GLUE, new Set(["used"]), parse);
    expect(() => parse(out)).not.toThrow();
    for (const kept of ["function _used", '_used.sig="ii"', "helper=x=>x+1", "_kept=()=>1", "Module._kept=_kept"]) {
      expect(out, kept).toContain(kept);
    }
    for (const dropped of ["_unused", "gl=", "_dead", "deadHelper", "sideEffect"]) {
      expect(out, dropped).not.toContain(dropped);
    }
    expect(out).toContain("wasmImports={used:_used}");
    // A declaration whose value comes from a call is never dropped: the call may do something.
    expect(out).toContain("started=start()");
  });

  it("leaves duckdb-wasm's worker parseable, smaller, and with every import the wasm asks for", () => {
    const code = readFileSync(resolve(dist, "duckdb-browser-eh.worker.js"), "utf8");
    const imported = wasmImportNames(readFileSync(resolve(dist, "duckdb-eh.wasm")));
    const out = pruneGlue(code, imported, parse);
    expect(() => parse(out)).not.toThrow();
    expect(out.length).toBeLessThan(code.length * 0.8);
    // Everything the wasm imports by name that the worker provided is still provided; SDL's image loader is not.
    const provides = (text: string, name: string) => text.includes(`,${name}:`) || text.includes(`{${name}:`);
    const before = [...imported].filter((name) => provides(code, name));
    expect(before.length).toBeGreaterThan(300);
    expect(before.filter((name) => !provides(out, name))).toEqual([]);
    expect(provides(code, "IMG_Init")).toBe(true);
    expect(provides(out, "IMG_Init")).toBe(false);
  });
});
