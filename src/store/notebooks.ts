// The notebooks stored in this browser (IndexedDB): save, read, list, delete one, and erase
// everything the app stored (notebooks and kept tables), for "Recent notebooks" and "Erase my data".
import { withNotebooks } from "./database";
import { dropAllKeptTables, dropKeptTables } from "./tables";
import { clearLastResults, deleteLastResults } from "./last-results";

/** One notebook as stored in the browser. */
export interface StoredNotebook {
  /** `link:<path>` for a notebook opened from a link, else a random id. */
  readonly id: string;
  readonly title: string;
  /** The file name it was opened from (used when saving it to a file). */
  readonly fileName: string;
  /** The notebook's Markdown text as last edited. */
  readonly text: string;
  /** Whether the user had let it run (restored notebooks keep the user's word, never gain it). */
  readonly trusted: boolean;
  /** The text as last opened from or saved to a file: edits beyond it were never saved to a file. */
  readonly fileText: string;
  /** Milliseconds since the epoch of the last save. */
  readonly savedAt: number;
  /** "Keep data in this browser": the tables kept in OPFS, with the file each came from. */
  readonly keepData: boolean;
  readonly kept: readonly { readonly table: string; readonly file: string }[];
}

/** The id a notebook opened from a link (`?notebook=<path>`, `path` as the page resolved it) is stored under. */
export function linkedNotebookId(path: string): string {
  return `link:${path}`;
}

/** What "Recent notebooks" shows of a stored notebook. */
export type StoredSummary = Pick<StoredNotebook, "id" | "title" | "fileName" | "savedAt" | "keepData">;

/** Writes (or replaces) a stored notebook; rejects with the browser's error (e.g. QuotaExceededError). */
export async function putStoredNotebook(record: StoredNotebook): Promise<void> {
  await withNotebooks("readwrite", (store) => store.put(record));
}

/** The stored notebook with this id, if any. */
export async function getStoredNotebook(id: string): Promise<StoredNotebook | undefined> {
  return withNotebooks<StoredNotebook | undefined>("readonly", (store) => store.get(id));
}

/** Every stored notebook, most recently saved first. */
export async function listStoredNotebooks(): Promise<StoredSummary[]> {
  const all = (await withNotebooks<StoredNotebook[]>("readonly", (store) => store.getAll())) ?? [];
  return recentFirst(all).map(({ id, title, fileName, savedAt, keepData }) => ({
    id,
    title,
    fileName,
    savedAt,
    keepData,
  }));
}

/** Sorts stored notebooks most recently saved first (ties by title, so the list is stable). */
export function recentFirst<T extends Pick<StoredNotebook, "savedAt" | "title">>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => b.savedAt - a.savedAt || a.title.localeCompare(b.title));
}

/** Deletes one stored notebook, its last results and the tables kept for it. */
export async function deleteStoredNotebook(id: string): Promise<void> {
  await withNotebooks("readwrite", (store) => store.delete(id));
  await deleteLastResults(id);
  await dropKeptTables(id);
}

/** Deletes every stored notebook, their last results and every kept table (OPFS) of this site: "Erase my data". */
export async function eraseStoredData(): Promise<void> {
  await withNotebooks("readwrite", (store) => store.clear());
  await clearLastResults();
  await dropAllKeptTables();
}

/** How many notebooks are stored (the erase confirmation says it). */
export async function storedNotebookCount(): Promise<number> {
  return (await withNotebooks<number>("readonly", (store) => store.count())) ?? 0;
}
