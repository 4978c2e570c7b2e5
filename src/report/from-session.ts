// Turns a session's state after a run into the parts of a report; the app and the CLI both call this,
// each drawing the chart SVGs its own way (the sandbox in the browser, Vega's SVG renderer in Node).
import type { SessionState } from "../session/types";
import type { ReportCell } from "./render";

/** The report parts of every cell; `svgs` maps a chart cell's id to its drawn SVG. */
export function reportCells(state: SessionState, svgs: ReadonlyMap<string, string>): ReportCell[] {
  return state.cells.map(({ cell, status, error, output }, i): ReportCell => {
    if (cell.kind === "markdown")
      return { kind: "markdown", text: output?.type === "markdown" ? output.text : cell.source };
    if (cell.kind === "code") return { kind: "code", language: cell.language ?? "", source: cell.source };
    const label = cell.name ?? `${cell.kind} #${i + 1}`;
    const source = cell.source;
    if (status === "error") return { kind: "error", label, source, message: error?.message ?? "" };
    if (!output) return { kind: "not-run", label, source };
    switch (output.type) {
      case "table":
        return {
          kind: "table",
          label,
          source,
          table: output.table,
          totalRows: output.totalRows ?? output.table.numRows,
        };
      case "chart": {
        const svg = svgs.get(cell.id);
        return {
          kind: "chart",
          label,
          source,
          ...(svg !== undefined ? { svg } : {}),
          ...(output.note ? { note: output.note } : {}),
        };
      }
      case "input":
        return { kind: "value", label, source, value: output.value };
      case "value":
        return { kind: "value", label, source, value: output.value };
      case "markdown":
        return { kind: "markdown", text: output.text };
    }
  });
}
