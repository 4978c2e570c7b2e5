// When autosave writes: the first edit after a write schedules the next one `delayMs` later and the edits
// meanwhile join it (so a user typing steadily is saved at least once per delay, never once per keystroke),
// with at most one write in flight.

/** Coalesces `mark()` calls into calls of `write`. */
export interface SaveScheduler {
  /** Notes an edit: a write follows within `delayMs` (or right after the one in flight). */
  mark(): void;
  /** Writes now if an edit is waiting (e.g. the page is being hidden); resolves once written. */
  flush(): Promise<void>;
  /** Resolves once no edit is waiting and no write is in flight. */
  whenSaved(): Promise<void>;
  /** Drops a waiting write (another notebook was opened, or storage was given up). */
  cancel(): void;
}

/** A scheduler calling `write` (which handles its own failures) at most once per `delayMs` of edits. */
export function createSaveScheduler(delayMs: number, write: () => Promise<void>): SaveScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let inFlight: Promise<void> | undefined;

  function start(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (inFlight || !dirty) return inFlight ?? Promise.resolve();
    dirty = false;
    inFlight = write()
      .catch(() => undefined)
      .finally(() => {
        inFlight = undefined;
        // Edits that came while writing are written next, after the same quiet delay.
        if (dirty) timer = setTimeout(start, delayMs);
      });
    return inFlight;
  }

  return {
    mark() {
      dirty = true;
      if (timer === undefined && !inFlight) timer = setTimeout(start, delayMs);
    },
    async flush() {
      await inFlight;
      await start();
    },
    async whenSaved() {
      while (dirty || inFlight) await (inFlight ?? new Promise((ok) => setTimeout(ok, delayMs)));
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      dirty = false;
    },
  };
}
