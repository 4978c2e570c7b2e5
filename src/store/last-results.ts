// The last run's results of each stored notebook, in IndexedDB beside (never in) the notebook record:
// read on start to draw the notebook before the engine is ready, replaced after each run settles.
import { RESULTS, withStore } from "./database";
import type { KeptOutput } from "./kept-output";

/** One stored notebook's last results, by each cell's result key (session `resultKeys`). */
export interface LastResults {
  /** The id of the stored notebook they belong to. */
  readonly id: string;
  /** Milliseconds since the epoch of the write. */
  readonly savedAt: number;
  readonly cells: Readonly<Record<string, KeptOutput>>;
}

/** Writes (replaces) a notebook's last results; rejects with the browser's error (e.g. QuotaExceededError). */
export async function putLastResults(record: LastResults): Promise<void> {
  await withStore(RESULTS, "readwrite", (store) => store.put(record));
}

/** The last results kept for a notebook, if any. */
export function getLastResults(id: string): Promise<LastResults | undefined> {
  return withStore<LastResults | undefined>(RESULTS, "readonly", (store) => store.get(id));
}

/** Removes a notebook's last results. */
export async function deleteLastResults(id: string): Promise<void> {
  await withStore(RESULTS, "readwrite", (store) => store.delete(id));
}

/** Removes every notebook's last results. */
export async function clearLastResults(): Promise<void> {
  await withStore(RESULTS, "readwrite", (store) => store.clear());
}

/** How many notebooks have last results kept (for tests and the erase confirmation). */
export async function lastResultsCount(): Promise<number> {
  return (await withStore<number>(RESULTS, "readonly", (store) => store.count())) ?? 0;
}
