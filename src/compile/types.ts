// What compiling a cell yields: the names it defines and reads, and a runnable body (or an error).
// Consumed by graph/ (defines, references) and by the session's runtime (body).
import type { CellKind } from "../notebook/types";
import type { RunError } from "../runtime/types";

/** What went wrong in a cell, with a 1-based position when known: the one error shape (the runtime's). */
export type CellError = RunError;

/**
 * What a cell runs: SQL with `?` for each `${name}` (bound in `params` order), a chart spec, Markdown
 * (with `${expr}` interpolations), TypeScript, or an input control.
 */
export type CellBody =
  /** `paramAt`: the offset in `sql` of each `?` that stands for a param (a list value widens it to `[?, ?, ...]`). */
  | { readonly type: "sql"; readonly sql: string; readonly params: string[]; readonly paramAt?: number[] }
  /**
   * `rowCap`: the most rows the chart may receive (the `cap=` attribute); `selections`: the spec's interval
   * and point selections, each read by other cells as an input; `links`: other charts' selections the spec
   * filters by (`{ "filter": { "param": name } }`), read like inputs.
   */
  | {
      readonly type: "chart";
      readonly data: string;
      readonly spec: Record<string, unknown>;
      readonly rowCap?: number;
      readonly selections?: readonly SelectionSpec[];
      readonly links?: readonly string[];
    }
  /** A chart's selection as a value other cells read (a graph node of its own; see selection.ts). */
  | { readonly type: "selection"; readonly chart: string; readonly spec: SelectionSpec }
  | { readonly type: "markdown"; readonly text: string; readonly interpolation?: MarkdownInterpolation }
  /** `source`: the TypeScript, transpiled where it runs (compile/transpile.ts loads the transpiler then). */
  | { readonly type: "ts"; readonly source: string }
  | { readonly type: "input"; readonly spec: InputSpec };

/**
 * The `${expr}` parts of a Markdown cell: `pieces` are the text around them (one more than there are
 * expressions), `offsets` where each expression starts in the text (`interpolationCode` makes the code).
 */
export interface MarkdownInterpolation {
  readonly pieces: string[];
  readonly expressions: string[];
  readonly offsets: number[];
}

/** The kinds of input control. */
export type InputType = "range" | "number" | "select" | "multiselect" | "daterange" | "text" | "checkbox";

/** A value an input holds: a number, text, a flag, or a list (multiselect; daterange as [from, to] ISO dates). */
export type InputValue = number | string | boolean | (string | number)[];

/** A validated input cell spec (see FORMAT.md). */
export interface InputSpec {
  readonly type: InputType;
  readonly label?: string;
  readonly value: InputValue;
  readonly min?: number | string;
  readonly max?: number | string;
  readonly step?: number;
  /** Fixed choices (select, multiselect). */
  readonly options?: (string | number)[];
  /** Choices from a sql cell's column: the cell name and the column (absent: its first column). */
  readonly optionsFrom?: { readonly cell: string; readonly column?: string };
  /** With `optionsFrom`: the chosen value (client data) is written into the file; otherwise it stays in memory. */
  readonly remember?: boolean;
}

/** A selection a chart spec declares, projected on one encoding channel or one field. */
export interface SelectionSpec {
  readonly name: string;
  readonly type: "interval" | "point";
  readonly channel?: string;
  readonly field?: string;
  /** The data field the selection holds values of, and its encoding's time unit: what linked charts filter. */
  readonly source?: { readonly field: string; readonly timeUnit?: string };
}

/** One cell, compiled. */
export interface CompiledCell {
  readonly id: string;
  readonly kind: CellKind;
  readonly name?: string;
  /** `[name]` for a computing cell with a name (as written), else `[]`. */
  defines: string[];
  /**
   * Names the cell may read, lower-cased (DuckDB names are case-insensitive), first occurrence first.
   * SQL: table-like identifiers outside strings and comments (see sql.ts for what is left out) plus `${x}` params;
   * chart: `[data]`; ts and Markdown `${}`: free identifiers (see js-names.ts); input: its `options_from` cell.
   * The graph keeps only those that are cell names.
   */
  references: string[];
  /** Absent when the cell does not run (code) or on a compile error. */
  readonly body?: CellBody;
  readonly error?: CellError;
}
