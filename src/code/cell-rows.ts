// A ts cell's rows on the session's side: column types, the row count and one Arrow IPC stream. Apache
// Arrow is imported only to read a head, so the page's first load does not carry it.
import type { WireColumn, WireTable } from "./runner";

/** Rows as they cross: column names and DuckDB types, the row count and one Arrow IPC stream. */
export interface RowsWire {
  readonly columns: readonly WireColumn[];
  readonly rows: number;
  readonly ipc: Uint8Array;
}

/** A cell's rows on the session's side. `ipc` may be handed to the engine once (it is transferred). */
export class CellRows implements RowsWire {
  constructor(
    readonly columns: readonly WireColumn[],
    readonly rows: number,
    readonly ipc: Uint8Array,
  ) {}

  /** The first `n` rows, column-major (read before the bytes go to the engine). */
  async head(n: number): Promise<WireTable> {
    const { readIpc } = await import("../table/arrow-ipc");
    return { columns: this.columns, data: readIpc(this.ipc, n).data };
  }
}
