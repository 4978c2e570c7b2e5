// The Node code runner's worker thread: runs each cell in one fresh node:vm context holding only
// JavaScript's built-ins (no require, process, fetch, timers, import()), with eval disabled inside.
// The cell reaches out only through two prototype-less functions that take and return text.
import vm from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import * as models from "../recipes/models/index";
import type { CellResult } from "../code/cell-result";
import { CODE_PARAMETER, CodeError } from "../code/runner";
import { toCodeError } from "../code/code-error";
import type { ContextApi } from "./context-boot";
import { CELL_FILE, type FromWorker, type ToWorker } from "./protocol";
import { useLocale } from "../messages/load-locale";
import type { Locale } from "../messages/locale";

const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
let current = 0;
let nextQuery = 0;
/** Whether the current run wants rows back as a table (see CodeRequest.rows). */
let asRows = false;

const library = new Map(
  Object.entries(models).filter(([, v]) => typeof v === "function") as [string, (...args: unknown[]) => unknown][],
);

/** Never throws and returns only text or numbers: an error object of this realm would hand the cell our Function constructor. */
const post = (text: string): number => {
  try {
    const message = JSON.parse(String(text)) as { type?: string; text?: unknown; params?: unknown };
    if (message.type === "sql" && Array.isArray(message.params)) {
      const query = ++nextQuery;
      send({ type: "sql", id: current, query, text: String(message.text), params: message.params });
      return query;
    }
    if (message.type === "log") send({ type: "log", id: current, text: String(message.text) });
  } catch {
    // A malformed request is ignored; the cell's promise stays pending until it is stopped.
  }
  return 0;
};

const call = (name: string, json: string): string => {
  try {
    const fn = library.get(String(name));
    if (!fn) return JSON.stringify({ error: `lib.${String(name)} is not a function` });
    return JSON.stringify({ value: fn(...(JSON.parse(String(json)) as unknown[])) ?? null });
  } catch (e) {
    try {
      return JSON.stringify({ error: String((e as Error)?.message ?? e) });
    } catch {
      return '{"error":"the library call failed"}';
    }
  }
};

// Loaded with the first result, not at start-up: it brings Arrow, which a worker stopped early never needs.
let results: Promise<typeof import("../code/cell-result")> | undefined;

const fail = (id: number, error: unknown): void => {
  try {
    const err = toCodeError(error, CELL_FILE);
    send({ type: "failed", id, message: err.message, ...(err.line ? { line: err.line, column: err.column } : {}) });
  } catch {
    send({ type: "failed", id, message: "the cell failed" });
  }
};

/** Sends the cell's value (rows as Arrow bytes when the run asked for a table), or why it cannot leave. */
const deliver = (
  id: number,
  cellResult: (v: unknown, rows: boolean) => CellResult,
  value: unknown,
  rows: boolean,
): void => {
  let result: CellResult;
  try {
    result = cellResult(value, rows);
  } catch (e) {
    return send({
      type: "failed",
      id,
      message: e instanceof CodeError ? e.message : String((e as Error)?.message ?? e),
    });
  }
  if ("rows" in result)
    port.postMessage({ type: "done", id, rows: result.rows } satisfies FromWorker, [
      result.rows.ipc.buffer as ArrayBuffer,
    ]);
  else send({ type: "done", id, value: result.value });
};

const finished = (id: number, ok: boolean, value: unknown): void => {
  send({ type: "ran", id });
  if (!ok) return fail(id, value);
  let copy: unknown;
  try {
    // A clone at once: the context's objects have their own prototypes, and later code must not change the value.
    copy = structuredClone(value);
  } catch (e) {
    return send({ type: "failed", id, message: `DataCloneError: ${String((e as Error)?.message ?? e)}` });
  }
  const rows = asRows;
  (results ??= import("../code/cell-result")).then(
    (r) => deliver(id, r.cellResult, copy, rows),
    (e: unknown) => send({ type: "failed", id, message: String((e as Error)?.message ?? e) }),
  );
};
for (const fn of [post, call, finished]) Object.setPrototypeOf(fn, null);

type Runner = (fn: unknown, scope: unknown, done: typeof finished, id: number) => void;

/** A fresh context for each run, so nothing one cell leaves in its globals reaches the next (as in the browser). */
function newContext(): { context: vm.Context; api: ContextApi; runner: Runner } {
  const context = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false } });
  // Before any cell code: freeze what our own promise handling goes through.
  vm.runInContext("Object.freeze(Promise.prototype); Object.freeze(Promise);", context);
  const boot = vm.runInContext((workerData as { contextSource: string }).contextSource, context) as (
    p: typeof post,
    c: typeof call,
    names: string,
  ) => ContextApi;
  const api = boot(post, call, libNames);
  const runner = vm.runInContext(
    "(fn, scope, done, id) => { Promise.resolve().then(() => fn(scope)).then((v) => done(id, true, v), (e) => done(id, false, e)); }",
    context,
  ) as Runner;
  return { context, api, runner };
}

const libNames = JSON.stringify([...library.keys()]);
let run = newContext();
let used = false;

// What the worker says (a refused value, a model's warning) is in the runner's language: its catalogues load
// first (a run sent meanwhile waits on the port, which delivers nothing until it is listened to).
await useLocale((workerData as { locale?: Locale }).locale ?? "en");

port.on("message", (message: ToWorker) => {
  if (message.type === "sql-result") {
    run.api.deliver(
      message.query,
      JSON.stringify(message.error !== undefined ? { error: message.error } : { value: message.table }),
    );
    return;
  }
  current = message.id;
  asRows = message.request.rows === true;
  // The first run uses the context made at start-up; every later one gets a new one.
  if (used) run = newContext();
  used = true;
  let fn: unknown;
  try {
    // lineOffset -1: the wrapper's first line is line 0, so stack lines are lines of `js`.
    fn = new vm.Script(`(async function (${CODE_PARAMETER}) {\n${message.request.js}\n})`, {
      filename: CELL_FILE,
      lineOffset: -1,
    }).runInContext(run.context);
  } catch (e) {
    return finished(message.id, false, e);
  }
  const { inputs, tables } = message.request;
  run.runner(fn, run.api.scope(JSON.stringify({ inputs, tables })), finished, message.id);
});
send({ type: "ready" });
