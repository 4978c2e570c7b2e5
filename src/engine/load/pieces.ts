// Cutting CSV text into pieces of whole records, so an engine that must copy what it reads into its own
// memory (duckdb-wasm's threaded build) holds one piece at a time instead of the whole file. Pure.

/** What decides where a record ends: newlines outside quoted fields and outside comment lines. */
export interface RecordSyntax {
  /** The quote character (one byte: `"` or `'`). */
  readonly quote: string;
  /** The escape inside quoted fields: the quote itself (doubled) or a backslash. */
  readonly escape: string;
  /** A comment character that hides the rest of its line (quotes in it included). */
  readonly comment?: string;
}

const LF = 10;

/**
 * Follows quoting across chunks and remembers where the last record ended. Every byte is looked at
 * once; a doubled quote toggles twice, so it needs no look-ahead even when split between chunks.
 */
export class RecordScanner {
  private inQuote = false;
  private inComment = false;
  private escaped = false;
  private readonly quote: number;
  private readonly escape: number;
  private readonly comment: number;

  constructor(syntax: RecordSyntax) {
    this.quote = syntax.quote.charCodeAt(0);
    // A doubled quote needs no escape handling: parity does it.
    this.escape = syntax.escape === syntax.quote ? -1 : syntax.escape.charCodeAt(0);
    this.comment = syntax.comment ? syntax.comment.charCodeAt(0) : -1;
  }

  /** Scans `bytes` (the next chunk) and returns the offset just after its last record end, or -1. */
  scan(bytes: Uint8Array): number {
    let cut = -1;
    let { inQuote, inComment, escaped } = this;
    const { quote, escape, comment } = this;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i];
      if (escaped) escaped = false;
      else if (inQuote) {
        if (c === escape) escaped = true;
        else if (c === quote) inQuote = false;
      } else if (c === LF) {
        inComment = false;
        cut = i + 1;
      } else if (inComment) continue;
      else if (c === quote) inQuote = true;
      // As in DuckDB, a comment character outside quotes ends what is read of its line.
      else if (c === comment) inComment = true;
    }
    Object.assign(this, { inQuote, inComment, escaped });
    return cut;
  }
}

/**
 * Regroups `chunks` into pieces of at least `pieceBytes` (the last may be smaller) that each end at a
 * record's end, so each piece is a CSV of its own. A record longer than a piece makes its piece longer.
 */
export async function* recordPieces(
  chunks: AsyncIterable<Uint8Array>,
  pieceBytes: number,
  syntax: RecordSyntax,
): AsyncGenerator<Uint8Array> {
  const scanner = new RecordScanner(syntax);
  let parts: Uint8Array[] = [];
  let total = 0;
  // Where the last record seen ends, counted from the start of `parts`.
  let cut = -1;
  for await (const chunk of chunks) {
    const end = scanner.scan(chunk);
    if (end >= 0) cut = total + end;
    parts.push(chunk);
    total += chunk.length;
    // The first record end at or past the piece size: a piece is never short (the first one is sniffed).
    if (cut < pieceBytes) continue;
    const piece = join(parts, 0, cut);
    // Copied out first: the engine may take the piece's whole buffer over (a transfer detaches it).
    const rest = join(parts, cut, total).slice();
    yield piece;
    parts = rest.length ? [rest] : [];
    total = rest.length;
    cut = -1;
  }
  if (total > 0) yield join(parts, 0, total);
}

/** Bytes `[from, to)` of the concatenation of `parts` (the part itself when one part holds them). */
function join(parts: readonly Uint8Array[], from: number, to: number): Uint8Array {
  let at = 0;
  for (const part of parts) {
    if (from >= at && to <= at + part.length) return part.subarray(from - at, to - at);
    at += part.length;
  }
  const out = new Uint8Array(to - from);
  at = 0;
  for (const part of parts) {
    const start = Math.max(from, at);
    const stop = Math.min(to, at + part.length);
    if (start < stop) out.set(part.subarray(start - at, stop - at), start - from);
    at += part.length;
  }
  return out;
}

/**
 * The escape a sample's quoted fields use: a backslash when `\"` occurs and no quote is doubled inside
 * a value's text (`say ""hi""`; an empty quoted field `""` says nothing either way).
 */
export function sniffEscape(text: string, quote: string): string {
  if (!text.includes(`\\${quote}`)) return quote;
  const doubled = new RegExp(`[^\\s,;|\\\\${quote}]${quote}${quote}`).test(text);
  return doubled ? quote : "\\";
}
