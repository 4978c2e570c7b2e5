// The notebook sandbox: runs inside <iframe sandbox="allow-scripts" srcdoc> (frame-document.ts) with an
// opaque origin and `connect-src 'none'`. It draws Vega-Lite specs sent by the shell and reports back the
// height to give the frame, and starts a fresh code Worker for each ts cell run (see code-worker.ts).
// Vega is never put on `window`, and no spec can load anything.
import embed, { type Result } from "vega-embed";
import { expressionInterpreter } from "vega-interpreter";
import workerSource from "virtual:code-worker";
import { chartTheme, fitToCell } from "../charts/theme";
import { asRenderMessage, isRunCodeMessage, isStopCodeMessage, type SandboxMessage } from "./protocol";
import { asExportRequest } from "./export";
import { answerExport } from "./export-view";
import { watchSelections, withKeptSelections } from "./selection";

const refuse = (uri: string) => Promise.reject(new Error(`Loading "${uri}" is not allowed in a notebook chart.`));

/** A Vega loader that refuses every URL: chart data arrives inline, never from the network. */
const noLoader = {
  load: refuse,
  sanitize: refuse,
  http: refuse,
  file: refuse,
};

const container = document.getElementById("chart") as HTMLDivElement;
let current: Result | undefined;
let currentId = -1;
// The latest render: an export waits for it, so it gets the chart the shell last sent.
let drawing: Promise<void> = Promise.resolve();

function post(message: SandboxMessage): void {
  // The shell's origin is not knowable from an opaque origin; the message carries only a size or an error.
  window.parent.postMessage(message, "*");
}

function reportSize(): void {
  if (currentId < 0) return;
  // The container's own height: the document's scroll height never drops below the frame's height.
  post({ type: "clientbook:size", id: currentId, height: Math.ceil(container.getBoundingClientRect().height) });
}

async function render(id: number, spec: Record<string, unknown>): Promise<void> {
  currentId = id;
  current?.finalize();
  current = undefined;
  container.replaceChildren();
  // usermeta.embedOptions would override the options below (actions, editor URL): drop it.
  const clean = withKeptSelections({ ...spec });
  delete clean.usermeta;
  try {
    const result = await embed(container, fitToCell(clean) as Parameters<typeof embed>[1], {
      mode: "vega-lite",
      ast: true,
      expr: expressionInterpreter,
      loader: noLoader as never,
      actions: false,
      renderer: "svg",
      tooltip: true,
      config: chartTheme as never,
    });
    if (id !== currentId) {
      result.finalize();
      return;
    }
    current = result;
    reportSize();
    watchSelections(result.view, id, clean, post);
  } catch (error) {
    if (id !== currentId) return;
    const message = error instanceof Error ? error.message : String(error);
    const p = document.createElement("p");
    p.className = "error";
    p.textContent = message;
    container.replaceChildren(p);
    post({ type: "clientbook:error", id, message });
    reportSize();
  }
}

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
    void drawing.then(() => answerExport(exportRequest, current?.view));
    return;
  }
  const message = asRenderMessage(event.data);
  if (message) drawing = render(message.id, message.spec);
});

new ResizeObserver(reportSize).observe(container);
post({ type: "clientbook:ready", token: document.body.dataset.token ?? "" });
