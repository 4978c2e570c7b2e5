// Build time only (vite.config.ts): duckdb-wasm's prebuilt worker carries Emscripten's whole JS library (SDL,
// OpenAL, WebGL, HTML5 events, sockets…), because DuckDB is linked as a main module that hands every library
// function to side modules it may load. The app loads no extension (lockdown.ts), so the worker keeps what the
// wasm module imports and what that code reaches, and drops the rest (about 40% of the worker, gzip).
import type { Node } from "estree";

/** One import of a wasm module: `env` and `wasi_snapshot_preview1` are called, `GOT.*` are addresses. */
export interface WasmImport {
  readonly module: string;
  readonly name: string;
}

/**
 * WebGL and OpenAL: the wasm takes their addresses only (GOT.func), for Emscripten's GetProcAddress tables,
 * and DuckDB draws and plays nothing. Each gets a stub with the same signature that throws if ever called.
 */
const ADDRESS_ONLY = /^(emscripten_gl|emscripten_alc|alc?[A-Z])/;

/** The name of the stub maker the pruned factory declares (an unlikely name, not to clash with Emscripten's). */
const STUB = "__clientbookPruned";

/** The imports of a wasm module, read from its binary's import section. */
export function wasmImports(bytes: Uint8Array): WasmImport[] {
  let at = 8; // magic and version
  const byte = () => bytes[at++];
  const uleb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = byte();
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
  };
  const name = () => {
    const length = uleb();
    at += length;
    return new TextDecoder().decode(bytes.subarray(at - length, at));
  };
  const limits = () => {
    const flags = byte();
    uleb();
    if (flags & 1) uleb();
  };
  while (at < bytes.length) {
    const id = byte();
    const size = uleb();
    if (id !== 2) {
      at += size;
      continue;
    }
    const imports: WasmImport[] = [];
    for (let count = uleb(); count > 0; count--) {
      imports.push({ module: name(), name: name() });
      // What follows the kind: function and tag take a type index, a table its element type and limits, a
      // memory its limits, a global its value type and mutability.
      const kind = byte();
      if (kind > 4) throw new Error(`wasm import of unknown kind ${kind}`);
      if (kind === 1 || kind === 4) byte();
      if (kind === 0 || kind === 4) uleb();
      else if (kind === 1 || kind === 2) limits();
      else at += 2;
    }
    return imports;
  }
  throw new Error("the wasm module has no import section");
}

type Positioned = Node & { start: number; end: number };
const isNode = (v: unknown): v is Positioned => typeof v === "object" && v !== null && "type" in v;

/** Every child node of `node`, with the key it sits under. */
function* children(node: Positioned): Generator<[Positioned, string]> {
  for (const [key, value] of Object.entries(node)) {
    if (Array.isArray(value)) for (const v of value) if (isNode(v)) yield [v, key];
    if (isNode(value)) yield [value, key];
  }
}

/** The identifiers `node` names (not property keys): more than it uses (shadowing is ignored), never fewer. */
function namesIn(node: Positioned, found = new Set<string>()): Set<string> {
  for (const [child, key] of children(node)) {
    if (child.type === "Identifier") {
      const property =
        (node.type === "MemberExpression" && key === "property" && !node.computed) ||
        (node.type === "Property" && key === "key" && !node.computed);
      if (!property) found.add(child.name);
    } else namesIn(child, found);
  }
  return found;
}

/** Whether evaluating `node` does nothing but make a value (so dropping it changes nothing else). */
function pure(node: Node | null | undefined): boolean {
  if (!node) return true;
  switch (node.type) {
    case "Literal":
    case "Identifier":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
      return true;
    case "UnaryExpression":
      return pure(node.argument);
    case "ArrayExpression":
      return node.elements.every((e) => e?.type !== "SpreadElement" && pure(e));
    case "ObjectExpression":
      return node.properties.every((p) => p.type === "Property" && !p.computed && pure(p.value as Node));
    default:
      return false;
  }
}

/** The Emscripten factory: the function whose own statements declare `wasmImports`. */
function findFactory(node: Positioned): Positioned[] | undefined {
  if (
    (node.type === "FunctionExpression" ||
      node.type === "ArrowFunctionExpression" ||
      node.type === "FunctionDeclaration") &&
    node.body.type === "BlockStatement" &&
    node.body.body.some(
      (s) =>
        s.type === "VariableDeclaration" &&
        s.declarations.some((d) => d.id.type === "Identifier" && d.id.name === "wasmImports"),
    )
  ) {
    return node.body.body as Positioned[];
  }
  for (const [child] of children(node)) {
    const found = findFactory(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * `code` (an Emscripten worker) without the library functions and values nothing reaches once `wasmImports`
 * lists only what `imports` names (WebGL and OpenAL as stubs). Only the factory's own pure declarations (and
 * `f.sig = …` beside them) can go; any other statement keeps what it names.
 */
export function pruneGlue(code: string, imports: readonly WasmImport[], parse: (code: string) => object): string {
  const called = new Set(imports.filter((i) => !i.module.startsWith("GOT.")).map((i) => i.name));
  const stubbed = new Set(
    imports
      .filter((i) => i.module === "GOT.func" && !called.has(i.name) && ADDRESS_ONLY.test(i.name))
      .map((i) => i.name),
  );
  const imported = new Set(imports.map((i) => i.name).filter((name) => !stubbed.has(name)));
  const statements = findFactory(parse(code) as Positioned);
  if (!statements) throw new Error("no Emscripten factory (a function declaring wasmImports) in the worker");
  const uses = new Map<string, Set<string>>();
  const use = (name: string, names: Iterable<string>) => {
    const set = uses.get(name) ?? uses.set(name, new Set()).get(name)!;
    for (const n of names) set.add(n);
  };
  const roots = new Set<string>();
  const edits: { start: number; end: number; text: string; name?: string }[] = [];
  /** Each function's `.sig` (what a stub must keep: Emscripten makes a wasm wrapper of that signature). */
  const sigs = new Map<string, string>();
  /** `var _a = _b`: Emscripten's aliases (the `.sig` is on `_b`). */
  const aliases = new Map<string, string>();
  const sigOf = (name: string, hops = 0): string | undefined =>
    sigs.get(name) ?? (aliases.has(name) && hops < 8 ? sigOf(aliases.get(name)!, hops + 1) : undefined);
  const keyOf = (p: { key: Node }) =>
    p.key.type === "Identifier" ? p.key.name : String((p.key as { value: unknown }).value);
  for (const s of statements) {
    if (s.type === "FunctionDeclaration" && s.id) {
      use(s.id.name, namesIn(s as Positioned));
      edits.push({ start: s.start, end: s.end, text: ";", name: s.id.name });
    } else if (s.type === "VariableDeclaration" && s.declarations.every((d) => d.id.type === "Identifier")) {
      for (const d of s.declarations as ((typeof s.declarations)[number] & Positioned)[]) {
        const name = (d.id as { name: string }).name;
        if (name === "wasmImports" && d.init?.type === "ObjectExpression") {
          for (const p of d.init.properties) {
            if (p.type !== "Property" || !imported.has(keyOf(p))) continue;
            use(name, namesIn(p as Positioned));
          }
          roots.add(name);
        } else if (pure(d.init)) {
          use(name, d.init ? namesIn(d as Positioned) : []);
          if (d.init?.type === "Identifier") aliases.set(name, d.init.name);
        } else namesIn(d as Positioned, roots).add(name);
      }
    } else if (
      s.type === "ExpressionStatement" &&
      s.expression.type === "AssignmentExpression" &&
      s.expression.left.type === "MemberExpression" &&
      s.expression.left.object.type === "Identifier" &&
      uses.has(s.expression.left.object.name) &&
      pure(s.expression.right)
    ) {
      const name = s.expression.left.object.name;
      const { property } = s.expression.left;
      const value = s.expression.right;
      if (property.type === "Identifier" && property.name === "sig" && value.type === "Literal") {
        sigs.set(name, String(value.value));
      }
      use(name, namesIn(s as Positioned));
      edits.push({ start: s.start, end: s.end, text: ";", name });
    } else namesIn(s, roots);
  }
  const live = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const name = stack.pop()!;
    if (live.has(name) || !uses.has(name)) continue;
    live.add(name);
    stack.push(...uses.get(name)!);
  }
  // Variable statements are rewritten whole: the live declarators stay, in order.
  for (const s of statements) {
    if (s.type !== "VariableDeclaration" || !s.declarations.every((d) => d.id.type === "Identifier")) continue;
    const kept = (s.declarations as ((typeof s.declarations)[number] & Positioned)[]).flatMap((d) => {
      const name = (d.id as { name: string }).name;
      if (!live.has(name) && uses.has(name)) return [];
      if (name !== "wasmImports" || d.init?.type !== "ObjectExpression") return [code.slice(d.start, d.end)];
      const props: string[] = [];
      const stubs: Record<string, string | 0> = {};
      for (const p of d.init.properties) {
        if (p.type !== "Property") continue;
        const key = keyOf(p);
        if (imported.has(key)) props.push(code.slice((p as Positioned).start, (p as Positioned).end));
        else if (stubbed.has(key)) stubs[key] = (p.value.type === "Identifier" && sigOf(p.value.name)) || 0;
      }
      if (Object.keys(stubs).length) props.push(`...${STUB}(${JSON.stringify(stubs)})`);
      return [`wasmImports={${props.join(",")}}`];
    });
    const text = kept.length ? `${s.kind} ${kept.join(",")};` : ";";
    const declaresImports = s.declarations.some((d) => d.id.type === "Identifier" && d.id.name === "wasmImports");
    // The stub maker (by name, the signature or 0 for none), declared (hoisted) beside the table that uses it.
    const stubMaker =
      `function ${STUB}(sigs){var o={};for(let n in sigs){let f=()=>{throw new Error(n+" is not in this build")};` +
      `if(sigs[n])f.sig=sigs[n];o[n]=f}return o}`;
    edits.push({ start: s.start, end: s.end, text: declaresImports && stubbed.size ? stubMaker + text : text });
  }
  let out = "";
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    if (edit.name && live.has(edit.name)) continue;
    out += code.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + code.slice(at);
}
