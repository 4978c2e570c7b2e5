// The app's IndexedDB database ("clientbook"): the stored notebooks and, beside them, each one's last run
// results, opened once per page, and each request wrapped as a promise so callers read as plain async code.

const NAME = "clientbook";
// Version 2 added the results store; a version-1 database gains it on first open.
const VERSION = 2;
/** The object store holding one record per stored notebook, keyed by its id. */
export const NOTEBOOKS = "notebooks";
/** The object store holding the last run's results of a stored notebook, keyed by the notebook's id. */
export const RESULTS = "results";

let opening: Promise<IDBDatabase> | undefined;

/** The open database (created on first use). */
export function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(NAME, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const store of [NOTEBOOKS, RESULTS]) {
        if (!db.objectStoreNames.contains(store)) db.createObjectStore(store, { keyPath: "id" });
      }
    };
    request.onsuccess = () => {
      // Another tab deleting the database (erase) must not wait for this page to be closed.
      request.result.onversionchange = () => {
        request.result.close();
        opening = undefined;
      };
      resolve(request.result);
    };
    request.onerror = () => reject(request.error ?? new Error("indexedDB.open failed"));
    request.onblocked = () => reject(new Error("indexedDB.open blocked"));
  });
  opening.catch(() => (opening = undefined));
  return opening;
}

/** Runs `body` in a transaction on the notebooks store; resolves with its result once the transaction commits. */
export function withNotebooks<T>(
  mode: IDBTransactionMode,
  body: (store: IDBObjectStore) => IDBRequest<T> | undefined,
): Promise<T | undefined> {
  return withStore(NOTEBOOKS, mode, body);
}

/** Runs `body` in a transaction on one store; resolves with its result once the transaction commits. */
export async function withStore<T>(
  name: string,
  mode: IDBTransactionMode,
  body: (store: IDBObjectStore) => IDBRequest<T> | undefined,
): Promise<T | undefined> {
  const db = await database();
  return new Promise<T | undefined>((resolve, reject) => {
    const tx = db.transaction(name, mode);
    const request = body(tx.objectStore(name));
    // A quota failure surfaces on the transaction (abort), not always on the request.
    tx.oncomplete = () => resolve(request?.result);
    tx.onabort = () => reject(tx.error ?? request?.error ?? new Error("transaction aborted"));
    tx.onerror = () => reject(request?.error ?? tx.error ?? new Error("transaction failed"));
  });
}
