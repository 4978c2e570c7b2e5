// The placeholders a Markdown cell's computed values hold their place with while the prose is parsed
// and sanitized: plain digits and letters, which Markdown, URL encoding and DOMPurify leave as they are,
// led by a digit (so `<${x}>` is no tag and `${x}:` no scheme), with a random part the notebook cannot
// know (so its own text can never pose as a value).

/** Prose with placeholders, and how to find them again in the rendered tree. */
export interface PlaceholderTemplate {
  /** The Markdown to parse: the pieces joined by placeholders. */
  readonly markdown: string;
  /** Matches one placeholder; group 1 is the index of its value. Global: reset `lastIndex` before reuse. */
  readonly pattern: RegExp;
}

/** A fresh random part for one render (hex, so the placeholder stays letters and digits). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Joins `pieces` with placeholders `0cbv<nonce>v<index>v` for the values between them. */
export function placeholderTemplate(pieces: readonly string[], nonce: string = newNonce()): PlaceholderTemplate {
  const markdown = pieces.map((piece, i) => (i === 0 ? piece : `0cbv${nonce}v${i - 1}v${piece}`)).join("");
  return { markdown, pattern: new RegExp(`0cbv${nonce}v(\\d+)v`, "g") };
}
