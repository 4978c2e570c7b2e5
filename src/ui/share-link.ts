// Share links from the workbench: making one from the notebook as it would be saved, and opening one
// as a foreign notebook. The link code loads only when a link is made or opened.
import type { Workbench } from "./workbench.svelte";

/** A share link for the current notebook, or why there is none (`offerFile`: too long, save a file instead). */
export type MadeLink = { readonly url: string } | { readonly error: string; readonly offerFile: boolean };

/** The share link of the notebook's saved text, on this page's address without its query or fragment. */
export async function makeShareLink(bench: Workbench, location: Location): Promise<MadeLink> {
  const { encodeShareLink, ShareLinkError } = await import("../share/link");
  try {
    return { url: encodeShareLink(bench.save(), location.origin + location.pathname) };
  } catch (error) {
    if (error instanceof ShareLinkError) return { error: error.message, offerFile: error.offerFile };
    throw error;
  }
}

/**
 * Opens the notebook in a share link untrusted (its source shows, it runs on the user's word, and its
 * declared data files are asked for); a cut or foreign link leaves the current notebook and says why.
 */
export async function openShareLink(bench: Workbench, href: string): Promise<boolean> {
  const { decodeShareLink, isShareLink } = await import("../share/link");
  if (!isShareLink(href)) return false;
  let text: string;
  try {
    text = decodeShareLink(href).text;
  } catch (error) {
    bench.notify(error instanceof Error ? error.message : String(error));
    return false;
  }
  return bench.openText(text, "shared-notebook.md", false);
}
