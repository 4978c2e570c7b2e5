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
  /** Record ends (newlines outside quotes) scanned so far. */
  records = 0;
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

  /**
   * Scans `bytes` from `from` on and stops just after the first record end at or past `min`, returning
   * that offset; -1 when there is none (all of `bytes` scanned). The next call goes on from there.
   */
  scan(bytes: Uint8Array, from = 0, min = from): number {
    let { inQuote, inComment, escaped } = this;
    const { quote, escape, comment } = this;
    let cut = -1;
    for (let i = from; i < bytes.length; i++) {
      const c = bytes[i];
      if (escaped) escaped = false;
      else if (inQuote) {
        if (c === escape) escaped = true;
        else if (c === quote) inQuote = false;
      } else if (c === LF) {
        inComment = false;
        this.records++;
        if (i + 1 >= min) {
          cut = i + 1;
          break;
        }
      } else if (inComment) continue;
      else if (c === quote) inQuote = true;
      // As in DuckDB, a comment character outside quotes ends what is read of its line.
      else if (c === comment) inComment = true;
    }
    Object.assign(this, { inQuote, inComment, escaped });
    return cut;
  }
}

/** A piece of CSV text and how many lines (records, as DuckDB numbers them) came before it. */
export interface Piece {
  readonly bytes: Uint8Array;
  readonly linesBefore: number;
}

/**
 * Regroups `chunks` into pieces that each end at the first record end at or past `pieceBytes` (the last
 * may be smaller), so each piece is a CSV of its own. A record longer than a piece makes its piece longer.
 */
export async function* recordPieces(
  chunks: AsyncIterable<Uint8Array>,
  pieceBytes: number,
  syntax: RecordSyntax,
): AsyncGenerator<Piece> {
  const scanner = new RecordScanner(syntax);
  let parts: Uint8Array[] = [];
  let total = 0;
  let linesBefore = 0;
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.length;) {
      const end = scanner.scan(chunk, at, at + Math.max(0, pieceBytes - total));
      if (end < 0) {
        parts.push(chunk.subarray(at));
        total += chunk.length - at;
        break;
      }
      parts.push(chunk.subarray(at, end));
      yield { bytes: owned(join(parts, total + end - at)), linesBefore };
      linesBefore = scanner.records;
      parts = [];
      total = 0;
      at = end;
    }
  }
  if (total > 0) yield { bytes: owned(join(parts, total)), linesBefore };
}

// The engine may take a piece's whole buffer over (a transfer detaches it): a view into a chunk still
// being cut is copied out first.
const owned = (bytes: Uint8Array) => (bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice());

/** The concatenation of `parts` (`total` bytes): the part itself when there is one, not a second copy. */
export function join(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
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
