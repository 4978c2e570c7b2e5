// Runs INSIDE the Node worker's bare node:vm context (as text made by context-source.ts): builds each
// cell's scope with code/scope.ts from JSON text, entirely out of the context's own objects, so no
// object of the worker's realm (whose Function constructor would reach `process`) is in the cell's hands.
import type { CodeHost, CodeRequest, WireTable } from "../code/runner";
import { codeScope, logText } from "../code/scope";

/** Sends a request (JSON text: sql or log) out of the context and returns its id; never throws. */
type Post = (json: string) => number;
/** Calls a recipe library function by name with JSON arguments; returns `{ value }` or `{ error }` as JSON. */
type Call = (name: string, json: string) => string;

/** What the worker holds of the context: scopes for cells, and the answers to their sql requests. */
export interface ContextApi {
  scope(json: string): unknown;
  deliver(id: number, json: string): void;
}

/** Sets up the context (console, lib) around the prototype-less `post` and `call` the worker hands in. */
export function bootContext(post: Post, call: Call, libNames: string): ContextApi {
  const waiting = new Map<number, { resolve: (t: WireTable) => void; reject: (e: Error) => void }>();
  const lib = Object.create(null) as Record<string, (...args: unknown[]) => unknown>;
  for (const name of JSON.parse(libNames) as string[]) {
    lib[name] = (...args) => {
      const out = JSON.parse(call(name, JSON.stringify(args))) as { value?: unknown; error?: string };
      if (out.error !== undefined) throw new Error(out.error);
      return out.value;
    };
  }
  Object.freeze(lib);
  const host: CodeHost = {
    sql: (text, params) =>
      new Promise((resolve, reject) => {
        const id = post(JSON.stringify({ type: "sql", text, params }));
        waiting.set(id, { resolve, reject });
      }),
    log: (text) => void post(JSON.stringify({ type: "log", text })),
  };
  const logLine = (...args: unknown[]) => host.log?.(logText(args));
  (globalThis as { console?: unknown }).console = Object.freeze({
    log: logLine,
    info: logLine,
    warn: logLine,
    error: logLine,
  });
  return {
    scope(json) {
      const { inputs, tables } = JSON.parse(json) as Pick<CodeRequest, "inputs" | "tables">;
      return codeScope({ cell: "", js: "", inputs, tables }, host, lib);
    },
    deliver(id, json) {
      const w = waiting.get(id);
      if (!w) return;
      waiting.delete(id);
      const out = JSON.parse(json) as { value?: WireTable; error?: string };
      if (out.error !== undefined) w.reject(new Error(out.error));
      else w.resolve(out.value!);
    },
  };
}
