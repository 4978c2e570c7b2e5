// Build time only (vite.config.ts): duckdb-wasm's prebuilt worker carries Emscripten's whole JS library (SDL,
// OpenAL, WebGL, HTML5 events, sockets…), because DuckDB is linked as a main module that hands every library
// function to side modules it may load. The app loads no extension (lockdown.ts), so the worker keeps what the
// wasm module imports and what that code reaches, and drops the rest (about a third of the worker).
import type { Node } from "estree";

/** The names a wasm module imports (every module: env, wasi, GOT), read from its binary's import section. */
export function wasmImportNames(bytes: Uint8Array): Set<string> {
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
    const names = new Set<string>();
    for (let count = uleb(); count > 0; count--) {
      name();
      names.add(name());
      // What follows the kind: function and tag take a type index, a table its element type and limits, a
      // memory its limits, a global its value type and mutability.
      const kind = byte();
      if (kind > 4) throw new Error(`wasm import of unknown kind ${kind}`);
      if (kind === 1 || kind === 4) byte();
      if (kind === 0 || kind === 4) uleb();
      else if (kind === 1 || kind === 2) limits();
      else at += 2;
    }
    return names;
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
 * lists only `imported`. Only the factory's own pure declarations (and `f.sig = …` beside them) can go;
 * any other statement keeps what it names.
 */
export function pruneGlue(code: string, imported: ReadonlySet<string>, parse: (code: string) => object): string {
  const statements = findFactory(parse(code) as Positioned);
  if (!statements) throw new Error("no Emscripten factory (a function declaring wasmImports) in the worker");
  const uses = new Map<string, Set<string>>();
  const use = (name: string, names: Iterable<string>) => {
    const set = uses.get(name) ?? uses.set(name, new Set()).get(name)!;
    for (const n of names) set.add(n);
  };
  const roots = new Set<string>();
  const edits: { start: number; end: number; text: string; name?: string; declaration?: Positioned }[] = [];
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
        } else if (pure(d.init)) use(name, d.init ? namesIn(d as Positioned) : []);
        else namesIn(d as Positioned, roots).add(name);
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
      const props = d.init.properties.filter((p) => p.type === "Property" && imported.has(keyOf(p)));
      return [
        `wasmImports={${props.map((p) => code.slice((p as Positioned).start, (p as Positioned).end)).join(",")}}`,
      ];
    });
    edits.push({ start: s.start, end: s.end, text: kept.length ? `${s.kind} ${kept.join(",")};` : ";" });
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
