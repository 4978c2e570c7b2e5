// Reads an Arrow IPC stream (a cell-made table) back into column-major plain values: the head of a
// big result for display, or all of it where a whole table is needed (the native engine).
import { tableFromIPC } from "apache-arrow";
import type { Value } from "./result";

/** Column names, row count and the first `maxRows` rows (column-major) of the stream `ipc`; throws if not Arrow. */
export function readIpc(
  ipc: Uint8Array,
  maxRows = Number.POSITIVE_INFINITY,
): { names: string[]; rows: number; data: Value[][] } {
  const table = tableFromIPC(ipc);
  const n = Math.min(table.numRows, maxRows);
  const data = table.schema.fields.map((_, c) => {
    // Vector.get, not Table.slice: slicing a big table costs time in proportion to its size.
    const vector = table.getChildAt(c)!;
    const out: Value[] = new Array(n);
    for (let r = 0; r < n; r++) {
      const v = vector.get(r) as unknown;
      out[r] = typeof v === "bigint" ? Number(v) : v instanceof Date ? v.getTime() : ((v ?? null) as Value);
    }
    return out;
  });
  return { names: table.schema.fields.map((f) => f.name), rows: table.numRows, data };
}
