// Records every round trip between the page and DuckDB's worker, stamped on both sides (issue 15): for benches
// that split a run's time between DuckDB computing in its worker and everything else. An init script, not app code.

/** One DuckDB worker round trip (request posted -> its response), page clock, with the start of its SQL if any. */
export interface RoundTrip {
  readonly type: string;
  readonly sql?: string;
  readonly from: number;
  readonly to: number;
  /** When DuckDB's worker began it and posted its answer (its own clock). */
  readonly begun?: number;
  readonly answered?: number;
}

// Loaded first in each DuckDB worker: stamps when a request's handler starts and when its answer is posted
// (the worker's own clock, same origin of time), carried back on the answer as \`__worker\`.
const IN_WORKER = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  let started;
  const post = self.postMessage.bind(self);
  self.postMessage = (message, ...rest) => {
    if (message && typeof message.requestId === "number") message.__worker = [started, now()];
    return post(message, ...rest);
  };
  // Registered before the worker's own handler, so it runs first for each request.
  self.addEventListener("message", () => (started = now()));
})();`;

/**
 * Records every round trip to the DuckDB worker (its requests carry messageId, its answers requestId), with
 * when the worker began the request and posted its answer (a script loaded ahead of the worker's own).
 */
export const WORKER_TRIPS = `(() => {
  if (window.top !== window) return;
  const now = () => performance.timeOrigin + performance.now();
  const Base = window.Worker;
  const prelude = URL.createObjectURL(new Blob([${JSON.stringify(IN_WORKER)}], { type: "text/javascript" }));
  window.__trips = [];
  window.Worker = class extends Base {
    constructor(url, options) {
      // Classic workers only (DuckDB's): a module worker cannot importScripts.
      const wrapped = options?.type === "module" ? url :
        URL.createObjectURL(new Blob(["importScripts(" + JSON.stringify(prelude) + ", " + JSON.stringify(String(url)) + ");"], { type: "text/javascript" }));
      super(wrapped, options);
      const open = new Map();
      const post = this.postMessage.bind(this);
      this.postMessage = (message, ...rest) => {
        if (message && typeof message.messageId === "number") {
          const text = Array.isArray(message.data) ? message.data.find((d) => typeof d === "string") : undefined;
          const sql = text === undefined ? undefined : text.replace(/\\s+/g, " ").slice(0, 48);
          open.set(message.messageId, [message.type, now(), sql]);
        }
        return post(message, ...rest);
      };
      this.addEventListener("message", (e) => {
        const sent = e.data && open.get(e.data.requestId);
        if (!sent) return;
        open.delete(e.data.requestId);
        const [begun, answered] = e.data.__worker ?? [];
        window.__trips.push({ type: sent[0], from: sent[1], to: now(), sql: sent[2], begun, answered });
      });
    }
  };
})()`;

/** How long the worker was busy with round trips inside [from, to] (their union), and how many there were. */
export function workerTime(trips: readonly RoundTrip[], from: number, to: number): { ms: number; count: number } {
  const inside = trips.filter((t) => t.to > from && t.from < to).sort((a, b) => a.from - b.from);
  let ms = 0;
  let end = -Infinity;
  for (const t of inside) {
    const start = Math.max(t.from, end, from);
    const stop = Math.min(t.to, to);
    if (stop > start) ms += stop - start;
    end = Math.max(end, t.to);
  }
  return { ms, count: inside.length };
}
