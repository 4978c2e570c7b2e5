// The CodeRunner for Node (CLI, tests): cells run in a worker thread (see worker.ts), one at a
// time; `sql` requests come back over messages and are answered by the session's host. Stopping,
// an abort or a time limit terminates the worker; the next run starts a fresh one.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { sessionMessages as m } from "../messages/session";
import { getLocale } from "../messages/locale";
import { acceptRows } from "../code/cell-result";
import { CodeError, type CodeHost, type CodeRequest, type CodeRunner } from "../code/runner";
import type { Value } from "../table/result";
import { contextSource } from "./context-source";
import type { FromWorker, ToWorker } from "./protocol";

/** Options of the Node code runner. */
export interface NodeRunnerOptions {
  /** A run taking longer than this is stopped (default 30 s; 0 for no limit). */
  readonly timeoutMs?: number;
}

/** The worker's entry: TypeScript sources are loaded through tsx's loader, built JavaScript directly. */
function workerSource(): string {
  const here = import.meta.url;
  if (here.endsWith(".js")) return `import(${JSON.stringify(new URL("./worker.js", here).href)});`;
  // The ESM entry of tsx's API (require.resolve would give its CommonJS one).
  const tsx = new URL("dist/esm/api/index.mjs", pathToFileURL(createRequire(here).resolve("tsx/package.json"))).href;
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(new URL("./worker.ts", here).href)}); });`;
}

interface Running {
  readonly id: number;
  readonly host: CodeHost;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly cleanup: () => void;
  /** Starts the time limit: once the worker is up, so its start-up does not count. */
  readonly startClock: () => void;
  /** Stops the time limit: the code has finished, and only its result is on the way. */
  readonly stopClock: () => void;
}

/** Creates a runner whose worker starts on the first run. */
export function nodeCodeRunner(options: NodeRunnerOptions = {}): CodeRunner {
  const timeoutMs = options.timeoutMs ?? 30_000;
  let worker: Worker | undefined;
  let workerReady = false;
  let running: Running | undefined;
  let runs = 0;
  let closed = false;

  function settle(id: number, outcome: { value: unknown } | { error: unknown }): void {
    if (running?.id !== id) return;
    const r = running;
    running = undefined;
    r.cleanup();
    if ("error" in outcome) r.reject(outcome.error);
    else r.resolve(outcome.value);
  }

  /** Ends the worker (and with it any code still running) and fails the current run with `error`. */
  function kill(error: CodeError): void {
    const w = worker;
    worker = undefined;
    workerReady = false;
    void w?.terminate();
    if (running) settle(running.id, { error });
  }

  function start(): Worker {
    // No environment, no inherited flags: the worker needs neither.
    // The context script is generated once per process (context-source.ts) and handed to each worker.
    const workerData = { contextSource: contextSource(), locale: getLocale() };
    const options = { eval: true, env: {}, execArgv: [], stdout: false, stderr: false, workerData };
    const w = new Worker(workerSource(), options);
    w.unref();
    w.on("message", (message: FromWorker) => {
      if (message.type === "ready") {
        if (worker === w) {
          workerReady = true;
          running?.startClock();
        }
        return;
      }
      if (running?.id !== message.id) return;
      const host = running.host;
      if (message.type === "ran") return running.stopClock();
      if (message.type === "log") host.log?.(message.text);
      else if (message.type === "done" && "rows" in message) {
        try {
          settle(message.id, { value: acceptRows(message.rows) });
        } catch (error) {
          settle(message.id, { error });
        }
      } else if (message.type === "done") settle(message.id, { value: message.value });
      else if (message.type === "failed") {
        const text = message.message.startsWith("DataCloneError: ")
          ? m.notCloneable(message.message.slice(16))
          : message.message;
        settle(message.id, { error: new CodeError(text, message.line, message.column) });
      } else if (message.type === "sql") {
        const reply = (answer: Omit<Extract<ToWorker, { type: "sql-result" }>, "type" | "id" | "query">) => {
          if (worker === w && running?.id === message.id)
            w.postMessage({ type: "sql-result", id: message.id, query: message.query, ...answer } satisfies ToWorker);
        };
        host.sql(message.text, message.params as Value[]).then(
          (table) => reply({ table }),
          (e: unknown) => reply({ error: e instanceof Error ? e.message : String(e) }),
        );
      }
    });
    w.on("error", (e) => {
      if (worker === w) kill(new CodeError(m.codeCrashed(e.message)));
    });
    w.on("exit", (code) => {
      if (worker === w) kill(new CodeError(m.codeCrashed(`exit code ${code}`)));
    });
    return w;
  }

  return {
    run(request: CodeRequest, host: CodeHost, signal: AbortSignal): Promise<unknown> {
      if (closed) return Promise.reject(new CodeError(m.runnerClosed()));
      if (signal.aborted) return Promise.reject(signal.reason);
      // One run at a time: a run still going is superseded (its code ended with the worker).
      if (running) kill(new CodeError(m.codeStopped()));
      const w = (worker ??= start());
      const id = ++runs;
      return new Promise((resolve, reject) => {
        const onAbort = () => kill(new CodeError(m.codeStopped()));
        let timer: ReturnType<typeof setTimeout> | undefined;
        signal.addEventListener("abort", onAbort, { once: true });
        running = {
          id,
          host,
          resolve,
          reject,
          cleanup: () => {
            if (timer) clearTimeout(timer);
            signal.removeEventListener("abort", onAbort);
          },
          stopClock: () => {
            if (timer) clearTimeout(timer);
            timer = undefined;
          },
          startClock: () => {
            if (timeoutMs > 0 && !timer)
              timer = setTimeout(() => kill(new CodeError(m.codeTimeout(timeoutMs))), timeoutMs);
          },
        };
        if (workerReady) running.startClock();
        w.postMessage({ type: "run", id, request } satisfies ToWorker);
      });
    },
    stop() {
      kill(new CodeError(m.codeStopped()));
    },
    close() {
      closed = true;
      kill(new CodeError(m.runnerClosed()));
    },
  };
}
