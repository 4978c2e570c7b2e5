// One reactive entry per cell id, replaced only when that cell's state changes, so a cell view
// re-renders for its own cell and not for every change anywhere in the notebook.
import type { CellState } from "../session/types";

/** A cell's entry: its latest state, which only its own changes replace. */
export class CellSlot {
  readonly id: string;
  state: CellState = $state.raw() as CellState;

  constructor(state: CellState) {
    this.id = state.cell.id;
    this.state = state;
  }
}

/** The same state: the same object, or (for a session that re-wraps unchanged cells) the same parts. */
export function sameCellState(a: CellState, b: CellState): boolean {
  if (a === b) return true;
  const logsAlike =
    a.logs === b.logs || (a.logs?.length === b.logs?.length && (a.logs ?? []).every((l, i) => l === b.logs?.[i]));
  return (
    a.cell === b.cell &&
    a.status === b.status &&
    a.stale === b.stale &&
    a.error === b.error &&
    a.output === b.output &&
    a.elapsedMs === b.elapsedMs &&
    logsAlike
  );
}

/** The cells of the notebook as per-cell entries, in notebook order. */
export class CellSlots {
  /** Cell ids in notebook order (replaced only when the order or the set of cells changes). */
  ids: readonly string[] = $state.raw([]);
  private readonly slots = new Map<string, CellSlot>();

  /** The entry of cell `id`. */
  get(id: string): CellSlot | undefined {
    return this.slots.get(id);
  }

  /** Takes a new snapshot of the cells; returns the states that changed (new cells included). */
  sync(cells: readonly CellState[]): CellState[] {
    const changed: CellState[] = [];
    const ids = cells.map((c) => c.cell.id);
    for (const state of cells) {
      const slot = this.slots.get(state.cell.id);
      if (!slot) {
        this.slots.set(state.cell.id, new CellSlot(state));
        changed.push(state);
      } else if (!sameCellState(slot.state, state)) {
        slot.state = state;
        changed.push(state);
      }
    }
    const present = new Set(ids);
    for (const id of [...this.slots.keys()]) if (!present.has(id)) this.slots.delete(id);
    if (ids.length !== this.ids.length || ids.some((id, i) => id !== this.ids[i])) this.ids = ids;
    return changed;
  }
}
