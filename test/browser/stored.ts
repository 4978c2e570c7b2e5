// What the app keeps in this browser, read in its page with the plain IndexedDB API (never the app's own code):
// shared by the browser tests of autosave and of the last run's results.
import type { Page } from "playwright-core";

/** A stored notebook as the tests read it. */
export interface StoredRecord {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly keepData: boolean;
  readonly kept: unknown[];
}

/** A notebook's kept results as the tests read them. */
export interface ResultsRecord {
  readonly id: string;
  readonly cells: Record<string, { type: string; rows?: number; totalRows?: number }>;
}

/** Every record of one object store of the app's database (none when the database or store is not there). */
export function readStore(page: Page, store: "notebooks"): Promise<StoredRecord[]>;
export function readStore(page: Page, store: "results"): Promise<ResultsRecord[]>;
export function readStore(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((ok, fail) => {
        const open = indexedDB.open("clientbook");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return (db.close(), ok([]));
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => (db.close(), ok(all.result));
          all.onerror = () => (db.close(), fail(all.error));
        };
      }),
    store,
  );
}
