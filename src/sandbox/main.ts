// The notebook sandbox: runs inside <iframe sandbox="allow-scripts" srcdoc> (frame-document.ts) with an
// opaque origin and `connect-src 'none'`. It draws Vega-Lite specs sent by the shell and reports back the
// height to give the frame, and starts a fresh code Worker for each ts cell run (see code-worker.ts).
// Vega is never put on `window`, and no spec can load anything.
import workerSource from "virtual:code-worker";
import { expressionFunction } from "vega";
import { COMPACT_FORMAT, compactNumber } from "../charts/locale";
import { asRenderMessage, isRunCodeMessage, isStopCodeMessage, type SandboxMessage } from "./protocol";
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

let running: Worker | undefined;
let spare: Worker | undefined;
let workerUrl: string | undefined;

/** A code Worker that has run nothing yet. */
function freshWorker(): Worker {
  // A classic Worker from a blob: URL: it inherits this document's CSP (no network at all), and a
  // module Worker from blob: would fail in an opaque origin.
  workerUrl ??= URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
  const worker = new Worker(workerUrl);
  // The Worker speaks only over its run's port; anything it posts here is ignored.
  worker.onmessage = null;
  return worker;
}

/**
 * One Worker per run: the previous run's Worker ends (with whatever its code left running, timers
 * and captured ports included), and a fresh one gets this run's port. A spare is started ahead, so a
 * run does not wait for a Worker to load.
 */
function startRun(port: MessagePort): void {
  running?.terminate();
  running = spare ?? freshWorker();
  spare = freshWorker();
  running.postMessage(null, [port]);
}

window.addEventListener("message", (event) => {
  // Only the embedding shell may ask for a chart or a Worker.
  if (event.source !== window.parent) return;
  if (isRunCodeMessage(event.data)) {
    if (event.ports.length === 1) startRun(event.ports[0]);
    return;
  }
  if (isStopCodeMessage(event.data)) {
    running?.terminate();
    running = undefined;
    return;
  }
  const exportRequest = asExportRequest(event.data);
  if (exportRequest) {
    void chart.view().then((view) => answerExport(exportRequest, view));
    return;
  }
  const message = asRenderMessage(event.data);
  if (!message) return;
  // Vega's rows are built here, from the columns the shell transferred.
  const spec = message.rows ? { ...message.spec, data: { values: decodeRows(message.rows) } } : message.spec;
  void chart.render(message.id, spec, message.locale);
});

new ResizeObserver(chart.reportSize).observe(container);
post({ type: "clientbook:ready", token: document.body.dataset.token ?? "" });
