// The share link: a notebook's text (never its data) compressed into the URL fragment, which browsers
// never send to a server. zlib's checksum makes a cut or altered link fail instead of opening half a notebook.
import { strFromU8, strToU8, unzlibSync, zlibSync } from "fflate";
import { NotebookError } from "../notebook/errors";
import { parseNotebook } from "../notebook/parse";
import type { Notebook } from "../notebook/types";
import { shareMessages as m } from "../messages/share";

/**
 * The longest link made, in characters. Browsers accept far more, but chat and mail programs cut long
 * links; all example notebooks fit (the longest, market-review.md, needs about 31,000).
 */
export const SHARE_LINK_MAX_LENGTH = 60_000;

/** The fragment key that marks a share link. */
const KEY = "#nb=";

/** A link that cannot be made or opened; the message says why and what to do instead. */
export class ShareLinkError extends Error {
  override readonly name = "ShareLinkError";
  /** True when the notebook is too long for a link and a file should be offered instead. */
  readonly offerFile: boolean;
  constructor(message: string, offerFile = false) {
    super(message);
    this.offerFile = offerFile;
  }
}

/** `baseUrl` (its own fragment dropped) with the notebook text compressed into `#nb=...`; throws when too long. */
export function encodeShareLink(notebookText: string, baseUrl: string): string {
  const base = baseUrl.split("#")[0];
  const url = base + KEY + toBase64Url(zlibSync(strToU8(notebookText), { level: 9 }));
  if (url.length > SHARE_LINK_MAX_LENGTH) throw new ShareLinkError(m.tooLong(url.length, SHARE_LINK_MAX_LENGTH), true);
  return url;
}

/** Whether `url` carries a notebook in its fragment (so the app should open it rather than its default). */
export function isShareLink(url: string): boolean {
  const hash = url.indexOf("#");
  return hash >= 0 && url.startsWith(KEY, hash);
}

/** The notebook text in a share link, checked to be a readable notebook; throws a ShareLinkError otherwise. */
export function decodeShareLink(url: string): { text: string; notebook: Notebook } {
  if (!isShareLink(url)) throw new ShareLinkError(m.noNotebook());
  // Up to any later parameter a messenger may have appended, as in `#nb=...&utm=...`.
  const payload = url.slice(url.indexOf("#") + KEY.length).split("&")[0];
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) throw new ShareLinkError(payload ? m.badCharacters() : m.cut());
  let bytes: Uint8Array;
  try {
    const packed = fromBase64Url(payload);
    bytes = unzlibSync(packed);
    // fflate does not check the stream's Adler-32 trailer; a changed character must not slip through.
    if (new DataView(packed.buffer, packed.byteOffset + packed.length - 4).getUint32(0) !== adler32(bytes))
      throw new Error("checksum");
  } catch {
    throw new ShareLinkError(m.cut());
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ShareLinkError(m.notText());
  }
  if (text.includes("\0")) throw new ShareLinkError(m.notText());
  try {
    return { text, notebook: parseNotebook(text) };
  } catch (e) {
    if (e instanceof NotebookError) throw new ShareLinkError(m.notNotebook(e.line, e.message));
    throw e;
  }
}

/** The zlib checksum (RFC 1950) of `bytes`. */
function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length;) {
    // 5552 bytes is the most that can be summed before the 32-bit sums must be reduced.
    const end = Math.min(i + 5552, bytes.length);
    for (; i < end; i++) b += a += bytes[i];
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function toBase64Url(bytes: Uint8Array): string {
  // strFromU8(…, true) is a byte-per-character string, which btoa takes; it is in browsers and Node 20.
  return btoa(strFromU8(bytes, true)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  // A length of 1 mod 4 cannot come from any byte string: the link lost characters.
  if (b64.length % 4 === 1) throw new Error("cut");
  return strToU8(atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4)), true);
}
