// Tells the session's users what changed. Run changes are coalesced: many in one tick (a run's end
// and its readers going stale) become one snapshot and one event per changed part. Edits are told
// at once (`flush`), so a caller reads its own edit back; `getState()` is never behind either.
import type { CellStates } from "./cell-states";
import type { SessionEvent, SessionState } from "./types";

/** The session's outgoing side: state snapshots and typed events. */
export interface Publisher {
  /** Something changed: a snapshot and events follow at the end of this tick. */
  changed(): void;
  /** Tells what changed now instead of at the end of the tick. */
  flush(): void;
  /** The current snapshot (built now if a change is pending). */
  state(): SessionState;
  /** Sends an event that is not a state diff (progress) at once. */
  emit(event: SessionEvent): void;
  subscribe(listener: (state: SessionState) => void): () => void;
  on(listener: (event: SessionEvent) => void): () => void;
}

/** A publisher over `snapshot`, whose cell states come from `views` (their rebuilt ids become events). */
export function createPublisher(snapshot: () => SessionState, views: CellStates): Publisher {
  const listeners = new Set<(state: SessionState) => void>();
  const handlers = new Set<(event: SessionEvent) => void>();
  let current: SessionState | undefined;
  let scheduled = false;
  let dirty = false;
  // What the last events said, to tell what changed since.
  let said = { ids: "", frontMatter: undefined as unknown, tables: undefined as unknown, session: "" };

  const state = () => (current ??= snapshot());
  const emit = (event: SessionEvent) => {
    for (const handler of [...handlers]) handler(event);
  };

  function flush(): void {
    if (!dirty) return;
    dirty = false;
    const s = state();
    const ids = s.cells.map((c) => c.cell.id).join("\n");
    views.keep(new Set(s.cells.map((c) => c.cell.id)));
    const changedIds = views.takeChanged();
    const session = JSON.stringify([s.trusted, s.engineReady, s.problems]);
    // A view for a new cell exists once "document" is heard, so that event goes first.
    if (ids !== said.ids || s.notebook.frontMatter !== said.frontMatter) {
      emit({ type: "document", notebook: s.notebook });
    }
    const byId = new Map(s.cells.map((c) => [c.cell.id, c]));
    for (const id of changedIds) {
      const cell = byId.get(id);
      if (cell) emit({ type: "cell", id, state: cell });
    }
    if (s.tables !== said.tables) emit({ type: "tables", tables: s.tables });
    if (session !== said.session) {
      emit({ type: "session", trusted: s.trusted, engineReady: s.engineReady, problems: s.problems });
    }
    said = { ids, frontMatter: s.notebook.frontMatter, tables: s.tables, session };
    for (const listener of [...listeners]) listener(s);
  }

  return {
    changed() {
      current = undefined;
      dirty = true;
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        flush();
      });
    },
    flush,
    state,
    emit,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    on(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
}
