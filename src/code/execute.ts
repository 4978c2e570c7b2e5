// Runs one CodeRequest in the current realm with `new AsyncFunction`: what the browser sandbox's code
// Worker calls for each cell (the Worker and its CSP are the isolation there; in Node, sandbox-node/
// isolates with node:vm and builds the same scope from this folder's source).
import { CODE_PARAMETER, type CodeHost, type CodeRequest } from "./runner";
import { codeScope } from "./scope";
import { toCodeError } from "./code-error";

type CellFunction = (scope: unknown) => Promise<unknown>;

const AsyncFunction = (async () => undefined).constructor as new (param: string, body: string) => CellFunction;

/** How many lines the Function constructor puts before the body (async ones alike), measured, not assumed. */
const LINE_OFFSET = (() => {
  try {
    new Function("x", "throw new Error()\n//# sourceURL=clientbook-calibrate.js")(0);
  } catch (e) {
    const match = /clientbook-calibrate\.js:(\d+):\d+/.exec(String((e as Error).stack));
    if (match) return Number(match[1]) - 1;
  }
  return 2;
})();

/** The file name stack traces give a cell's code, so positions are read from its own frames only. */
export const cellFile = (cell: string): string => `cell-${cell.replace(/[^\w-]/g, "_")}.js`;

/**
 * Compiles `request.js` with `new AsyncFunction` (needs `'unsafe-eval'`, which only the sandbox's
 * policy has) and runs it with the cell's scope; rejects with a CodeError positioned in `js`.
 */
export async function executeCode(
  request: CodeRequest,
  host: CodeHost,
  lib: Readonly<Record<string, unknown>> = {},
): Promise<unknown> {
  const file = cellFile(request.cell);
  let fn: CellFunction;
  try {
    fn = new AsyncFunction(CODE_PARAMETER, `${request.js}\n//# sourceURL=${file}`);
  } catch (e) {
    // Syntax errors carry no usable stack position; compile/ has already checked the syntax.
    throw toCodeError(e, file, LINE_OFFSET);
  }
  try {
    return await fn(codeScope(request, host, lib));
  } catch (e) {
    throw toCodeError(e, file, LINE_OFFSET);
  }
}
