// The dependency graph of a notebook's compiled cells: run order, up- and downstream cells, and the
// errors that keep cells from running (duplicate names, cycles, unknown chart data, failed inputs).
import type { CellError, CompiledCell } from "../compile/types";
import { compileMessages as m } from "../messages/compile";
import { findCycles } from "./cycles";

/** The dependency graph of a notebook's cells. */
export interface CellGraph {
  /** Runnable cell ids in dependency order (ties: document order); excludes every id in `errors`. */
  order: string[];
  /**
   * Every cell that will not run, with why: its own compile error, a duplicate name, a cycle (on every
   * cell in it), an unknown chart `data=` or `${name}` param, or an upstream cell that cannot run (errors propagate
   * downstream, so a cell never runs against a missing or stale input).
   */
  readonly errors: ReadonlyMap<string, CellError>;
  /** Ids this cell reads directly (document order). */
  upstream(id: string): string[];
  /** Ids this cell reads, transitively, in run order. */
  ancestors(id: string): string[];
  /** Ids that read this cell, transitively, in run order. */
  descendants(id: string): string[];
  /** The id of the cell named `name` (case-insensitive), when exactly one cell has that name. */
  idOf(name: string): string | undefined;
}

/**
 * Builds the graph. Names match case-insensitively (DuckDB's rule), so `Sales` and `sales` are one name.
 * SQL identifiers that name no cell are ignored (they may be loaded tables; DuckDB reports unknown ones).
 */
export function buildGraph(cells: readonly CompiledCell[]): CellGraph {
  const index = new Map(cells.map((c, i) => [c.id, i]));
  const byName = new Map<string, CompiledCell[]>();
  for (const cell of cells)
    for (const name of cell.defines) byName.set(name.toLowerCase(), [...(byName.get(name.toLowerCase()) ?? []), cell]);

  // Edges: a cell reads every cell defining a name it references (all of them, when the name is duplicated).
  const reads = new Map<string, string[]>();
  const readBy = new Map<string, string[]>(cells.map((c) => [c.id, []]));
  for (const cell of cells) {
    const up = new Set<string>();
    for (const ref of cell.references) for (const target of byName.get(ref) ?? []) up.add(target.id);
    const sorted = [...up].sort((a, b) => index.get(a)! - index.get(b)!);
    reads.set(cell.id, sorted);
    for (const u of sorted) readBy.get(u)!.push(cell.id);
  }

  const errors = new Map<string, CellError>();
  for (const cell of cells) if (cell.error) errors.set(cell.id, cell.error);
  for (const [name, owners] of byName) {
    if (owners.length > 1)
      for (const c of owners)
        if (!errors.has(c.id))
          errors.set(c.id, { message: m.duplicateName(owners[0].defines[0] ?? name, owners.length) });
  }
  // A selection node is not shown: a clash of its name shows on the chart that declares it.
  for (const node of cells) {
    if (node.body?.type !== "selection" || !errors.has(node.id)) continue;
    const chart = byName.get(node.body.chart.toLowerCase())?.find((c) => c.body?.type === "chart");
    if (chart && !errors.has(chart.id)) errors.set(chart.id, errors.get(node.id)!);
  }
  for (const cell of cells) {
    if (
      cell.kind === "chart" &&
      !errors.has(cell.id) &&
      cell.body?.type === "chart" &&
      !byName.has(cell.body.data.toLowerCase())
    ) {
      errors.set(cell.id, { message: m.unknownData(cell.body.data) });
    }
  }
  for (const cell of cells) {
    if (errors.has(cell.id) || cell.body?.type !== "sql") continue;
    const unknown = cell.body.params.find((p) => !byName.has(p.toLowerCase()));
    if (unknown !== undefined) errors.set(cell.id, { message: m.unknownParam(unknown) });
  }
  const nameOf = (id: string) => cells[index.get(id)!].defines[0] ?? id;
  for (const [id, path] of findCycles(
    cells.map((c) => c.id),
    (id) => reads.get(id) ?? [],
  )) {
    if (!errors.has(id)) errors.set(id, { message: m.cycle(path.map(nameOf)) });
  }

  // Run order: Kahn's algorithm, always taking the earliest ready cell in the document.
  const rank = new Map<string, number>();
  const pending = new Map(cells.map((c) => [c.id, reads.get(c.id)!.length]));
  const ready = cells.filter((c) => pending.get(c.id) === 0).map((c) => c.id);
  while (ready.length) {
    ready.sort((a, b) => index.get(a)! - index.get(b)!);
    const id = ready.shift()!;
    rank.set(id, rank.size);
    for (const d of readBy.get(id)!) {
      pending.set(d, pending.get(d)! - 1);
      if (pending.get(d) === 0) ready.push(d);
    }
  }
  // Cells in or behind a cycle never became ready: they sort after the rest, in document order.
  for (const c of cells) if (!rank.has(c.id)) rank.set(c.id, cells.length + index.get(c.id)!);
  const inRunOrder = (ids: Iterable<string>) => [...ids].sort((a, b) => rank.get(a)! - rank.get(b)!);
  const sorted = inRunOrder(cells.map((c) => c.id));

  // Propagate in run order, so each cell names the nearest upstream cell that cannot run.
  for (const id of sorted) {
    if (errors.has(id)) continue;
    for (const u of reads.get(id)!) {
      const up = cells[index.get(u)!];
      if (errors.has(u)) errors.set(id, { message: m.upstreamError(nameOf(u)) });
      else if (!up.body) errors.set(id, { message: m.upstreamNotRunnable(nameOf(u), up.kind) });
      if (errors.has(id)) break;
    }
  }

  const walk = (start: string, next: Map<string, string[]>) => {
    const seen = new Set<string>();
    const stack = [...(next.get(start) ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id) || id === start) continue;
      seen.add(id);
      stack.push(...(next.get(id) ?? []));
    }
    return inRunOrder(seen);
  };

  return {
    order: sorted.filter((id) => !errors.has(id) && cells[index.get(id)!].body !== undefined),
    errors,
    upstream: (id) => [...(reads.get(id) ?? [])],
    ancestors: (id) => walk(id, reads),
    descendants: (id) => walk(id, readBy),
    idOf: (name) => {
      const owners = byName.get(name.toLowerCase());
      return owners?.length === 1 ? owners[0].id : undefined;
    },
  };
}
