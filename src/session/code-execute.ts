// Runs one CodeRequest in the current realm: what the browser sandbox Worker calls for each cell
// (the Worker and its CSP are the isolation there; in Node, sandbox-node/ isolates with node:vm).
import { CODE_PARAMETER, type CodeHost, type CodeRequest } from "./code-runner";
import { codeScope, toCodeError } from "./code-scope";

/** `new AsyncFunction(p, body)` puts two lines (`async function anonymous(p`, `) {`) before the body. */
const FUNCTION_HEADER_LINES = 2;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (param: string, body: string) => (scope: unknown) => Promise<unknown>;

/**
 * Compiles `request.js` with `new AsyncFunction` (needs `'unsafe-eval'`, which only the sandbox's
 * policy has) and runs it with the cell's scope; rejects with a CodeError positioned in `js`.
 */
export async function executeCode(request: CodeRequest, host: CodeHost, lib: Readonly<Record<string, unknown>> = {}): Promise<unknown> {
  let fn: (scope: unknown) => Promise<unknown>;
  try {
    fn = new AsyncFunction(CODE_PARAMETER, request.js);
  } catch (e) {
    // Syntax errors carry no usable stack position; compile/ has already checked the syntax.
    throw toCodeError(e, "<anonymous>", FUNCTION_HEADER_LINES);
  }
  try {
    return await fn(codeScope(request, host, lib));
  } catch (e) {
    throw toCodeError(e, "<anonymous>", FUNCTION_HEADER_LINES);
  }
}
