// "Export report" in the browser: the session's state after a run, every chart's SVG collected from
// its sandbox frame, rendered by report/ into one self-contained HTML file.
import { reportCells } from "../report/from-session";
import { renderReport } from "../report/render";
import { DISPLAY_ROW_CAP } from "../session/evaluate";
import type { SessionState } from "../session/types";
import { collectChartSvgs } from "./chart-export";
import type { ReportChoices } from "./report-export";

/** The report of `state` as HTML text, and the labels of charts that could not be collected (with why). */
export async function buildReport(
  state: SessionState,
  choices: ReportChoices,
): Promise<{ html: string; missing: string[] }> {
  const charts = state.cells.filter((c) => c.output?.type === "chart").map((c) => c.cell.id);
  const { svgs, failed } = await collectChartSvgs(charts);
  const missing = state.cells
    .map((c, i) => ({ id: c.cell.id, label: c.cell.name ?? `${c.cell.kind} #${i + 1}` }))
    .filter(({ id }) => failed.has(id))
    .map(({ id, label }) => `${label} (${failed.get(id)})`);
  const html = renderReport({
    title: state.notebook.frontMatter.title,
    date: new Date(),
    lang: choices.lang,
    showCode: choices.showCode,
    rows: choices.rows,
    cells: reportCells(await withReportRows(state, choices.rows), svgs),
  });
  return { html, missing };
}

/** `state` with each table read as far as the report shows it (a run reads only a first page in the app). */
async function withReportRows(state: SessionState, rows: number): Promise<SessionState> {
  const cells = await Promise.all(
    state.cells.map(async (c) => {
      const output = c.output;
      if (output?.type !== "table" || !output.readRows) return c;
      const wanted = Math.min(rows, output.totalRows ?? output.table.numRows, DISPLAY_ROW_CAP);
      if (wanted <= output.table.numRows) return c;
      return { ...c, output: { ...output, table: await output.readRows(0, wanted) } };
    }),
  );
  return { ...state, cells };
}
