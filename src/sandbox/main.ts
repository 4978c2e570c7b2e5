// The chart sandbox: runs inside <iframe sandbox="allow-scripts" srcdoc> (frame-document.ts) with an
// opaque origin and `connect-src 'none'`. It draws Vega-Lite specs sent by the shell and reports back the
// height to give the frame (ts cells run in the code frame's Workers instead: code-main.ts).
// Vega is never put on `window`, and no spec can load anything.
import { expressionFunction } from "vega";
import { COMPACT_FORMAT, compactNumber } from "../charts/locale";
import { asRenderMessage, asWarmMessage, type SandboxMessage } from "./protocol";
import { asExportRequest } from "./export";
import { answerExport } from "./export-view";
import { createChartView } from "./chart-view";
import { decodeRows } from "./rows-transfer";

// Axes in 万 / 亿 (charts/locale.ts) name this function as their custom format type.
expressionFunction(COMPACT_FORMAT, compactNumber);

const container = document.getElementById("chart") as HTMLDivElement;

function post(message: SandboxMessage): void {
  // The shell's origin is not knowable from an opaque origin; the message carries only a size or an error.
  window.parent.postMessage(message, "*");
}

const chart = createChartView(container, post);

window.addEventListener("message", (event) => {
  // Only the embedding shell may ask for a chart.
  if (event.source !== window.parent) return;
  const exportRequest = asExportRequest(event.data);
  if (exportRequest) {
    void chart.view().then((view) => answerExport(exportRequest, view));
    return;
  }
  const warm = asWarmMessage(event.data);
  if (warm) return void chart.warm(warm.locale);
  const message = asRenderMessage(event.data);
  if (!message) return;
  // Vega's rows are built here, from the columns the shell transferred.
  const spec = message.rows ? { ...message.spec, data: { values: decodeRows(message.rows) } } : message.spec;
  void chart.render(message.id, spec, message.locale);
});

new ResizeObserver(chart.reportSize).observe(container);
post({ type: "clientbook:ready", token: document.body.dataset.token ?? "" });
