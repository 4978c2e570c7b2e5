// The messages between the Node code runner (main thread) and its worker thread.
import type { RowsWire } from "../code/cell-rows";
import type { CodeRequest, WireTable } from "../code/runner";

/** Main -> worker. */
export type ToWorker =
  | { readonly type: "run"; readonly id: number; readonly request: CodeRequest }
  | {
      readonly type: "sql-result";
      readonly id: number;
      readonly query: number;
      readonly table?: WireTable;
      readonly error?: string;
    };

/** Worker -> main. */
export type FromWorker =
  | { readonly type: "ready" }
  | {
      readonly type: "sql";
      readonly id: number;
      readonly query: number;
      readonly text: string;
      readonly params: unknown[];
    }
  | { readonly type: "log"; readonly id: number; readonly text: string }
  /** The cell's code has finished; its result (or error) follows. */
  | { readonly type: "ran"; readonly id: number }
  | { readonly type: "done"; readonly id: number; readonly value: unknown }
  | { readonly type: "done"; readonly id: number; readonly rows: RowsWire }
  | {
      readonly type: "failed";
      readonly id: number;
      readonly message: string;
      readonly line?: number;
      readonly column?: number;
    };

/** The file name stack traces give the cell's code (its lines are those of `CodeRequest.js`). */
export const CELL_FILE = "clientbook-cell.js";
