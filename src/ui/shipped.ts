// The notebooks shipped with the app, embedded at build time: a fetched notebook is trusted only when
// its text is exactly one of these, and a notebook link may only point at one of their paths.

/** Shipped notebooks by the path a `?notebook=` link names (`notebooks/<file>.md`), with their text. */
export const shippedNotebooks: ReadonlyMap<string, string> = new Map(
  Object.entries(import.meta.glob<string>("/notebooks/*.md", { query: "?raw", import: "default", eager: true })).map(
    ([path, text]) => [path.slice(1), text],
  ),
);
