// What one run of the runner contract produced, as plain data that can leave a browser page: the
// value (rows as their columns, count and head), or the error; with the log lines and SQL the host saw.
// Bundled into the Chromium contract page as well as used in Node, so both sides record alike.
import { CellRows } from "../../src/code/cell-rows";
import type { CodeHost, CodeRequest, CodeRunner } from "../../src/code/runner";
import type { Value } from "../../src/table/result";

/** The result of one contract run. */
export interface Outcome {
  readonly value?: unknown;
  readonly rows?: { columns: unknown; rows: number; head: unknown };
  readonly error?: { message: string; line?: number; column?: number };
  readonly logs: string[];
  readonly sql: { text: string; params: readonly Value[] }[];
}

/** How the run is ended early, if at all: by `stop()` or by aborting, once the cell has logged a line. */
export type Ending = "none" | "stop" | "abort";

/** The host every contract run gets: SQL is echoed back as one row (text, params); `FAIL` in the text fails. */
function contractHost(logs: string[], sql: Outcome["sql"], onLog: () => void): CodeHost {
  return {
    async sql(text, params) {
      sql.push({ text, params: [...params] });
      if (text.includes("FAIL")) throw new Error("Catalog Error: Table with name FAIL does not exist!");
      return {
        columns: [
          { name: "text", type: "VARCHAR" },
          { name: "params", type: "VARCHAR" },
        ],
        data: [[text], [JSON.stringify(params)]],
      };
    },
    log(text) {
      logs.push(text);
      onLog();
    },
  };
}

/** Runs `request` on `runner` and records what came back. */
export async function runOutcome(runner: CodeRunner, request: CodeRequest, ending: Ending = "none"): Promise<Outcome> {
  const logs: string[] = [];
  const sql: Outcome["sql"] = [];
  const controller = new AbortController();
  const host = contractHost(logs, sql, () => {
    if (ending === "stop") runner.stop();
    if (ending === "abort") controller.abort(new Error("Aborted."));
  });
  try {
    const value = await runner.run(request, host, controller.signal);
    if (value instanceof CellRows)
      return { rows: { columns: value.columns, rows: value.rows, head: (await value.head(5)).data }, logs, sql };
    return { value, logs, sql };
  } catch (e) {
    const err = e as { message?: string; line?: number; column?: number };
    return { error: { message: String(err?.message ?? e), line: err?.line, column: err?.column }, logs, sql };
  }
}
