// The notebooks shipped with the app, known by path and by the SHA-256 of their text (computed at build
// time, vite.config.ts): a fetched notebook is trusted only when its text is exactly one of these, and a
// notebook link may only point at one of their paths. Only the hashes ship, not the texts (33 KB gzip).
import shippedHashes from "virtual:shipped-notebooks";

/** The paths a `?notebook=` link may name (`notebooks/<file>.md`). */
export const shippedPaths: ReadonlySet<string> = new Set(Object.keys(shippedHashes));

const hashes = new Set(Object.values(shippedHashes));

/** Whether `text` is exactly the text of a shipped notebook (false where the page has no Web Crypto). */
export async function isShippedText(text: string): Promise<boolean> {
  // Web Crypto exists only in secure contexts: elsewhere the notebook opens as foreign, never trusted.
  if (!globalThis.crypto?.subtle) return false;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return hashes.has([...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join(""));
}
