// The data panel's tables: in the order they were loaded, without the ones the user removed, and
// which cells read a removed table (so those cells can say why they will fail).
import type { TableSummary } from "../engine/engine";
import type { CellState } from "../session/types";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether a cell's source names `table` (as a whole word, quoted or not). */
export function readsTable(state: CellState, table: string): boolean {
  if (state.cell.kind !== "sql" && state.cell.kind !== "ts") return false;
  return new RegExp(`(^|[^\\w])${escape(table)}($|[^\\w])`, "i").test(state.cell.source);
}

/** Load order, removed tables and the cells that read them. */
export class TableList {
  private order: readonly string[] = $state.raw([]);
  /** Tables removed by the user and not loaded again since. */
  removed: ReadonlySet<string> = $state.raw(new Set());
  /** Cell id -> the removed table it reads. */
  marks: ReadonlyMap<string, string> = $state.raw(new Map());

  /** The tables to show: removed ones left out, loaded ones in load order, others after them as listed. */
  visible(tables: readonly TableSummary[]): TableSummary[] {
    const rank = (name: string) => {
      const i = this.order.indexOf(name);
      return i < 0 ? this.order.length : i;
    };
    return tables.filter((t) => !this.removed.has(t.name)).sort((a, b) => rank(a.name) - rank(b.name));
  }

  /** Notes a (re)load: the table moves to the end of the order and is no longer removed. */
  loaded(name: string): void {
    this.order = [...this.order.filter((n) => n !== name), name];
    if (this.removed.has(name)) {
      const removed = new Set(this.removed);
      removed.delete(name);
      this.removed = removed;
      this.marks = new Map([...this.marks].filter(([, table]) => table !== name));
    }
  }

  /** Notes a removed table and marks the cells that read it. */
  remove(name: string, cells: readonly CellState[]): void {
    this.removed = new Set(this.removed).add(name);
    this.order = this.order.filter((n) => n !== name);
    const marks = new Map(this.marks);
    for (const c of cells) if (readsTable(c, name)) marks.set(c.cell.id, name);
    this.marks = marks;
  }
}
