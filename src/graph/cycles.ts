// Cycle detection for the cell graph: which cells lie on a cycle, and one loop through each to show.

/**
 * Returns, for every id on a cycle, the shortest loop from it back to itself (e.g. ["a", "b", "a"]).
 * A cell reading itself gives ["a", "a"]. Ids come back in `ids` order.
 */
export function findCycles(ids: readonly string[], next: (id: string) => readonly string[]): Map<string, string[]> {
  const loops = new Map<string, string[]>();
  for (const start of ids) {
    // Breadth-first from `start` finds the shortest way back to it, if there is one.
    const from = new Map<string, string>();
    const queue = [...next(start)];
    for (const n of queue) if (!from.has(n)) from.set(n, start);
    let found = queue.includes(start);
    while (!found && queue.length) {
      const id = queue.shift()!;
      for (const n of next(id)) {
        if (from.has(n)) continue;
        from.set(n, id);
        if (n === start) {
          found = true;
          break;
        }
        queue.push(n);
      }
    }
    if (!found) continue;
    const path = [start];
    for (let at = from.get(start)!; at !== start; at = from.get(at)!) path.unshift(at);
    loops.set(start, [start, ...path]);
  }
  return loops;
}
