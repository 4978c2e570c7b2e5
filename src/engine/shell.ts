// What both engines share around their DuckDB connection: one queue (a connection runs one statement
// at a time), the cancel flag (so the interrupted statement's error reads as "cancelled"), the closed
// check and the mapping of library errors to EngineErrors. Each engine brings how to execute SQL.
import { engineClosed, queryCancelled } from "../messages/engine";
import type { ResultTable, Value } from "../table/result";
import { EngineError, type Engine, type QueryOptions } from "./engine";
import { toEngineError } from "./errors";
import { profileTables } from "./profile";
import { serialize } from "./serialize";

/** Runs one SQL statement now (inside a queued task). */
export type Run = (sql: string, params?: readonly Value[], options?: QueryOptions) => Promise<ResultTable>;

/** The shared shell of an engine. */
export interface EngineShell extends Pick<Engine, "query" | "listTables"> {
  /** Runs a statement: refused once closed; a library error becomes an EngineError (or "cancelled"). */
  readonly run: Run;
  /**
   * Runs `task`, for the run of `signal`, after everything queued before it. When `signal` has aborted by the
   * task's turn, the task is skipped (rejects with the signal's reason).
   */
  next<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Runs `task` after everything queued before it (a task of no run: only a cancel of every run stops it). */
  queue<T>(task: () => Promise<T>): Promise<T>;
  /**
   * Runs `task` at the lowest priority: only when nothing is queued or running and nothing has been for `quietMs`
   * (default 0), and any work queued while it runs calls `interrupt` (once) and goes next. Resolves true when
   * `task` ran to its end, false when it was skipped, interrupted or failed.
   */
  idle(task: () => Promise<unknown>, interrupt: () => void, quietMs?: number): Promise<boolean>;
  /**
   * Marks the running task as cancelled when it is `signal`'s (any running task without `signal`); true when
   * it did, and the engine then interrupts it. Another run's task, or nothing running, is left alone.
   */
  cancelled(signal?: AbortSignal): boolean;
  /** Refuses every later statement. */
  close(): void;
  readonly closed: boolean;
}

/**
 * A shell over `exec`. `isInterrupt` tells an error caused by the interrupt from another error thrown
 * after a cancel (default: every error after a cancel is the cancel's).
 */
export function engineShell(
  exec: (sql: string, params: readonly Value[], options: QueryOptions) => Promise<ResultTable>,
  isInterrupt: (error: unknown) => boolean = () => true,
): EngineShell {
  const serial = serialize();
  let closed = false;
  let cancelled = false;
  // The task running now, with the signal of the run it belongs to: a cancel applies to that run's task only.
  let running: { readonly signal?: AbortSignal } | undefined;
  // Tasks queued or running; the idle task's interrupt while it holds the connection.
  let busy = 0;
  let yieldTo: (() => void) | undefined;
  // When the last task was queued or ended: an interaction's queries come in bursts with short gaps between them,
  // and an idle task started in such a gap would hold the connection when the next one comes.
  let lastWork = -Infinity;
  const queue = <T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    // Posted now, before this task can start: the idle task's statement is the one it stops.
    yieldTo?.();
    busy++;
    lastWork = performance.now();
    return serial(async () => {
      running = { signal };
      cancelled = false;
      try {
        return await task();
      } finally {
        // The cancel was this task's: work queued after it starts afresh.
        running = undefined;
        cancelled = false;
      }
    }).finally(() => {
      busy--;
      lastWork = performance.now();
    });
  };
  const idle = async (task: () => Promise<unknown>, interrupt: () => void, quietMs = 0): Promise<boolean> => {
    if (busy || closed || performance.now() - lastWork < quietMs) return false;
    let interrupted = false;
    busy++;
    yieldTo = () => {
      yieldTo = undefined;
      interrupted = true;
      interrupt();
    };
    try {
      await serial(async () => {
        try {
          if (!interrupted) await task();
        } finally {
          // Cleared before the next task starts: its statements are never interrupted for this one.
          yieldTo = undefined;
        }
      });
      return !interrupted;
    } catch {
      return false;
    } finally {
      busy--;
    }
  };
  const run: Run = async (sql, params = [], options = {}) => {
    if (closed) throw new EngineError(engineClosed());
    // A cancel that came before the statement began (the interrupt then finds nothing running, and
    // DuckDB clears it when the next statement starts) still stops it.
    if (cancelled) throw new EngineError(queryCancelled());
    try {
      return await exec(sql, params, options);
    } catch (e) {
      if (cancelled && isInterrupt(e)) throw new EngineError(queryCancelled());
      throw toEngineError(e, sql);
    }
  };
  const next = <T>(task: () => Promise<T>, signal?: AbortSignal) =>
    queue(async () => {
      // A superseded run's query still waiting in line: the latest run's goes next instead.
      if (signal?.aborted) throw signal.reason;
      return task();
    }, signal);
  return {
    run,
    next,
    queue: (task) => queue(task),
    idle,
    query: (sql, params, options) => next(() => run(sql, params, options), options?.signal),
    listTables: () => queue(() => profileTables((sql, options) => run(sql, [], options))),
    cancelled(signal) {
      if (!running || (signal && running.signal !== signal)) return false;
      return (cancelled = true);
    },
    close: () => void (closed = true),
    get closed() {
      return closed;
    },
  };
}
