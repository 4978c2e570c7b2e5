// The last run's results of the open notebook: kept in this browser (IndexedDB, beside the stored notebook,
// never in its file) once a run settles, and drawn on the next visit before the engine is ready, for each cell
// whose result key still matches, until that cell's fresh result replaces it. Only for trusted notebooks.
import type { CellOutput, Session } from "../../session/types";
import { createSaveScheduler } from "../../store/save-scheduler";
import { keptWithin, type KeptOutput } from "../../store/kept-output";
import { getLastResults, putLastResults, type LastResults } from "../../store/last-results";
import { markStart } from "../start-marks";

/** How long after a cell's run settles its result is written (the runs of one edit join one write). */
export const LAST_RUN_DELAY_MS = 1000;

/** A kept result drawn for a cell, with when it was kept. */
export interface ShownResult {
  readonly output: KeptOutput;
  readonly savedAt: number;
}

/** Where the last results are written: the stored notebook's id, or undefined when nothing may be written. */
export type ResultsTarget = () => string | undefined;

/** Keeps and draws the open notebook's last results. */
export class LastRun {
  /** The kept results drawn now, by cell id: cells with no fresh result whose key matches a kept one. */
  shown: ReadonlyMap<string, ShownResult> = $state.raw(new Map());
  private record: LastResults | undefined;
  private opening = 0;
  private queued = false;
  private stopped = false;
  private writing: Promise<void> = Promise.resolve();
  private readonly saver = createSaveScheduler(LAST_RUN_DELAY_MS, () => {
    const write = this.write();
    this.writing = write.catch(() => undefined);
    return write;
  });

  constructor(
    private readonly session: Session,
    private readonly target: ResultsTarget,
  ) {
    session.on((event) => {
      if (event.type === "cell" && event.state.status === "done" && event.state.output) this.saver.mark();
      if (event.type !== "progress" && event.type !== "tables") this.refresh();
    });
  }

  /** Reads the kept results of the notebook just opened as `id` (what was waiting for the last one is dropped). */
  async opened(id: string): Promise<void> {
    const opening = ++this.opening;
    this.saver.cancel();
    this.record = undefined;
    this.refresh();
    // After "Erase my data" not even a read: opening the database would create it again.
    if (this.stopped) return;
    const record = await getLastResults(id).catch(() => undefined);
    markStart("kept-results-read");
    if (opening !== this.opening) return;
    this.record = record;
    this.refresh();
  }

  /**
   * Forgets what is shown and drops what waits to be written ("Reset to original"); with `stop` ("Erase my
   * data") the store is not touched again for the rest of this page's life.
   */
  async forget({ stop = false } = {}): Promise<void> {
    this.stopped ||= stop;
    this.opening++;
    this.saver.cancel();
    // Only the write in flight is awaited: runs still going would keep a scheduled one waiting for long.
    await this.writing;
    this.record = undefined;
    this.refresh();
  }

  /** Resolves once no write is waiting or in flight (for tests and erase). */
  whenSaved(): Promise<void> {
    return this.saver.whenSaved();
  }

  // Recomputed once per burst of session events (a run sends one per cell).
  private refresh(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.shown = this.matching();
    });
  }

  private matching(): ReadonlyMap<string, ShownResult> {
    const state = this.session.getState();
    const record = this.record;
    if (!record || !state.trusted) return this.shown.size ? new Map() : this.shown;
    const keys = this.session.resultKeys();
    const next = new Map<string, ShownResult>();
    for (const cell of state.cells) {
      const kept = record.cells[keys.get(cell.cell.id) ?? ""];
      if (!kept || cell.error || hasFresh(cell.cell.source, cell.output)) continue;
      const before = this.shown.get(cell.cell.id);
      next.set(cell.cell.id, before?.output === kept ? before : { output: kept, savedAt: record.savedAt });
    }
    const same = next.size === this.shown.size && [...next].every(([id, shown]) => this.shown.get(id) === shown);
    return same ? this.shown : next;
  }

  private async write(): Promise<void> {
    const opening = this.opening;
    const id = this.target();
    const state = this.session.getState();
    if (id === undefined || !state.trusted) return;
    // A run still going is written once it is done: its last cell's result schedules the next write.
    if (state.cells.some((c) => c.status === "running")) return;
    const keys = this.session.resultKeys();
    const fresh = state.cells.flatMap((c) => {
      const key = keys.get(c.cell.id);
      const output = c.output;
      if (!key || c.status !== "done" || c.stale || !output || !hasFresh(c.cell.source, output)) return [];
      return [{ key, output }];
    });
    // Cells not run again this visit keep what they showed, while their key still matches.
    const current = new Set(keys.values());
    const earlier = Object.fromEntries(
      Object.entries(this.record?.id === id ? this.record.cells : {}).filter(([key]) => current.has(key)),
    );
    const cells = keptWithin(fresh, earlier);
    const record: LastResults = { id, savedAt: Date.now(), cells };
    await putLastResults(record);
    if (opening === this.opening) this.record = record;
  }
}

/** Whether a cell has a result of its own run (a Markdown cell shows its source as written before it runs). */
function hasFresh(source: string, output: CellOutput | undefined): boolean {
  if (!output) return false;
  return output.type !== "markdown" || output.text !== source;
}
