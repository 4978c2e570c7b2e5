// The reactive scheduler, after the Observable runtime: cells run one at a time in dependency order,
// each run carries a version so a superseded result is dropped, and observers hear each cell's change.
// It knows nothing of what a cell computes: the owner's `evaluate` does that.
import { sessionMessages } from "../messages/session";
import type { RunError, RunEvent, RunEventStatus, RunOptions, RunState, Runtime, RuntimeCell } from "./types";
import type { RuntimeGraph, RuntimeOptions } from "./types";

const IDLE: RunState = Object.freeze({ status: "idle", stale: false });
const EMPTY_GRAPH: RuntimeGraph = {
  order: [],
  errors: new Map(),
  upstream: () => [],
  ancestors: () => [],
  descendants: () => [],
};

/** Creates a runtime that computes cells with `options.evaluate`. */
export function createRuntime<C extends RuntimeCell>(options: RuntimeOptions<C>): Runtime<C> {
  const printOf = options.fingerprint ?? ((cell: C) => JSON.stringify(cell));
  // Cells are replaced, not mutated, on edits: an unchanged cell keeps its fingerprint without re-hashing.
  const printCache = new WeakMap<C, string>();
  const fingerprint = (cell: C) => {
    let print = printCache.get(cell);
    if (print === undefined) printCache.set(cell, (print = printOf(cell)));
    return print;
  };
  let cells = new Map<string, C>();
  let graph = EMPTY_GRAPH;
  let prints = new Map<string, string>();
  const states = new Map<string, RunState>();
  // Cells whose state reflects their current definition and current inputs.
  const fresh = new Set<string>();
  // Bumped whenever a cell's in-flight run is superseded; a run whose version moved on is dropped.
  const versions = new Map<string, number>();
  const pending = new Set<string>();
  // Cells showing a compile or graph error rather than a run result.
  const staticErrored = new Set<string>();
  const waiters: { ids: Set<string>; resolve: () => void }[] = [];
  const listeners = new Set<(event: RunEvent) => void>();
  // Cells whose state changed since observers were last told, in the order they changed.
  const touched = new Set<string>();
  // runAll's `first` cells and their ancestors: they leave the queue before the others.
  let priority = new Set<string>();
  let running: { id: string; controller: AbortController } | undefined;
  let pumping = false;
  let inFlight: string | undefined;
  // Set by cancel(): the cell in flight is not queued again when it stops.
  let dropInFlight = false;

  const notify = () => {
    const ids = [...touched].filter((id) => cells.has(id));
    touched.clear();
    for (const id of ids) {
      const event: RunEvent = Object.freeze({ id, status: eventStatus(stateOf(id)), state: stateOf(id) });
      for (const listener of [...listeners]) listener(event);
    }
  };
  const setState = (id: string, state: RunState) => {
    states.set(id, Object.freeze(state));
    touched.add(id);
  };
  const stateOf = (id: string) => states.get(id) ?? IDLE;
  const nameOf = (id: string) => cells.get(id)?.name ?? id;
  const staticError = (id: string) => cells.get(id)?.error ?? graph.errors.get(id);

  /** Marks cells out of date: their outputs stay, flagged stale; a running one is superseded. */
  function unfresh(ids: Iterable<string>): void {
    for (const id of ids) {
      fresh.delete(id);
      const state = stateOf(id);
      if (state.status !== "idle" && state.status !== "running" && !staticError(id))
        setState(id, { ...state, stale: true });
      if (running?.id === id) supersede();
    }
  }

  /** Aborts the running cell; the pump sees the version change, drops the result and restores its previous state. */
  function supersede(): void {
    if (!running) return;
    versions.set(running.id, (versions.get(running.id) ?? 0) + 1);
    running.controller.abort();
  }

  function settle(): void {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if ([...waiters[i].ids].every((id) => !pending.has(id) && id !== inFlight)) waiters.splice(i, 1)[0].resolve();
    }
  }

  /** Queues `ids` (those `queued` picks, by default); resolves once none of them is queued or running. */
  function schedule(ids: Iterable<string>, queued?: (id: string) => boolean): Promise<void> {
    const runnable = new Set(graph.order);
    const set = new Set([...ids].filter((id) => runnable.has(id)));
    // The cell in flight is not queued twice (if it was superseded, the pump queues it again itself),
    // unless an ancestor of it is queued too: that ancestor's new value would leave it out of date.
    const queue = queued ?? ((id: string) => id !== inFlight || graph.ancestors(id).some((a) => set.has(a)));
    for (const id of set) if (queue(id)) pending.add(id);
    const done = new Promise<void>((resolve) => waiters.push({ ids: set, resolve }));
    settle();
    void pump();
    return done;
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (let id = next(); id !== undefined; id = next()) {
        const version = versions.get(id) ?? 0;
        // Off the queue while it runs, so a request made meanwhile (a newer input) queues it again.
        pending.delete(id);
        inFlight = id;
        await execute(id, version);
        inFlight = undefined;
        // A superseded cell runs again with its new definition.
        if ((versions.get(id) ?? 0) !== version && !dropInFlight && graph.order.includes(id)) pending.add(id);
        dropInFlight = false;
        settle();
      }
    } finally {
      pumping = false;
    }
  }

  // Always the earliest queued cell in dependency order, so ancestors finish before descendants; an
  // ancestor that is out of date (e.g. an input changed while this cell was queued) is queued first.
  const next = (): string | undefined => {
    const id = graph.order.find((i) => pending.has(i) && priority.has(i)) ?? graph.order.find((i) => pending.has(i));
    if (id === undefined) return undefined;
    const outdated = graph.ancestors(id).filter((a) => !fresh.has(a) && graph.order.includes(a));
    if (!outdated.length) return id;
    for (const a of outdated) pending.add(a);
    return graph.order.find((i) => pending.has(i));
  };

  async function execute(id: string, version: number): Promise<void> {
    const cell = cells.get(id);
    if (!cell) return;
    const error = staticError(id);
    if (error) return finish(id, { status: "error", stale: false, error });
    const inputs = new Map<string, unknown>();
    for (const up of graph.upstream(id)) {
      const upstream = stateOf(up);
      if (upstream.status === "error")
        return finish(id, {
          status: "error",
          stale: false,
          error: { message: sessionMessages.dependencyFailed(nameOf(up)) },
        });
      if (upstream.status !== "done")
        return finish(id, {
          status: "error",
          stale: false,
          error: { message: sessionMessages.dependencyNotRun(nameOf(up)) },
        });
      inputs.set(nameOf(up), upstream.value);
    }
    const controller = new AbortController();
    const previous = stateOf(id);
    running = { id, controller };
    setState(id, { ...previous, status: "running" });
    notify();
    const started = performance.now();
    let outcome: RunState;
    try {
      const value = await abortable(options.evaluate(cell, inputs, controller.signal), controller.signal);
      outcome = { status: "done", stale: false, value, elapsedMs: performance.now() - started };
    } catch (err) {
      outcome = { status: "error", stale: false, error: toRunError(err), elapsedMs: performance.now() - started };
    }
    if (running?.controller === controller) running = undefined;
    if ((versions.get(id) ?? 0) !== version || controller.signal.aborted) {
      // Superseded: the newer run is what the user sees. Stopped: the earlier result stays, and the
      // cell says it was stopped (it is no longer fresh, so it runs again when asked).
      if (cells.has(id) && stateOf(id).status === "running") {
        const stale = previous.status !== "idle" && !fresh.has(id);
        if (dropInFlight) fresh.delete(id);
        setState(id, { ...previous, stale, ...(dropInFlight ? { status: "stopped" } : {}) });
      }
      notify();
      return;
    }
    finish(id, outcome);
  }

  function finish(id: string, state: RunState): void {
    setState(id, state);
    fresh.add(id);
    // Everything downstream was computed from the old value.
    unfresh(graph.descendants(id));
    notify();
  }

  return {
    define(nextCells, nextGraph) {
      const previousCells = cells;
      const previousGraph = graph;
      cells = new Map(nextCells.map((c) => [c.id, c]));
      graph = nextGraph;
      const nextPrints = new Map<string, string>();
      const changed: string[] = [];
      for (const cell of nextCells) {
        const print = `${fingerprint(cell)}|${JSON.stringify(graph.errors.get(cell.id) ?? null)}|${graph.upstream(cell.id).join(",")}`;
        nextPrints.set(cell.id, print);
        if (prints.get(cell.id) !== print) changed.push(cell.id);
      }
      prints = nextPrints;
      for (const id of [...states.keys()]) {
        if (!cells.has(id)) {
          states.delete(id);
          fresh.delete(id);
        }
      }
      for (const id of [...pending]) if (!graph.order.includes(id)) pending.delete(id);
      if (running && !cells.has(running.id)) supersede();
      const affected = new Set<string>();
      for (const id of changed) {
        affected.add(id);
        for (const d of graph.descendants(id)) affected.add(d);
        // Cells downstream in the old graph lose an input too (e.g. a renamed or deleted name).
        if (previousCells.has(id)) for (const d of previousGraph.descendants(id)) if (cells.has(d)) affected.add(d);
      }
      unfresh(affected);
      for (const id of cells.keys()) {
        const error = staticError(id);
        if (error) {
          setState(id, { status: "error", stale: false, error });
          staticErrored.add(id);
        } else if (staticErrored.delete(id)) setState(id, IDLE);
      }
      for (const id of [...staticErrored]) if (!cells.has(id)) staticErrored.delete(id);
      settle();
      notify();
      void pump();
    },
    run(id, runOptions: RunOptions = {}) {
      const targets = new Set([id, ...(runOptions.descendants === false ? [] : graph.descendants(id))]);
      // Every target's inputs must be current: add ancestors that are out of date or failed (worth a retry).
      const inputs = new Set<string>();
      for (const target of targets) {
        for (const a of graph.ancestors(target))
          if (!targets.has(a) && (!fresh.has(a) || stateOf(a).status === "error")) inputs.add(a);
      }
      const ids = [...targets, ...inputs];
      if (!runOptions.outdated) return schedule(ids);
      // Out of date only: a fresh cell is current, and so is the one in flight (whatever makes it out of date
      // supersedes it, and the pump queues it again). A failed input is retried all the same.
      return schedule(ids, (x) => x !== inFlight && (!fresh.has(x) || inputs.has(x)));
    },
    runAll(runOptions = {}) {
      const first = (runOptions.first ?? []).filter((id) => cells.has(id));
      priority = new Set(first.flatMap((id) => [id, ...graph.ancestors(id)]));
      return schedule(runOptions.only ?? graph.order);
    },
    invalidate(ids) {
      const all = ids ?? [...cells.keys()];
      unfresh(new Set([...all, ...all.flatMap((id) => graph.descendants(id))]));
      notify();
    },
    cancel() {
      pending.clear();
      if (inFlight !== undefined) dropInFlight = true;
      supersede();
      settle();
      notify();
    },
    state: stateOf,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Settles with the promise, or rejects as soon as the signal aborts (the promise is then ignored). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Turns whatever `evaluate` threw into a RunError, keeping a position when it has one. */
export function toRunError(err: unknown): RunError {
  if (typeof err === "object" && err !== null && typeof (err as { message?: unknown }).message === "string") {
    const { message, line, column } = err as { message: string; line?: unknown; column?: unknown };
    return {
      message,
      ...(typeof line === "number" ? { line } : {}),
      ...(typeof column === "number" ? { column } : {}),
    };
  }
  return { message: String(err) };
}

/** The observer's word for a run state. */
function eventStatus(state: RunState): RunEventStatus {
  if (state.status === "running") return "pending";
  if (state.status === "idle" || state.status === "stopped") return state.status;
  if (state.stale) return "stale";
  return state.status === "done" ? "fulfilled" : "rejected";
}
