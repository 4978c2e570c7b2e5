// The result relations cell runs leave in the database: each named sql (and rows-returning ts) cell
// becomes a temp table; a table no cell defines any more is dropped, so a query naming a renamed or
// deleted cell fails instead of reading old rows.
import type { CompiledCell } from "../compile/types";
import type { Engine } from "../engine/engine";
import { quoteIdent } from "../sql/ident";

/** The temp tables cell runs have created, by lower-cased name. */
export interface ResultStore {
  /** The names created so far (ts cells add and remove theirs themselves). */
  readonly names: Set<string>;
  /** Records that a run created the temp table `name`. */
  add(name: string): void;
  /** Starts dropping the tables no cell in `cells` defines; later runs wait for it (`settled`). */
  dropOrphans(engine: Engine | undefined, cells: readonly CompiledCell[]): void;
  /** Resolves once every drop started so far has finished. */
  settled(): Promise<unknown>;
}

/** A fresh, empty store. */
export function createResultStore(): ResultStore {
  const names = new Set<string>();
  let dropping: Promise<unknown> = Promise.resolve();
  return {
    names,
    add: (name) => void names.add(name.toLowerCase()),
    dropOrphans(engine, cells) {
      if (!engine || !names.size) return;
      const defined = new Set(cells.flatMap((c) => c.defines.map((n) => n.toLowerCase())));
      const orphans = [...names].filter((name) => !defined.has(name));
      if (!orphans.length) return;
      for (const name of orphans) names.delete(name);
      // Only the temp catalog: a loaded table of the same name stays.
      const drop = (name: string) =>
        engine.query(`DROP TABLE IF EXISTS temp.main.${quoteIdent(name)}`).catch(() => undefined);
      dropping = Promise.all([dropping, ...orphans.map(drop)]);
    },
    settled: () => dropping,
  };
}
