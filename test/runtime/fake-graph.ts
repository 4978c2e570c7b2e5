// A tiny dependency graph for runtime unit tests, so they do not depend on the graph stage.
import type { RunError, RuntimeCell, RuntimeGraph } from "../../src/runtime/types";

/** A test cell: `deps` are the names it reads, `body` stands for its source. */
export interface TestCell extends RuntimeCell {
  readonly deps: readonly string[];
  readonly body: string;
}

/** Builds cells from `name: dep dep` lines, e.g. `["a", "b: a", "c: a b"]`. */
export function cellsFrom(lines: readonly string[]): TestCell[] {
  return lines.map((line) => {
    const [name, deps = ""] = line.split(":");
    return {
      id: `id-${name.trim()}`,
      name: name.trim(),
      deps: deps.trim() ? deps.trim().split(/\s+/) : [],
      body: name.trim(),
    };
  });
}

/** Orders cells depth-first in document order; unknown names are graph errors. */
export function graphOf(cells: readonly TestCell[]): RuntimeGraph {
  const byName = new Map(cells.map((c) => [c.name, c.id]));
  const errors = new Map<string, RunError>();
  const up = new Map<string, string[]>();
  for (const c of cells) {
    const ids = c.deps.map((d) => byName.get(d));
    if (ids.some((id) => id === undefined)) errors.set(c.id, { message: `unknown name in ${c.name}` });
    up.set(
      c.id,
      ids.filter((id): id is string => id !== undefined),
    );
  }
  const order: string[] = [];
  const visit = (id: string) => {
    if (order.includes(id)) return;
    for (const u of up.get(id) ?? []) visit(u);
    order.push(id);
  };
  for (const c of cells) visit(c.id);
  const runnable = order.filter((id) => !errors.has(id));
  const closure = (id: string, step: (x: string) => string[]) => {
    const seen = new Set<string>();
    const walk = (x: string) => step(x).forEach((y) => !seen.has(y) && (seen.add(y), walk(y)));
    walk(id);
    return runnable.filter((x) => seen.has(x));
  };
  const down = (id: string) => cells.filter((c) => up.get(c.id)?.includes(id)).map((c) => c.id);
  return {
    order: runnable,
    errors,
    upstream: (id) => [...(up.get(id) ?? [])],
    ancestors: (id) => closure(id, (x) => up.get(x) ?? []),
    descendants: (id) => closure(id, down),
  };
}
