// Runs one CodeRequest in the current realm: what the browser sandbox's code Worker calls for each cell
// (the Worker and its CSP are the isolation there, and it compiles by script, not eval; in Node,
// sandbox-node/ isolates with node:vm and builds the same scope from this folder's source).
import { CODE_PARAMETER, type CodeHost, type CodeRequest } from "./runner";
import { codeScope } from "./scope";
import { toCodeError } from "./code-error";

/** A cell's code as a function of its scope. */
export type CellFunction = (scope: unknown) => Promise<unknown>;

/** Turns a cell's code into its function, named `file` in stack traces, `lineOffset` lines below its start. */
export type CompileCell = (js: string, file: string) => { readonly fn: CellFunction; readonly lineOffset: number };

const AsyncFunction = (async () => undefined).constructor as new (param: string, body: string) => CellFunction;

/**
 * How many lines the Function constructor puts before the body (async ones alike), measured, not
 * assumed; on first use only, so a realm without eval (the browser's code Worker) never tries it.
 */
let lineOffset: number | undefined;
const functionLineOffset = (): number => (lineOffset ??= measureLineOffset());
function measureLineOffset(): number {
  try {
    new Function("x", "throw new Error()\n//# sourceURL=clientbook-calibrate.js")(0);
  } catch (e) {
    const match = /clientbook-calibrate\.js:(\d+):\d+/.exec(String((e as Error).stack));
    if (match) return Number(match[1]) - 1;
  }
  return 2;
}

/** The file name stack traces give a cell's code, so positions are read from its own frames only. */
export const cellFile = (cell: string): string => `cell-${cell.replace(/[^\w-]/g, "_")}.js`;

/** Compiles with `new AsyncFunction`: needs `'unsafe-eval'`, which no browser policy of the app grants. */
export const compileWithFunction: CompileCell = (js, file) => ({
  fn: new AsyncFunction(CODE_PARAMETER, `${js}\n//# sourceURL=${file}`),
  lineOffset: functionLineOffset(),
});

/**
 * Compiles `request.js` with `compile` (default: the Function constructor) and runs it with the
 * cell's scope; rejects with a CodeError positioned in `js`.
 */
export async function executeCode(
  request: CodeRequest,
  host: CodeHost,
  lib: Readonly<Record<string, unknown>> = {},
  compile: CompileCell = compileWithFunction,
): Promise<unknown> {
  const file = cellFile(request.cell);
  let compiled: ReturnType<CompileCell>;
  try {
    compiled = compile(request.js, file);
  } catch (e) {
    // Syntax errors carry no usable stack position; compile/ has already checked the syntax.
    throw toCodeError(e, file);
  }
  try {
    return await compiled.fn(codeScope(request, host, lib));
  } catch (e) {
    throw toCodeError(e, file, compiled.lineOffset);
  }
}
