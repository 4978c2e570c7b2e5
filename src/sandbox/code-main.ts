// The code sandbox frame's script (the runner's hidden frame, sandbox-runner.ts): starts a fresh code
// Worker for each ts cell run (see code-worker.ts). Charts are drawn by main.ts in their own frames, so
// this script carries no Vega, and the chart script carries no Worker: neither loads what it never runs.
import workerSource from "virtual:code-worker";
import { isRunCodeMessage, isStopCodeMessage, type SandboxMessage } from "./protocol";

function post(message: SandboxMessage): void {
  // The shell's origin is not knowable from an opaque origin; the message carries only a token.
  window.parent.postMessage(message, "*");
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
  // Only the embedding shell may ask for a Worker.
  if (event.source !== window.parent) return;
  if (isRunCodeMessage(event.data)) {
    if (event.ports.length === 1) startRun(event.ports[0]);
    return;
  }
  if (isStopCodeMessage(event.data)) {
    running?.terminate();
    running = undefined;
  }
});

post({ type: "clientbook:ready", token: document.body.dataset.token ?? "" });
