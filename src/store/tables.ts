// Tables kept in this browser ("keep data in this browser"): the raw bytes of each loaded file in the
// origin-private file system (OPFS), one folder per stored notebook, read back as Files on restore.

const ROOT = "clientbook-tables";

async function root(create: boolean): Promise<FileSystemDirectoryHandle | undefined> {
  const top = await navigator.storage.getDirectory();
  return top.getDirectoryHandle(ROOT, { create }).catch(() => undefined);
}

async function folder(notebookId: string, create: boolean): Promise<FileSystemDirectoryHandle | undefined> {
  return (await root(create))?.getDirectoryHandle(entryName(notebookId), { create }).catch(() => undefined);
}

/** The OPFS entry name for a notebook id or table name (any text: names may not hold `/` or be `..`). */
export function entryName(name: string): string {
  return `k-${encodeURIComponent(name).replace(/\./g, "%2E")}`;
}

/** Stores a table's file under the notebook; rejects with the browser's error (e.g. QuotaExceededError). */
export async function keepTableFile(notebookId: string, table: string, file: Blob): Promise<void> {
  const dir = await folder(notebookId, true);
  if (!dir) throw new Error("no storage folder");
  const handle = await dir.getFileHandle(entryName(table), { create: true });
  const writable = await handle.createWritable();
  try {
    await writable.write(file);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

/** The kept file of a table, named `fileName`, or undefined when it is not kept. */
export async function keptTableFile(notebookId: string, table: string, fileName: string): Promise<File | undefined> {
  const dir = await folder(notebookId, false);
  const handle = await dir?.getFileHandle(entryName(table)).catch(() => undefined);
  const file = await handle?.getFile();
  return file && new File([file], fileName, { type: file.type });
}

/** Removes one kept table of a notebook (it was dropped, or keeping was turned off). */
export async function dropKeptTable(notebookId: string, table: string): Promise<void> {
  await (await folder(notebookId, false))?.removeEntry(entryName(table)).catch(() => undefined);
}

/** Removes every table kept for a notebook. */
export async function dropKeptTables(notebookId: string): Promise<void> {
  await (await root(false))?.removeEntry(entryName(notebookId), { recursive: true }).catch(() => undefined);
}

/** Removes every kept table of every notebook. */
export async function dropAllKeptTables(): Promise<void> {
  const top = await navigator.storage.getDirectory();
  await top.removeEntry(ROOT, { recursive: true }).catch(() => undefined);
}

/** The entries of a folder (the DOM typings here lack the folder's async iterator). */
async function entries(dir: FileSystemDirectoryHandle): Promise<FileSystemHandle[]> {
  const list: FileSystemHandle[] = [];
  for await (const entry of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
    list.push(entry);
  }
  return list;
}

/** How many table files are kept across all notebooks (for tests and the erase confirmation). */
export async function keptTableCount(): Promise<number> {
  const dir = await root(false);
  if (!dir) return 0;
  const folders = (await entries(dir)).filter((e): e is FileSystemDirectoryHandle => e.kind === "directory");
  const counts = await Promise.all(folders.map(async (f) => (await entries(f)).length));
  return counts.reduce((a, b) => a + b, 0);
}
