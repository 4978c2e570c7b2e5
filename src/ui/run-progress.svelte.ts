// "Run all" progress derived from the cells' own states: how many of the cells it runs have
// finished since it started, and which one is running now.
import type { CellState } from "../session/types";

const RUNS = new Set(["sql", "chart", "ts"]);

/** The progress of the current "Run all", if one is going. */
export class RunProgress {
  active = $state(false);
  total = $state(0);
  done = $state(0);
  /** The name (or id) of the cell running now. */
  running: string | undefined = $state(undefined);
  private startStates = new Map<string, CellState>();
  private finished = new Set<string>();

  /** Starts counting over the cells a run of the whole notebook runs. */
  start(cells: readonly CellState[]): void {
    const runs = cells.filter((c) => RUNS.has(c.cell.kind));
    this.startStates = new Map(runs.map((c) => [c.cell.id, c]));
    this.finished = new Set();
    this.total = runs.length;
    this.done = 0;
    this.running = undefined;
    this.active = true;
  }

  /** Notes cells whose state changed: a cell counts once it finished (done or failed) after the start. */
  observe(changed: readonly CellState[]): void {
    if (!this.active) return;
    for (const c of changed) {
      const before = this.startStates.get(c.cell.id);
      if (!before) continue;
      if (c.status === "running") this.running = c.cell.name ?? c.cell.id;
      else if (c !== before && (c.status === "done" || c.status === "error")) this.finished.add(c.cell.id);
    }
    this.done = this.finished.size;
  }

  /** Ends the count (the run finished or stopped). */
  stop(): void {
    this.active = false;
    this.running = undefined;
  }
}
