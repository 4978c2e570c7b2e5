// The code Worker: a classic `blob:` Worker inside the notebook sandbox that runs transpiled cell
// code, each cell as a `blob:` script of its own (cell-script.ts: no eval). It reaches the shell only
// through the MessagePort it is handed first; the network APIs are removed before any cell runs (the
// inherited CSP refuses them anyway).
import type { CodeHost, CodeRequest, WireTable } from "../code/runner";
import { cellResult } from "../code/cell-result";
import { executeCode } from "../code/execute";
import { CodeError } from "../code/runner";
import { codeMessages as cm } from "../messages/code";
import { addCatalogues, setLocale } from "../messages/locale";
import { codeZh } from "../messages/zh-CN/code";
import * as models from "../recipes/models/index";
import { asShellMessage, type FromWorker, type RunMessage } from "./code-protocol";
import { scriptCompiler } from "./cell-script";

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
// Only the Chinese texts this Worker says (the models carry their own): not the app's whole catalogue.
addCatalogues("zh-CN", { codeMessages: codeZh });
// Kept here, out of every cell's reach, before importScripts leaves the global scope below.
const compile = scriptCompiler(scope.importScripts.bind(scope));

// Defence in depth: the ways out a Worker has, gone from its global scope (and their prototypes'
// owners), so a cell gets a TypeError rather than a CSP refusal.
const BANNED = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebTransport",
  "EventSource",
  "importScripts",
  "Worker",
  "SharedWorker",
  "indexedDB",
  "caches",
  "BroadcastChannel",
  "open",
];
for (let target: object | null = scope; target && target !== Object.prototype; target = Object.getPrototypeOf(target)) {
  for (const name of BANNED) {
    if (Object.prototype.hasOwnProperty.call(target, name)) {
      try {
        delete (target as Record<string, unknown>)[name];
      } catch {
        // A non-configurable property stays; the CSP still refuses it.
      }
    }
  }
}

let port: MessagePort | undefined;
const pending = new Map<number, { resolve: (t: WireTable) => void; reject: (e: Error) => void }>();
let nextSql = 1;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  try {
    port?.postMessage(message, transfer);
  } catch (error) {
    // The value cannot be structured-cloned (a function, a class instance with private state...).
    if (message.type !== "done") return;
    post({ type: "error", run: message.run, message: cm.notCloneable((error as Error).message) });
  }
}

async function run(message: RunMessage): Promise<void> {
  setLocale(message.locale === "zh-CN" ? "zh-CN" : "en");
  const request: CodeRequest = { cell: message.cell, js: message.js, inputs: message.inputs, tables: message.tables };
  const host: CodeHost = {
    sql: (text, params) =>
      new Promise<WireTable>((resolve, reject) => {
        const id = nextSql++;
        pending.set(id, { resolve, reject });
        post({ type: "sql", run: message.run, id, text, params: [...params] });
      }),
    log: (text) => post({ type: "log", run: message.run, text }),
  };
  try {
    const value = await executeCode(request, host, models as unknown as Record<string, unknown>, compile);
    // Rows become one Arrow buffer here, off the page's main thread, and are transferred, not copied.
    const result = cellResult(value, message.rows === true);
    if ("rows" in result) {
      post({ type: "done", run: message.run, rows: result.rows }, [result.rows.ipc.buffer as ArrayBuffer]);
    } else post({ type: "done", run: message.run, value: result.value });
  } catch (error) {
    const e = error instanceof CodeError ? error : new CodeError(String(error));
    post({
      type: "error",
      run: message.run,
      message: e.message,
      ...(e.line ? { line: e.line } : {}),
      ...(e.column ? { column: e.column } : {}),
    });
  }
}

function onShellMessage(event: MessageEvent): void {
  const message = asShellMessage(event.data);
  if (!message) return;
  if (message.type === "run") {
    void run(message);
    return;
  }
  const waiting = pending.get(message.id);
  if (!waiting) return;
  pending.delete(message.id);
  if (message.type === "sql-result") waiting.resolve(message.table);
  else waiting.reject(new Error(message.message));
}

// The first message carries the port; after that the Worker listens only there.
scope.onmessage = (event: MessageEvent) => {
  if (port || event.ports.length !== 1) return;
  port = event.ports[0];
  port.onmessage = onShellMessage;
  scope.onmessage = null;
};
