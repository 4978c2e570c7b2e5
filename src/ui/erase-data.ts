// Erasing what this site stored in the browser, through the platform's own APIs (IndexedDB, the
// origin private file system, Cache Storage, Web Storage), so it reaches every store, autosave's too.
import { workshopText } from "../messages/workshop";
import { isOfflineCache } from "../sw/offline-files";

const hooks: (() => Promise<void> | void)[] = [];

/** Runs `hook` before an erase: a store that keeps files or databases open (autosave) closes them and stops saving. */
export function beforeErase(hook: () => Promise<void> | void): void {
  hooks.push(hook);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(name));
    // Another tab still holds it open: the deletion waits for that tab, the user is told now.
    request.onblocked = () => reject(new Error(workshopText.eraseBlocked(name)));
  });
}

async function eraseDatabases(): Promise<void> {
  const databases = await indexedDB.databases();
  await Promise.all(databases.flatMap((db) => (db.name ? [deleteDatabase(db.name)] : [])));
}

async function eraseFiles(): Promise<void> {
  if (!navigator.storage?.getDirectory) return;
  const root = await navigator.storage.getDirectory();
  // The DOM library of this TypeScript lacks the async iterator of directory handles.
  const names: string[] = [];
  for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  for (const name of names) await root.removeEntry(name, { recursive: true });
}

async function eraseCaches(): Promise<void> {
  if (typeof caches === "undefined") return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => !isOfflineCache(name)).map((name) => caches.delete(name)));
}

/** Erases every IndexedDB database, OPFS entry, cache but the app's offline copy, and local and session storage. */
export async function eraseSiteData(): Promise<void> {
  for (const hook of hooks) await hook();
  await Promise.all([eraseDatabases(), eraseFiles(), eraseCaches()]);
  localStorage.clear();
  sessionStorage.clear();
}
