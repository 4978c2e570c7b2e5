// Links: opening a notebook by link (`?notebook=<path>`, only a relative path on this same site, its
// declared data files fetched from next to it with progress), and what a link in notebook prose may be.

/** What a link in a notebook's prose may be. */
export type ProseLink =
  /** Another origin or scheme: opened only after the user confirms the full address. */
  | { readonly kind: "external"; readonly url: URL }
  /** `?notebook=<a shipped notebook>` on this page, rebuilt so it carries nothing else. */
  | { readonly kind: "internal"; readonly href: string }
  /** Anything else on this site: not a link (a same-site address with extra parts reaches the host's logs). */
  | { readonly kind: "inert" };

/** Decides what the prose link `href` on `page` may be, given the paths of the shipped notebooks. */
export function classifyLink(href: string, page: string, shipped: ReadonlySet<string>): ProseLink {
  let url: URL;
  try {
    url = new URL(href, page);
  } catch {
    return { kind: "inert" };
  }
  const here = new URL(page);
  if (url.origin !== here.origin) return { kind: "external", url };
  const keys = [...url.searchParams.keys()];
  const notebook = url.searchParams.get("notebook");
  const bare = url.hash === "" && url.username === "" && url.password === "";
  const onlyNotebook = bare && keys.length === 1 && keys[0] === "notebook";
  if (url.pathname !== here.pathname || !onlyNotebook || notebook === null || !shipped.has(notebook)) {
    return { kind: "inert" };
  }
  return { kind: "internal", href: `?${new URLSearchParams({ notebook })}` };
}

/** Splits an address for display: everything before the query, the query (`?...`), and the fragment. */
export function addressParts(url: URL): { readonly base: string; readonly query: string; readonly fragment: string } {
  const fragment = url.hash;
  const query = url.search;
  const base = url.href.slice(0, url.href.length - fragment.length - query.length);
  return { base, query, fragment };
}

/** Resolves a `?notebook=` value against the page, or returns null for anything not a same-site relative path. */
export function resolveNotebookLink(path: string, page: string): URL | null {
  const trimmed = path.trim();
  // Absolute URLs, scheme-relative `//host` and rooted or backslash paths are refused outright.
  if (!trimmed || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /^[\\/]/.test(trimmed) || trimmed.includes("\\")) return null;
  const url = new URL(trimmed, page);
  return url.origin === new URL(page).origin ? url : null;
}

/**
 * Resolves a declared data file in the folder of the notebook at `notebook` (or below it), or null when it would
 * leave that folder: another site, a rooted path, `../` above the folder (also percent-encoded), a backslash.
 */
export function resolveDataFile(file: string, notebook: URL): URL | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) || /^[\\/]/.test(file) || file.includes("\\")) return null;
  // An encoded slash or backslash is one path segment here, but a server may decode it and climb out.
  if (/%(2f|5c)/i.test(file)) return null;
  const url = new URL(file, notebook);
  const folder = notebook.pathname.slice(0, notebook.pathname.lastIndexOf("/") + 1);
  return url.origin === notebook.origin && url.pathname.startsWith(folder) ? url : null;
}

/** Fetches `url` as a File named `name`, reporting bytes as they arrive. */
export async function fetchFile(
  url: URL,
  name: string,
  onBytes: (read: number, total: number) => void,
  words: { httpStatus(status: number): string; readonly networkFailed: string },
): Promise<File> {
  // fetch's own network error says only "Failed to fetch" (in English): it is said in the page's words instead.
  const response = await fetch(url, { credentials: "same-origin", redirect: "error" }).catch((error: unknown) => {
    throw new Error(words.networkFailed, { cause: error });
  });
  if (!response.ok || !response.body) throw new Error(words.httpStatus(response.status));
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
