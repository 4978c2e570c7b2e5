// The live scheduler: the one debounce between an edit and a re-run. Cells edited while the user
// types are collected and run together once edits pause for the live delay; a moved input control
// is a finished edit and runs at once (only the events of one tick are merged).
/** Default quiet time after a keystroke before the edited cells re-run. */
export const LIVE_DELAY_MS = 200;
/** Wait before a moved input control re-runs its readers: none beyond its tick (runs it supersedes are skipped). */
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
  let wait: { promise: Promise<void>; resolve: () => void } | undefined;
  let runs: Promise<unknown> = Promise.resolve();

  async function flush(): Promise<void> {
    timer = undefined;
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
      if (!wait) {
        let resolve!: () => void;
        wait = { promise: new Promise<void>((r) => (resolve = r)), resolve };
      }
      timer = setTimeout(() => void flush(), after);
    },
    async whenIdle() {
      while (wait) await wait.promise;
      await runs;
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      dirty.clear();
      wait?.resolve();
      wait = undefined;
    },
  };
}
