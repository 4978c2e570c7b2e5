// The notebook document model: what a notebook file says, with nothing about running it.
// parse.ts reads it from Markdown and serialize.ts writes it back byte for byte.

/** The notebook format version this build reads and writes. */
export const NOTEBOOK_VERSION = 1;

/** The kinds of cell. `code` is a fenced block of any other language: kept, shown, never run. */
export type CellKind = "markdown" | "sql" | "ts" | "chart" | "input" | "code";

/**
 * One declared data source: the table name maps to the file it comes from and its column roles. Without
 * `file`, the name is a named cell's result and the entry holds only the roles a recipe reads from it.
 */
export interface DataSource {
  readonly file?: string;
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
  /** The cell body: Markdown text, or the code inside the fence. Line breaks are always `\n`. */
  readonly source: string;
  /** How the cell was written in the file (absent for new cells); lets an unedited cell be written back byte for byte. */
  readonly layout?: CellLayout;
}

/** A cell to insert: what the document needs of it (the id and layout come with insertion). */
export interface NewCell {
  readonly kind: CellKind;
  readonly name?: string;
  readonly source: string;
  readonly attrs?: Readonly<Record<string, string>>;
}

/** The exact text a cell was read from. The serializer reuses each part while the cell still matches it. */
export interface CellLayout {
  /** The text between the previous element (front matter or cell) and this cell: its line break and blank lines. */
  readonly before?: string;
  /** Markdown cells: the cell's text as written. Fenced cells: the lines between the fence lines, as written. */
  readonly body: string;
  /** Fenced cells: the opening fence line as written (indent, fence, info string), with its line break. */
  readonly open?: string;
  /** Fenced cells: the kind, name, language and attributes the opening line was read as (to detect edits). */
  readonly info?: string;
  /** Fenced cells: the fence characters, e.g. "```" or "~~~~". */
  readonly fence?: string;
  /** Fenced cells: the closing fence line as written; null when the file ended before one. */
  readonly close?: string | null;
}

/** How the whole file was written: line breaks, byte-order mark, the front matter text, and what follows the last cell. */
export interface NotebookLayout {
  /** The file's line break, used for anything the serializer writes anew. */
  readonly eol: "\n" | "\r\n";
  readonly bom: boolean;
  /** The front matter block as written; null when the file had none. */
  readonly frontMatter: FrontMatterLayout | null;
  /** Blank lines before the first cell of a file without front matter. */
  readonly leading: string;
  /** Everything after the last element (usually one line break). */
  readonly trailing: string;
}

/** The front matter block as written, and a snapshot of what it was read as (to detect edits). */
export interface FrontMatterLayout {
  /** The first `---` line with its line break. */
  readonly open: string;
  /** The YAML between the `---` lines, as written. */
  readonly yaml: string;
  /** The closing `---` (or `...`) line, without its line break. */
  readonly close: string;
  readonly snapshot: string;
}

/** A whole notebook. */
export interface Notebook {
  readonly frontMatter: FrontMatter;
  readonly cells: readonly Cell[];
  /** How the file was written (absent for a notebook built in memory). */
  readonly layout?: NotebookLayout;
}

/** The kinds whose fenced blocks the notebook computes. */
export const COMPUTING_KINDS: readonly CellKind[] = ["sql", "ts", "chart", "input"];

/** Kinds that must be named: their names are how other cells (and the UI) refer to them. */
export const NAMED_KINDS: readonly CellKind[] = ["sql", "chart", "input"];

/** A new cell to insert (from the UI, a recipe or a test). */
export interface NewCell {
  readonly kind: CellKind;
  readonly name?: string;
  readonly source: string;
  readonly attrs?: Readonly<Record<string, string>>;
}
