// A linked notebook's declared tables, fetched all at once, then loaded and run so that the first chart
// waits only for its own data: the tables the cells on screen (or just below) read load first and those
// cells run, then the other tables load (DuckDB's one worker would otherwise load them ahead of the first
// chart's query) and the cells not run yet, or failed, follow.
import { markStart } from "./start-marks";
import type { Workbench } from "./workbench.svelte";

/** A declared table and its file on the way (undefined: the fetch failed, and says so). */
export interface FetchedTable {
  readonly table: string;
  readonly file: Promise<File | undefined>;
}

/**
 * Loads `tables` into `bench`; when `run`, runs the notebook too, the cells on screen and their data first.
 * `firstRun` is called once those cells have run (or there were none to run first).
 */
export async function loadAndRun(
  bench: Workbench,
  tables: readonly FetchedTable[],
  run: boolean,
  firstRun: () => void = () => undefined,
): Promise<void> {
  const load = ({ table, file }: FetchedTable) => file.then((f) => f && bench.loadFile(f, table));
  const first = run ? bench.visible.in(bench.cells.ids) : [];
  const early = new Set(bench.session.tablesRead(first).map((t) => t.toLowerCase()));
  const ahead = tables.filter((t) => early.has(t.table.toLowerCase()));
  if (ahead.length) {
    await Promise.all(ahead.map(load));
    markStart("run-started");
    await bench.runAll({ first, only: "first" });
  }
  firstRun();
  await Promise.all(tables.filter((t) => !ahead.includes(t)).map(load));
  markStart("data-loaded");
  if (!run) return;
  markStart("run-started");
  await bench.runAll({ first, only: ahead.length ? "outdated" : undefined });
}
