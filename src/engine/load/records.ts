// A small quote-aware CSV record splitter for samples: enough to sniff the delimiter, read the
// header as written and count fields per row. DuckDB does the real parsing.

/** One record of a sample: its fields and the 1-based line it starts on. */
export interface SampleRecord {
  readonly fields: string[];
  readonly line: number;
}

/** The quote character and the comment character (absent: no comments) of a dialect. */
export interface Quoting {
  readonly quote?: string;
  readonly comment?: string;
}

/** Records of a sample, and the line of a quote that holds text and is still open at the end of a whole file. */
export type SampleRecords = SampleRecord[] & { readonly unclosedQuote?: number };

/** Splits `text` into records with `delimiter`; drops the last record when the sample is cut short. */
export function splitRecords(
  text: string,
  delimiter: string,
  complete: boolean,
  maxRecords = 2000,
  quoting: Quoting = {},
): SampleRecords {
  const quote = quoting.quote ?? '"';
  const comment = quoting.comment;
  const out: SampleRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let quoteLine = 0;
  let line = 1;
  let start = 1;
  let i = 0;
  const n = text.length;
  while (i < n && out.length < maxRecords) {
    const ch = text[i];
    if (quoted) {
      if (ch === quote) {
        if (text[i + 1] === quote) {
          field += quote;
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === quote && field === "") [quoted, quoteLine] = [true, line];
    else if (ch === comment) {
      // As DuckDB does: the rest of the line is dropped, and a line holding only a comment is no record.
      while (i + 1 < n && text[i + 1] !== "\n" && text[i + 1] !== "\r") i++;
      if (!fields.length && !field.trim()) field = "";
    } else if (ch === delimiter) {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      fields.push(field);
      if (!(fields.length === 1 && fields[0] === "")) out.push({ fields, line: start });
      fields = [];
      field = "";
      if (ch === "\r" && text[i + 1] === "\n") i++;
      line++;
      start = line;
    } else field += ch;
    i++;
  }
  if (i >= n && complete && (field !== "" || fields.length)) {
    fields.push(field);
    out.push({ fields, line: start });
  }
  // A lone quote at the very end holds nothing; one that holds text would swallow it.
  const unclosed = i >= n && complete && quoted && out.length && out[out.length - 1].fields.at(-1) !== "";
  return unclosed ? Object.assign(out, { unclosedQuote: quoteLine }) : out;
}
