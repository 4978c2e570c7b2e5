// What a ts cell's value crosses out of its runner as: rows (when the session asks for a table) as one
// Arrow IPC buffer with their column types, built where the code ran; anything else as itself. Both
// are bounded (./limits), so no result can make the page's main thread work for long.
import { codeMessages as m } from "../messages/code";
import { readIpc } from "../table/arrow-ipc";
import { encodeIpc } from "./arrow-rows";
import { CodeError, type WireColumn } from "./runner";
import { CellRows, type RowsWire } from "./cell-rows";
import { MAX_RESULT_VALUES, MAX_VALUE_PARTS } from "./limits";
import { plainValueProblem } from "./plain-value";
import { rowsTable } from "./values";

/** What a runner sends back for a finished cell. */
export type CellResult = { readonly value: unknown } | { readonly rows: RowsWire };

const isPlainRow = (v: unknown) => {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype;
};

/** Throws when a value that is not rows has more than MAX_VALUE_PARTS parts (counting stops there). */
function checkParts(value: unknown): void {
  let parts = 0;
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length) {
    const v = stack.pop();
    if (++parts > MAX_VALUE_PARTS) throw new CodeError(m.valueTooBig(MAX_VALUE_PARTS));
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    for (const item of Array.isArray(v) ? v : Object.values(v)) stack.push(item);
  }
}

/**
 * Turns the value a cell returned into what crosses back: with `asRows`, rows (a list of plain
 * objects) become a RowsWire; throws a CodeError naming the limit when the result is too big.
 */
export function cellResult(value: unknown, asRows: boolean): CellResult {
  if (asRows && Array.isArray(value) && value.length > 0 && isPlainRow(value[0])) {
    // Checked before any work: every column of the first row is a column of the table.
    const first = Object.keys(value[0] as object).length;
    if (value.length * first > MAX_RESULT_VALUES)
      throw new CodeError(m.tooManyValues(value.length, first, MAX_RESULT_VALUES));
    const table = rowsTable(value);
    if (table) {
      const rows = table.data[0]?.length ?? 0;
      if (rows * table.columns.length > MAX_RESULT_VALUES)
        throw new CodeError(m.tooManyValues(rows, table.columns.length, MAX_RESULT_VALUES));
      return { rows: { columns: table.columns, rows, ipc: encodeIpc(table) } };
    }
  }
  checkParts(value);
  // The same refusal in every runner: only plain data leaves (the shell checks again on arrival).
  const problem = plainValueProblem(value);
  if (problem) throw new CodeError(m.valueRefused(problem));
  return { value };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks rows that came out of a runner (never trusted: shape, limit, bytes that match); returns them as CellRows. */
export function acceptRows(wire: unknown): CellRows {
  const bad = (reason: string) => new CodeError(m.badTable(reason));
  if (!isRecord(wire) || !(wire.ipc instanceof Uint8Array) || !Array.isArray(wire.columns)) throw bad("not a table");
  const columns = wire.columns as unknown[];
  if (!columns.every((c) => isRecord(c) && typeof c.name === "string" && typeof c.type === "string"))
    throw bad("bad columns");
  const rows = wire.rows;
  if (typeof rows !== "number" || !Number.isSafeInteger(rows) || rows < 0) throw bad("bad row count");
  if (rows * columns.length > MAX_RESULT_VALUES)
    throw new CodeError(m.tooManyValues(rows, columns.length, MAX_RESULT_VALUES));
  let read: ReturnType<typeof readIpc>;
  try {
    read = readIpc(wire.ipc, 0);
  } catch (e) {
    throw bad(e instanceof Error ? e.message : String(e));
  }
  const names = (columns as WireColumn[]).map((c) => c.name);
  if (read.rows !== rows || read.names.join("\u0000") !== names.join("\u0000"))
    throw bad("the bytes do not match the columns");
  return new CellRows(columns as WireColumn[], rows, wire.ipc);
}
