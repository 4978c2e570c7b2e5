// `report`: after a run, draws each chart cell's spec to SVG and writes the self-contained HTML report.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { cliMessages as m } from "../messages/cli";
import { reportCells } from "../report/from-session";
import { renderReport } from "../report/render";
import type { SessionState } from "../session/types";
import type { ReportArgs } from "./args";
import { chartToSvg } from "./chart-svg";

/** Writes the report of `state` to `target`; a chart that cannot be drawn is reported and shown as missing. */
export async function writeHtmlReport(
  args: ReportArgs,
  state: SessionState,
  target: string,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  const svgs = new Map<string, string>();
  for (const [i, { cell, output }] of state.cells.entries()) {
    if (output?.type !== "chart") continue;
    try {
      svgs.set(cell.id, await chartToSvg(output.spec, args.lang === "en" ? "en-US" : args.lang));
    } catch (e) {
      err(m.chartFailed(cell.name ?? `chart #${i + 1}`, e instanceof Error ? e.message : String(e)));
    }
  }
  const html = renderReport({
    title: state.notebook.frontMatter.title,
    date: new Date(),
    lang: args.lang,
    showCode: args.code === "show",
    rows: args.rows,
    cells: reportCells(state, svgs),
  });
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, html);
  out(m.wroteReport(args.out, Buffer.byteLength(html), Math.round(performance.now() - started)));
}
