// One reactive entry per cell id, replaced only by that cell's own "cell" event from the session, so
// a cell view re-renders for its own cell and not for every change anywhere in the notebook.
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

/** The cells of the notebook as per-cell entries, in notebook order. */
export class CellSlots {
  /** Cell ids in notebook order (replaced only when the order or the set of cells changes). */
  ids: readonly string[] = $state.raw([]);
  private readonly slots = new Map<string, CellSlot>();

  /** The entry of cell `id`. */
  get(id: string): CellSlot | undefined {
    return this.slots.get(id);
  }

  /** Follows a new cell order (a "document" event): new cells get an entry from `stateOf`, gone ones lose theirs. */
  order(ids: readonly string[], stateOf: (id: string) => CellState | undefined): void {
    for (const id of ids) {
      if (this.slots.has(id)) continue;
      const state = stateOf(id);
      if (state) this.slots.set(id, new CellSlot(state));
    }
    const present = new Set(ids);
    for (const id of [...this.slots.keys()]) if (!present.has(id)) this.slots.delete(id);
    if (ids.length !== this.ids.length || ids.some((id, i) => id !== this.ids[i])) this.ids = ids;
  }

  /** Takes one cell's new state (a "cell" event); a cell without an entry yet gets one. */
  set(state: CellState): void {
    const slot = this.slots.get(state.cell.id);
    if (!slot) this.slots.set(state.cell.id, new CellSlot(state));
    else if (slot.state !== state) slot.state = state;
  }
}
