// The notebook document model: what a notebook file says, with nothing about running it.
// parse.ts reads it from Markdown and serialize.ts writes it back byte for byte.

/** The notebook format version this build reads and writes. */
export const NOTEBOOK_VERSION = 1;

/** The kinds of cell. `code` is a fenced block of any other language: kept, shown, never run. */
export type CellKind = "markdown" | "sql" | "ts" | "chart" | "input" | "code";

/** One declared data source: the table name maps to the file it comes from and its column roles. */
export interface DataSource {
  readonly file: string;
  /** Role name -> column name, e.g. `{ customer_id: "Kunden-Nr" }`. */
  readonly roles?: Readonly<Record<string, string>>;
}

/** The front matter, parsed. Unknown keys are kept in `extra` and written back unchanged. */
export interface FrontMatter {
  readonly notebook: number;
  readonly title?: string;
  readonly data: Readonly<Record<string, DataSource>>;
  readonly extra: Readonly<Record<string, unknown>>;
}

/** One cell of a notebook. */
export interface Cell {
  /** Stable within a session (not saved); lets the UI keep identity across edits and moves. */
  readonly id: string;
  readonly kind: CellKind;
  /** The cell's name (computing cells); markdown cells have none. */
  readonly name?: string;
  /** For `code` cells: the fence's language word as written (e.g. `python`). */
  readonly language?: string;
  /** `key=value` attributes from the info string, in order (e.g. `data=rfm`, `recipe=rfm`). */
  readonly attrs: Readonly<Record<string, string>>;
  /** The cell body: Markdown text, or the code inside the fence. */
  readonly source: string;
}

/** A whole notebook. */
export interface Notebook {
  readonly frontMatter: FrontMatter;
  readonly cells: readonly Cell[];
}
