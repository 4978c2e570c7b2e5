// The live scheduler: the one debounce between an edit and a re-run. Cells edited while the user
// types are collected and run together once edits pause for the live delay; a moved input control
// is a finished edit and runs at once, in the task of its event (only the changes of that task are merged).
/** Default quiet time after a keystroke before the edited cells re-run. */
export const LIVE_DELAY_MS = 200;
/**
 * Wait before a moved input control re-runs its readers: none, not even a timer's turn (its query is posted before
 * the browser paints the move; runs it supersedes are skipped).
 */
export const INPUT_DELAY_MS = 0;

/** What the scheduler needs from the session. */
export interface LiveHost {
  /** Whether a cell still exists (edits may have deleted it meanwhile). */
  exists(id: string): boolean;
  /** Resolves false when nothing may run (an untrusted notebook, an engine that failed to start). */
  runnable(): Promise<boolean>;
  /** Runs the cells (and their descendants). */
  run(ids: readonly string[]): Promise<unknown>;
}

/** Collects edited cells and re-runs them once edits pause. */
export interface LiveScheduler {
  /** Queues cells to re-run after `delay` ms of quiet (default: the live delay); a no-op when live runs are off. */
  mark(ids: Iterable<string>, delay?: number): void;
  /** The delay for a finished edit (a moved control). */
  readonly inputDelay: number;
  /** Resolves once no re-run is waiting or running. */
  whenIdle(): Promise<void>;
  /** Drops what is waiting (Stop). */
  cancel(): void;
}

/** A scheduler that waits `delayMs` (false: live runs off). */
export function createLiveScheduler(delayMs: number | false | undefined, host: LiveHost): LiveScheduler {
  const delay = delayMs === undefined ? LIVE_DELAY_MS : delayMs;
  const dirty = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Bumped whenever what is scheduled changes: a flush queued as a microtask runs only if still the latest.
  let turn = 0;
  let wait: { promise: Promise<void>; resolve: () => void } | undefined;
  let runs: Promise<unknown> = Promise.resolve();
  // The latest flush: it has taken the marks off `wait` but may not have started its run yet.
  let flushing: Promise<void> = Promise.resolve();
  const start = () => void (flushing = flush());

  async function flush(): Promise<void> {
    timer = undefined;
    turn++;
    const ids = [...dirty].filter(host.exists);
    dirty.clear();
    const done = wait;
    wait = undefined;
    if (ids.length && (await host.runnable())) runs = host.run(ids);
    await runs;
    done?.resolve();
  }

  return {
    inputDelay: Math.min(delay || 0, INPUT_DELAY_MS),
    mark(ids, after = delay || 0) {
      if (delay === false) return;
      for (const id of ids) dirty.add(id);
      if (!dirty.size) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (!wait) {
        let resolve!: () => void;
        wait = { promise: new Promise<void>((r) => (resolve = r)), resolve };
      }
      const mine = ++turn;
      // No delay: at the end of this task, not a timer's turn later (a timer lets the browser render a frame first).
      if (after <= 0) queueMicrotask(() => mine === turn && start());
      else timer = setTimeout(start, after);
    },
    async whenIdle() {
      while (wait) await wait.promise;
      await flushing;
      await runs;
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      turn++;
      dirty.clear();
      wait?.resolve();
      wait = undefined;
    },
  };
}
