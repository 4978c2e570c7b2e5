// What a new cell starts as: a free name for computing cells and a starting source per kind.
import type { Cell } from "../notebook/types";
import { quoteIdent } from "../sql/ident";
import type { NewCell, SessionState } from "../session/types";
import { starterChart } from "./starter-chart";

const STEMS = { sql: "query", ts: "code", input: "param", chart: "chart" } as const;
const TS_SOURCE = "// Other cells are in scope by name; `sql` queries DuckDB.\nreturn 1 + 1;";
const INPUT_SOURCE = '{ "type": "range", "label": "Value", "min": 0, "max": 100, "step": 1, "value": 50 }';

const takenNames = (state: SessionState) => new Set(state.cells.flatMap((c) => (c.cell.name ? [c.cell.name] : [])));

/** `stem_1`, `stem_2`, … : the first that no cell uses (`from` sets where counting starts). */
export function freeName(stem: string, taken: ReadonlySet<string>, from = 1): string {
  let n = from;
  while (taken.has(`${stem}_${n}`)) n++;
  return `${stem}_${n}`;
}

/** A new cell of `kind`, named freely, with a source that runs (a query of the first table, a bar chart…). */
export function newCellSpec(state: SessionState, kind: NewCell["kind"]): NewCell {
  if (kind === "markdown") return { kind, source: "" };
  const stem = kind in STEMS ? STEMS[kind as keyof typeof STEMS] : "cell";
  const name = freeName(stem, takenNames(state));
  if (kind === "ts") return { kind, name, source: TS_SOURCE };
  if (kind === "input") return { kind, name, source: INPUT_SOURCE };
  if (kind === "chart") {
    // The latest named result, read for its columns; before any run, the last named sql cell.
    const cells = [...state.cells].reverse().filter((c) => c.cell.name);
    const result = cells.find((c) => c.output?.type === "table") ?? cells.find((c) => c.cell.kind === "sql");
    const columns = result?.output?.type === "table" ? result.output.table.columns : [];
    return { kind, name, source: starterChart(columns), attrs: result?.cell.name ? { data: result.cell.name } : {} };
  }
  const first = state.tables[0]?.name;
  const from = first ? quoteIdent(first) : "range(10)";
  return { kind, name, source: `SELECT *\nFROM ${from}\nLIMIT 100` };
}

/** A copy of `cell` to insert: same kind, source and attributes, under a free name (`orders` -> `orders_2`). */
export function copySpec(state: SessionState, cell: Cell): NewCell {
  const base = cell.name?.replace(/_\d+$/, "");
  const name = base ? freeName(base, takenNames(state), 2) : undefined;
  return { kind: cell.kind, source: cell.source, attrs: cell.attrs, ...(name ? { name } : {}) };
}

/** The cell as it was, to insert again on undo (same name: the deleted cell freed it). */
export function restoreSpec(cell: Cell): NewCell {
  return { kind: cell.kind, source: cell.source, attrs: cell.attrs, ...(cell.name ? { name: cell.name } : {}) };
}
