// Compiles a ts cell without transpiling it: the names it reads (from the TypeScript source itself),
// the module-syntax check, and the wrapper that turns the transpiled code into the body the CodeRunner
// runs (see code/runner.ts). The transpiler (./transpile.ts) loads only when a cell is about to run.
import { compileMessages as m } from "../messages/compile";
import { scanJsNames } from "./js-names";
import { positionAt } from "./position";
import { originalPosition } from "./source-map";
import type { CellBody, CellError } from "./types";

/** What compiling a ts cell's source yields. */
export interface CompiledTs {
  readonly references: string[];
  readonly body?: Extract<CellBody, { type: "ts" }>;
  readonly error?: CellError;
}

/** The names JavaScript or TypeScript code reads: free identifiers and `sql` template relations, minus its own declarations and `own`. */
export function codeReferences(code: string, own?: string): string[] {
  const { identifiers, declared, sqlNames } = scanJsNames(code);
  const refs: string[] = [];
  for (const name of [...identifiers.filter((n) => !declared.has(n)).map((n) => n.toLowerCase()), ...sqlNames]) {
    if (name !== own?.toLowerCase() && !refs.includes(name)) refs.push(name);
  }
  return refs;
}

/**
 * Compiles a ts cell's source; `name` is the cell's own name (a local of that name is not a reference).
 * Syntax errors show when the cell runs (the transpiler's), with their line and column.
 */
export function compileTs(source: string, name?: string): CompiledTs {
  // Module syntax has no place in a cell body: the recipe library is the `lib` object in scope.
  const moduleLine = /^[ \t]*(import(?:[ \t]+[\w{*"'$]|[ \t]*[{*"'])|export[ \t]+)/m.exec(source);
  if (moduleLine) {
    const offset = moduleLine.index + moduleLine[0].length - moduleLine[1].length;
    return { references: [], error: { message: m.tsModuleSyntax(), ...positionAt(source, offset) } };
  }
  // Read from the TypeScript: type names add references only where they are cell names too (the graph
  // keeps no others), and a type declared in the cell is its own.
  return { references: codeReferences(source, name), body: { type: "ts", source } };
}

/** Words that cannot be variable names: a cell named so is reachable only as `${CODE_PARAMETER}.values.<name>`. */
const JS_RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof let new null return static super switch this throw true try typeof var void while with yield await " +
    "implements interface package private protected public arguments eval"
  ).split(" "),
);

/** Names the code can always use; a cell of one of these names is still reachable through `values`. */
export const SCOPE_NAMES = ["sql", "fmt", "lib", "log"] as const;

/**
 * Wraps transpiled code as the body of the async function the runner calls with the scope object
 * (parameter `param`): line 1 unpacks the scope and the upstream `names`, then the code follows in a
 * block (so its own declarations may shadow them) with every line where it was in the source.
 * `column1` is how many characters the wrapper adds before the code on line 1.
 */
export function wrapCode(code: string, names: readonly string[], param: string): { js: string; column1: number } {
  const own = names.filter(
    (n) => !(SCOPE_NAMES as readonly string[]).includes(n) && /^[A-Za-z_$][\w$]*$/.test(n) && !JS_RESERVED.has(n),
  );
  const prelude = `"use strict"; const { ${SCOPE_NAMES.join(", ")} } = ${param}; const { ${own.join(", ")} } = ${param}.values; {`;
  return { js: `${prelude}${code}\n}`, column1: prelude.length };
}

/**
 * Maps a 1-based position in wrapped `js` back to the cell's TypeScript source: the wrapper's prefix
 * comes off line 1, then the transpiler's source map (`mappings`) moves the column past removed types.
 */
export function sourcePositionInCode(
  line: number | undefined,
  column: number | undefined,
  column1: number,
  mappings?: string,
): { line?: number; column?: number } {
  if (line === undefined) return {};
  if (column === undefined) return { line };
  return originalPosition(mappings, line, line === 1 ? Math.max(1, column - column1) : column);
}
