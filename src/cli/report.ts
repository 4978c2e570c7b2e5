// The run report: every cell's name, kind, status, error, columns, row count and first rows, as JSON,
// plus the human summary printed to the terminal.
import type { CellState, SessionState } from "../session/types";
import type { Value } from "../table/result";
import { cliMessages as m } from "../messages/cli";

/** One cell in the JSON report. */
export interface CellReport {
  readonly name: string | null;
  readonly kind: string;
  readonly status: string;
  readonly error: { message: string; line?: number; column?: number } | null;
  readonly columns: { name: string; type: string }[];
  /** The true row count (sql cells) or the rows drawn (charts); 0 for cells without rows. */
  readonly rowCount: number;
  /** The first `limit` rows; DATE values as `YYYY-MM-DD`, TIMESTAMP values as ISO 8601 text. */
  readonly rows: Record<string, Value>[];
  /** A ts cell's value, an input's value, or a Markdown cell's text with its `${}` values filled in; else null. */
  readonly value: unknown;
  /** The `log(...)` lines of the cell's run (capped like the session's, with a closing note); empty when none. */
  readonly logs: readonly string[];
  /** Chart outputs only: the Vega-Lite spec as drawn, its inline `data.values` the rows the chart received. */
  readonly spec?: Record<string, unknown>;
  /** Chart outputs only: what the chart says on its face (a stated sample, a cap), when anything. */
  readonly note?: string;
}

/** The whole JSON report. */
export interface RunReport {
  readonly notebook: string;
  readonly title: string | null;
  readonly cells: CellReport[];
}

/** Builds the JSON report from the session state after a run. */
export function buildReport(notebookPath: string, state: SessionState, limit: number): RunReport {
  return {
    notebook: notebookPath,
    title: state.notebook.frontMatter.title ?? null,
    cells: state.cells.map((c) => cellReport(c, limit)),
  };
}

function cellReport(state: CellState, limit: number): CellReport {
  const output = state.output;
  const base = {
    name: state.cell.name ?? null,
    kind: state.cell.kind,
    status: state.status,
    error: state.error ? { ...state.error } : null,
    logs: state.logs ?? [],
  };
  if (output?.type === "table") {
    const { table } = output;
    const dates = table.columns.map((c) => c.kind);
    const rows = table.rows(0, limit).map((row) => {
      const plain: Record<string, Value> = {};
      table.columns.forEach((c, i) => (plain[c.name] = readable(row[c.name], dates[i])));
      return plain;
    });
    return {
      ...base,
      columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
      rowCount: output.totalRows ?? table.numRows,
      rows,
      value: null,
    };
  }
  if (output?.type === "chart") {
    const note = output.note ? { note: output.note } : {};
    return { ...base, columns: [], rowCount: output.rows, rows: [], value: null, spec: output.spec, ...note };
  }
  const value =
    output?.type === "value" || output?.type === "input"
      ? output.value
      : output?.type === "markdown" && output.text !== state.cell.source
        ? output.text
        : null;
  return { ...base, columns: [], rowCount: 0, rows: [], value: value ?? null };
}

function readable(value: Value, kind: string): Value {
  if (typeof value !== "number" || !Number.isFinite(value)) return value;
  if (kind === "date") return new Date(value).toISOString().slice(0, 10);
  if (kind === "timestamp") return new Date(value).toISOString();
  return value;
}

/** A value in one line of at most 60 characters, for the terminal summary. */
function short(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** The label a cell goes by in messages: its name, or its kind and position. */
export function cellLabel(cell: CellReport, index: number): string {
  return cell.name ?? `${cell.kind} #${index + 1}`;
}

/** Terminal lines for the cells that compute (Markdown and kept code blocks are left out). */
export function summaryLines(report: RunReport): string[] {
  const lines: string[] = [];
  report.cells.forEach((cell, i) => {
    if (cell.kind === "markdown" || cell.kind === "code") return;
    const detail =
      cell.status === "error"
        ? (cell.error?.message.split("\n")[0] ?? "")
        : cell.kind === "chart"
          ? `chart, ${m.rows(cell.rowCount)}`
          : cell.status === "done"
            ? cell.columns.length || cell.value === null
              ? m.rows(cell.rowCount)
              : `= ${short(cell.value)}`
            : cell.status;
    lines.push(m.cellLine(cell.status !== "error", cellLabel(cell, i), cell.kind, detail));
    // Under the cell they came from, rather than interleaved with other cells' output while running.
    for (const line of cell.logs) lines.push(m.logLine(line));
  });
  return lines;
}

/** Lines for stderr naming each failed cell with its position. */
export function failureLines(report: RunReport): string[] {
  const failed = report.cells.map((c, i) => [c, i] as const).filter(([c]) => c.status === "error");
  if (!failed.length) return [];
  return [
    m.failedHeader(failed.length),
    ...failed.map(
      ([c, i]) =>
        `  ${m.failed(cellLabel(c, i), c.error?.line ? ` (line ${c.error.line}${c.error.column ? `, column ${c.error.column}` : ""})` : "", c.error?.message ?? "")}`,
    ),
  ];
}
