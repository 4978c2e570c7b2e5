// Compiles a cell's code in the code Worker without eval: the sandbox inherits the shell's policy, which
// has no 'unsafe-eval', so the code goes in as a script of its own (a `blob:` URL, run by importScripts).
import { CODE_PARAMETER } from "../code/runner";
import { codeMessages } from "../messages/code";
import type { CellFunction, CompileCell } from "../code/execute";

// The global the wrapped script hands its function to; it exists only while the script runs.
const HOOK = "__clientbookCell";

/** A CompileCell that runs each cell's code as a classic script through `load` (the Worker's importScripts). */
export function scriptCompiler(load: (url: string) => void): CompileCell {
  return (js, file) => {
    const global = globalThis as unknown as Record<string, unknown>;
    let fn: CellFunction | undefined;
    global[HOOK] = (f: CellFunction) => (fn ??= f);
    // The body starts on the script's second line, so positions in `js` are one line down.
    const text = `${HOOK}(async function (${CODE_PARAMETER}) {\n${js}\n});\n//# sourceURL=${file}`;
    const url = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
    try {
      load(url);
    } finally {
      delete global[HOOK];
      URL.revokeObjectURL(url);
    }
    if (!fn) throw new SyntaxError(codeMessages.notOneBody);
    return { fn, lineOffset: 1 };
  };
}
