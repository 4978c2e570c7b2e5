// The data panel's tables in the order they were loaded, and which cells read a table the user
// removed (the session says which), so those cells can say why they are out of date.
import type { TableSummary } from "../engine/engine";

/** Load order and the cells that read a removed table. */
export class TableList {
  private order: readonly string[] = $state.raw([]);
  /** Cell id -> the removed table it reads. */
  marks: ReadonlyMap<string, string> = $state.raw(new Map());

  /** The tables to show: loaded ones in load order, others after them as listed. */
  visible(tables: readonly TableSummary[]): TableSummary[] {
    const rank = (name: string) => {
      const i = this.order.indexOf(name);
      return i < 0 ? this.order.length : i;
    };
    return [...tables].sort((a, b) => rank(a.name) - rank(b.name));
  }

  /** Notes a (re)load: the table moves to the end of the order and its readers are no longer marked. */
  loaded(name: string): void {
    this.order = [...this.order.filter((n) => n !== name), name];
    if ([...this.marks.values()].includes(name)) {
      this.marks = new Map([...this.marks].filter(([, table]) => table !== name));
    }
  }

  /** Notes a removed table and marks `readers`, the cells that read it. */
  remove(name: string, readers: readonly string[]): void {
    this.order = this.order.filter((n) => n !== name);
    const marks = new Map(this.marks);
    for (const id of readers) marks.set(id, name);
    this.marks = marks;
  }
}
