// The shell's side of chart export: asks a chart's sandbox frame for its file and accepts only an
// allow-listed, checked answer; keeps the charts on the page by cell id so a report can collect them.
import { chartExportMessages as m } from "../messages/charts";
import { asExportReply, type ExportFormat } from "../sandbox/export";

/** A chart exported from its frame: SVG text (already cleaned), or PNG bytes. */
export type ChartFile =
  { readonly format: "svg"; readonly svg: string } | { readonly format: "png"; readonly png: Blob };

/** Asks for the chart of one frame as a file. */
export type ChartFileSource = (format: ExportFormat) => Promise<ChartFile>;

/** How long a frame may take to draw and encode its chart (a 2x PNG of a big chart on a busy machine). */
const ANSWER_MS = 30_000;
let nextRequest = 1;

/** Asks the sandbox window `target` for its drawn chart as `format`; rejects with a readable reason. */
export function requestChartFile(target: Window | null | undefined, format: ExportFormat): Promise<ChartFile> {
  if (!target) return Promise.reject(new Error(m.notDrawn));
  const request = nextRequest++;
  return new Promise<ChartFile>((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      window.removeEventListener("message", onMessage);
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(m.noAnswer));
    }, ANSWER_MS);
    function onMessage(event: MessageEvent) {
      // Only the frame asked, only its answer to this request.
      if (event.source !== target) return;
      const data = event.data as { type?: unknown; request?: unknown } | null;
      if (typeof data?.type !== "string" || !data.type.startsWith("clientbook:export") || data.request !== request)
        return;
      finish();
      const reply = asExportReply(data);
      if (!reply) reject(new Error(m.badFile));
      else if (reply.type === "clientbook:export-error") reject(new Error(reply.message));
      else if (reply.format === "png") resolve({ format: "png", png: new Blob([reply.png], { type: "image/png" }) });
      else {
        // Loaded on the first export: the sanitizer waits for a click, not for the first chart.
        import("../report/svg").then(({ sanitizeSvg, SvgError }) => {
          try {
            // A downloaded SVG opens as a document of its own: only drawing markup goes out, no script.
            resolve({ format: "svg", svg: sanitizeSvg(reply.svg, "") });
          } catch (error) {
            reject(error instanceof SvgError ? new Error(m.badFile) : error);
          }
        }, reject);
      }
    }
    window.addEventListener("message", onMessage);
    target.postMessage({ type: "clientbook:export", request, format }, "*");
  });
}

const charts = new Map<string, ChartFileSource>();

/** Makes the chart of cell `cell` exportable by id until the returned function is called. */
export function registerChart(cell: string, source: ChartFileSource): () => void {
  charts.set(cell, source);
  return () => {
    if (charts.get(cell) === source) charts.delete(cell);
  };
}

/** The SVG of each chart cell in `cells` that is on the page and drawn; `failed` names the others' reasons. */
export async function collectChartSvgs(
  cells: readonly string[],
): Promise<{ svgs: Map<string, string>; failed: Map<string, string> }> {
  const svgs = new Map<string, string>();
  const failed = new Map<string, string>();
  await Promise.all(
    cells.map(async (cell) => {
      const source = charts.get(cell);
      if (!source) return void failed.set(cell, m.notDrawn);
      try {
        const file = await source("svg");
        if (file.format === "svg") svgs.set(cell, file.svg);
      } catch (error) {
        failed.set(cell, error instanceof Error ? error.message : String(error));
      }
    }),
  );
  return { svgs, failed };
}

/** Offers `blob` as a file download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
