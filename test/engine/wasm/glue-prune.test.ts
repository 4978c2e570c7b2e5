import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseAst } from "vite";
import { pruneGlue, wasmImports, type WasmImport } from "../../../src/engine/wasm/glue-prune";

const dist = resolve(__dirname, "../../../node_modules/@duckdb/duckdb-wasm/dist");
const parse = (code: string) => parseAst(code);

/** A tiny Emscripten-shaped factory: what the wasm imports, what that reaches, and what nothing reaches. */
const GLUE = `var duckdb=(()=>{var f=function(moduleArg={}){var Module=moduleArg,started=start();
function _used(x){return helper(x)}_used.sig="ii";var helper=x=>x+1,_unused=()=>gl(),gl=()=>1;
function _dead(){return deadHelper()}_dead.sig="v";function deadHelper(){return 2}
var _kept=()=>1;Module._kept=_kept;
function _alGenBuffers(){return gl()}_alGenBuffers.sig="vip";
var wasmImports={used:_used,dead:_dead,sideEffect:_sideEffect,alGenBuffers:_alGenBuffers};function _sideEffect(){}
function start(){return wasmImports}return Module};return f})();`;

const env = (name: string): WasmImport => ({ module: "env", name });

describe("wasmImports(bytes)", () => {
  it("reads every import of duckdb-wasm's module, across env, wasi and GOT", () => {
    const imports = wasmImports(readFileSync(resolve(dist, "duckdb-eh.wasm")));
    expect(imports).toContainEqual({ module: "wasi_snapshot_preview1", name: "fd_write" });
    expect(imports).toContainEqual({ module: "GOT.func", name: "alGenBuffers" });
    const names = new Set(imports.map((i) => i.name));
    expect(names.size).toBeGreaterThan(300);
    for (const name of ["_embind_register_void", "fd_write", "__heap_base", "memory", "__indirect_function_table"]) {
      expect(names.has(name), name).toBe(true);
    }
    expect(names.has("IMG_Init")).toBe(false);
  });
});

describe("pruneGlue(code, imported, parse)", () => {
  it("keeps what the imports and the other statements reach, and drops the rest with its .sig", () => {
    const out = pruneGlue(GLUE, [env("used")], parse);
    expect(() => parse(out)).not.toThrow();
    for (const kept of ["function _used", '_used.sig="ii"', "helper=x=>x+1", "_kept=()=>1", "Module._kept=_kept"]) {
      expect(out, kept).toContain(kept);
    }
    for (const dropped of ["_unused", "gl=", "_dead", "deadHelper", "sideEffect", "alGenBuffers"]) {
      expect(out, dropped).not.toContain(dropped);
    }
    expect(out).toContain("wasmImports={used:_used}");
    // A declaration whose value comes from a call is never dropped: the call may do something.
    expect(out).toContain("started=start()");
  });

  it("gives an OpenAL or WebGL function whose address alone the wasm takes a stub with its signature", () => {
    const out = pruneGlue(GLUE, [env("used"), { module: "GOT.func", name: "alGenBuffers" }], parse);
    expect(out).not.toContain("function _alGenBuffers");
    expect(out).not.toContain("gl=");
    const table = /wasmImports=(\{[^;]*\});/.exec(out)?.[1];
    expect(table).toBe('{used:_used,...__clientbookPruned({"alGenBuffers":"vip"})}');
    const maker = /function __clientbookPruned.*?return o\}/.exec(out)?.[0];
    const stubs = new Function(`${maker};return __clientbookPruned({"alGenBuffers":"vip"})`)() as Record<
      string,
      (() => void) & { sig: string }
    >;
    const stub = stubs.alGenBuffers;
    expect(stub.sig).toBe("vip");
    expect(() => stub()).toThrow("alGenBuffers is not in this build");
  });

  it("leaves duckdb-wasm's worker parseable, smaller, and with every import the wasm asks for", () => {
    const code = readFileSync(resolve(dist, "duckdb-browser-eh.worker.js"), "utf8");
    const imports = wasmImports(readFileSync(resolve(dist, "duckdb-eh.wasm")));
    const out = pruneGlue(code, imports, parse);
    const imported = new Set(imports.map((i) => i.name));
    expect(() => parse(out)).not.toThrow();
    expect(out.length).toBeLessThan(code.length * 0.8);
    // Everything the wasm imports by name that the worker provided is still provided; SDL's image loader is not.
    const provides = (text: string, name: string) => text.includes(`,${name}:`) || text.includes(`{${name}:`);
    const before = [...imported].filter((name) => provides(code, name));
    expect(before.length).toBeGreaterThan(300);
    const stubbed = /__clientbookPruned\((\{[^}]*\})\)\}/.exec(out)?.[1];
    const quoted = (name: string) => (stubbed ?? "").includes(`"${name}":"`);
    expect(before.filter((name) => !provides(out, name) && !quoted(name))).toEqual([]);
    expect(quoted("emscripten_glActiveTexture")).toBe(true);
    expect(provides(out, "emscripten_console_log")).toBe(true);
    expect(provides(code, "IMG_Init")).toBe(true);
    expect(provides(out, "IMG_Init")).toBe(false);
  });
});
