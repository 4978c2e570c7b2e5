// Runs the real duckdb-wasm (eh bundle, the same wasm the browser gets) in Node for the contract
// tests: its Node worker build behind a Worker-shaped shim over worker_threads.
import { AsyncDuckDB, VoidLogger } from "@duckdb/duckdb-wasm";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Engine } from "../../src/engine/engine";
import { engineOnDuckDB, type WasmEngineOptions } from "../../src/engine/wasm/core";

const dist = dirname(createRequire(import.meta.url).resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));

type Listener = (event: unknown) => void;

/** The subset of the Web Worker API AsyncDuckDB uses, over a worker_threads Worker. */
class NodeWorkerShim {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly worker: Worker;
  constructor(
    script: string,
    private readonly onRequest?: (type: string) => void,
    onAnswer?: () => void,
  ) {
    // The worker build talks through globalThis.onmessage/postMessage, as in a browser worker.
    const boot = `const { parentPort } = require("node:worker_threads");
      globalThis.postMessage = (m, t) => parentPort.postMessage(m, t);
      require(${JSON.stringify(script)});
      parentPort.on("message", (data) => globalThis.onmessage({ data }));`;
    this.worker = new Worker(boot, { eval: true, stderr: true, stdout: true });
    // Drained and dropped: the worker logs every failed query to stderr, which tests provoke on purpose.
    this.worker.stderr.resume();
    this.worker.stdout.resume();
    this.worker.on("message", (data) => {
      onAnswer?.();
      this.emit("message", { data });
    });
    this.worker.on("error", (error) => this.emit("error", error));
    this.worker.on("exit", () => this.emit("close", {}));
  }
  private emit(type: string, event: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  addEventListener(type: string, listener: Listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: Listener) {
    this.listeners.get(type)?.delete(listener);
  }
  postMessage(message: unknown, transfer?: Transferable[]) {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type === "string") this.onRequest?.(type);
    this.worker.postMessage(message, transfer as never);
  }
  terminate() {
    void this.worker.terminate();
  }
}

/**
 * Starts the wasm engine's shared core on real duckdb-wasm in Node (no browser File handles, `options` over the
 * defaults); `onRequest` hears the type of every request posted to DuckDB's worker (each one is a round trip),
 * `onAnswer` each message back.
 */
export async function wasmEngineInNode(
  onRequest?: (type: string) => void,
  onAnswer?: () => void,
  options?: Partial<WasmEngineOptions>,
): Promise<Engine> {
  const db = await duckdbWasmInNode(onRequest, onAnswer);
  // An unroutable repository: if anything tried to fetch an extension the test would fail, not leak.
  return engineOnDuckDB(db, {
    extensionRepository: "http://127.0.0.1:9/no-extensions",
    fileHandles: false,
    ...options,
  });
}

/** Instantiates the real duckdb-wasm (eh) in a worker thread, not yet opened (benches time its inserts raw). */
export async function duckdbWasmInNode(
  onRequest?: (type: string) => void,
  onAnswer?: () => void,
): Promise<AsyncDuckDB> {
  const worker = new NodeWorkerShim(join(dist, "duckdb-node-eh.worker.cjs"), onRequest, onAnswer);
  const db = new AsyncDuckDB(new VoidLogger(), worker as unknown as globalThis.Worker);
  await db.instantiate(join(dist, "duckdb-eh.wasm"), null);
  return db;
}
