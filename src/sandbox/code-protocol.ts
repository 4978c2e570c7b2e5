// The messages between the app shell and the code Worker inside the notebook sandbox, over one
// MessageChannel. The shell trusts nothing from the Worker: every message is checked here for its
// shape, types and sizes, and anything else is dropped.
import type { WireTable } from "../code/runner";
import type { Locale } from "../messages/locale";
import type { Value } from "../table/result";

/** Shell -> Worker: run one cell. `inputs` and `tables` are the CodeRequest's, structured-cloned. */
export interface RunMessage {
  readonly type: "run";
  readonly run: number;
  readonly cell: string;
  readonly js: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly tables: Readonly<Record<string, WireTable>>;
  /** Whether rows come back as a RowsWire (ts cells) or as a value (Markdown interpolations). */
  readonly rows: boolean;
  /** The UI's locale: what the Worker says (a refused value, a model's warning) is in it. */
  readonly locale?: Locale;
}

/** Shell -> Worker: the answer to a `sql` request. */
export type SqlReply =
  | { readonly type: "sql-result"; readonly id: number; readonly table: WireTable }
  | { readonly type: "sql-error"; readonly id: number; readonly message: string };

/** Any message the shell sends the Worker. */
export type ToWorker = RunMessage | SqlReply;

/** Worker -> shell: run this query with `?` bound to `params` (the only way to data). */
export interface SqlRequest {
  readonly type: "sql";
  readonly run: number;
  readonly id: number;
  readonly text: string;
  readonly params: readonly Value[];
}

/** Worker -> shell: a line of `console.log`-style output. */
export interface LogMessage {
  readonly type: "log";
  readonly run: number;
  readonly text: string;
}

/** Worker -> shell: the cell finished with this value, or these rows (their bytes transferred). */
export type DoneMessage =
  | { readonly type: "done"; readonly run: number; readonly value: unknown }
  | { readonly type: "done"; readonly run: number; readonly rows: unknown };

/** Worker -> shell: the cell threw; `line`/`column` are 1-based in the run's `js`. */
export interface FailMessage {
  readonly type: "error";
  readonly run: number;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** Any message the Worker may send: the allow-list. */
export type FromWorker = SqlRequest | LogMessage | DoneMessage | FailMessage;

/** The largest SQL text a cell may send. */
export const MAX_SQL_CHARS = 1_000_000;
/** The most parameters one query may bind. */
export const MAX_PARAMS = 10_000;
/** Log lines and error messages are cut to this length. */
export const MAX_TEXT_CHARS = 10_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isPosition = (v: unknown) => v === undefined || (typeof v === "number" && Number.isSafeInteger(v) && v > 0);
const isParam = (v: unknown) =>
  v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && !Number.isNaN(v));

/** Returns the message as one of the allow-listed Worker messages, or null for anything else. */
export function asWorkerMessage(data: unknown): FromWorker | null {
  if (!isRecord(data) || !isId(data.run)) return null;
  switch (data.type) {
    case "sql":
      if (!isId(data.id) || typeof data.text !== "string" || data.text.length > MAX_SQL_CHARS) return null;
      if (!Array.isArray(data.params) || data.params.length > MAX_PARAMS || !data.params.every(isParam)) return null;
      return { type: "sql", run: data.run, id: data.id, text: data.text, params: [...(data.params as Value[])] };
    case "log":
      return typeof data.text === "string"
        ? { type: "log", run: data.run, text: data.text.slice(0, MAX_TEXT_CHARS) }
        : null;
    case "done":
      if ("rows" in data) return "value" in data ? null : { type: "done", run: data.run, rows: data.rows };
      return "value" in data ? { type: "done", run: data.run, value: data.value } : null;
    case "error":
      if (typeof data.message !== "string" || !isPosition(data.line) || !isPosition(data.column)) return null;
      return {
        type: "error",
        run: data.run,
        message: data.message.slice(0, MAX_TEXT_CHARS),
        ...(data.line === undefined ? {} : { line: data.line as number }),
        ...(data.column === undefined ? {} : { column: data.column as number }),
      };
    default:
      return null;
  }
}

/** Returns the message as one the shell sends the Worker, or null (the Worker's own check). */
export function asShellMessage(data: unknown): ToWorker | null {
  if (!isRecord(data)) return null;
  if (
    data.type === "run" &&
    isId(data.run) &&
    typeof data.cell === "string" &&
    typeof data.js === "string" &&
    isRecord(data.inputs) &&
    isRecord(data.tables)
  ) {
    return data as unknown as RunMessage;
  }
  if (data.type === "sql-result" && isId(data.id) && isRecord(data.table)) return data as unknown as SqlReply;
  if (data.type === "sql-error" && isId(data.id) && typeof data.message === "string")
    return data as unknown as SqlReply;
  return null;
}
