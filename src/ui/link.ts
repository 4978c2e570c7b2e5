// Opening a notebook by link (`?notebook=<path>`): only a relative path on this same site is
// accepted, and its declared data files are fetched from next to it, with progress.

/** Resolves a `?notebook=` value against the page, or returns null for anything not a same-site relative path. */
export function resolveNotebookLink(path: string, page: string): URL | null {
  const trimmed = path.trim();
  // Absolute URLs, scheme-relative `//host` and rooted or backslash paths are refused outright.
  if (!trimmed || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /^[\\/]/.test(trimmed) || trimmed.includes("\\")) return null;
  const url = new URL(trimmed, page);
  return url.origin === new URL(page).origin ? url : null;
}

/** Resolves a declared data file next to the notebook at `notebook`, or null when it would leave the site. */
export function resolveDataFile(file: string, notebook: URL): URL | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) || /^[\\/]/.test(file) || file.includes("\\")) return null;
  const url = new URL(file, notebook);
  return url.origin === notebook.origin ? url : null;
}

/** Fetches `url` as a File named `name`, reporting bytes as they arrive. */
export async function fetchFile(url: URL, name: string, onBytes: (read: number, total: number) => void, httpError: (status: number) => string): Promise<File> {
  const response = await fetch(url, { credentials: "same-origin", redirect: "error" });
  if (!response.ok || !response.body) throw new Error(httpError(response.status));
  const total = Number(response.headers.get("content-length") ?? 0);
  const reader = response.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    read += value.length;
    onBytes(read, total);
  }
  return new File(parts, name);
}
