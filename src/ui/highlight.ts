// Highlighting for the static code a cell shows until its editor is focused: a small tokenizer for SQL and
// TypeScript (comments, strings, numbers, keywords, literals) drawn in the editor's colours, so that code is
// readable at once and CodeMirror (a chunk of its own) is fetched only when someone edits.

/** A run of text and its kind (undefined: plain). */
export interface Token {
  readonly text: string;
  readonly kind?: "keyword" | "string" | "number" | "comment" | "atom" | "type";
}

/** The languages highlighted ("none" stays plain, as in the editor). */
export type HighlightLanguage = "sql" | "ts" | "none";

const SQL_KEYWORDS = new Set(
  (
    "select from where group by order having limit offset join left right full outer inner cross on using as " +
    "and or not in is between like ilike case when then else end distinct all union except intersect with " +
    "recursive over partition rows window filter asc desc nulls first last insert into values update set " +
    "delete create table view temp temporary replace drop alter if exists cast try_cast qualify pivot unpivot " +
    "interval date timestamp time any some exclude lateral natural within describe summarize copy to"
  ).split(" "),
);
const SQL_ATOMS = new Set(["true", "false", "null"]);
const TS_KEYWORDS = new Set(
  (
    "const let var function return if else for while do break continue switch case default new delete typeof " +
    "instanceof in of class extends implements interface type enum import export from as async await yield " +
    "throw try catch finally this super void keyof readonly declare namespace satisfies"
  ).split(" "),
);
const TS_ATOMS = new Set(["true", "false", "null", "undefined", "NaN", "Infinity"]);
const TS_TYPES = new Set(["number", "string", "boolean", "unknown", "any", "never", "object", "bigint", "symbol"]);

// One alternation per language; the first matching group names the token. Unknown characters pass as plain.
const COMMENT_BLOCK = String.raw`\/\*[\s\S]*?(?:\*\/|$)`;
const SQL_PATTERN = new RegExp(
  [
    String.raw`(--[^\n]*|${COMMENT_BLOCK})`,
    String.raw`('(?:[^']|'')*'?)`,
    String.raw`(\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b)`,
    String.raw`([A-Za-z_]\w*|"(?:[^"]|"")*"?)`,
  ].join("|"),
  "gy",
);
const TS_PATTERN = new RegExp(
  [
    String.raw`(\/\/[^\n]*|${COMMENT_BLOCK})`,
    // \x60 is the backtick of a template string (a literal one would end this template).
    String.raw`('(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?|\x60(?:[^\x60\\]|\\[\s\S])*\x60?)`,
    String.raw`(\b\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?n?\b)`,
    String.raw`([A-Za-z_$][\w$]*)`,
  ].join("|"),
  "gy",
);

function wordKind(word: string, language: "sql" | "ts"): Token["kind"] {
  if (language === "sql") {
    const lower = word.toLowerCase();
    return SQL_KEYWORDS.has(lower) ? "keyword" : SQL_ATOMS.has(lower) ? "atom" : undefined;
  }
  if (TS_KEYWORDS.has(word)) return "keyword";
  if (TS_ATOMS.has(word)) return "atom";
  return TS_TYPES.has(word) ? "type" : undefined;
}

/** Splits `text` into tokens of `language`; joined, their texts are `text` exactly. */
export function tokenize(text: string, language: HighlightLanguage): Token[] {
  if (language === "none") return text ? [{ text }] : [];
  const pattern = language === "sql" ? SQL_PATTERN : TS_PATTERN;
  const out: Token[] = [];
  let plain = "";
  const push = (token: Token) => {
    if (plain) out.push({ text: plain });
    plain = "";
    out.push(token);
  };
  for (let at = 0; at < text.length;) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m) {
      plain += text[at++];
      continue;
    }
    const [all, comment, string, number, word] = m;
    if (comment !== undefined) push({ text: all, kind: "comment" });
    else if (string !== undefined) push({ text: all, kind: "string" });
    else if (number !== undefined) push({ text: all, kind: "number" });
    // A quoted SQL name is a name, never a keyword (and no comment starts inside it).
    const kind = word === undefined || word.startsWith('"') ? undefined : wordKind(word, language);
    if (word !== undefined && kind) push({ text: all, kind });
    else if (word !== undefined) plain += all;
    at += all.length;
  }
  if (plain) out.push({ text: plain });
  return out;
}

/** Splits tokens at line breaks: one array of tokens per line of the text. */
export function tokenLines(tokens: readonly Token[]): Token[][] {
  const lines: Token[][] = [[]];
  for (const token of tokens) {
    token.text.split("\n").forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ ...token, text: part });
    });
  }
  return lines;
}

/** Where a cell error points in `text` (1-based line, column): the word there, as the editor marks it. */
export function errorWord(
  text: string,
  line: number | undefined,
  column: number | undefined,
): { line: number; from: number; to: number } | undefined {
  const lines = text.split("\n");
  if (line === undefined || line < 1 || line > lines.length) return undefined;
  const content = lines[line - 1];
  const from = Math.min(Math.max(0, (column ?? 1) - 1), content.length);
  const word = /^[\w$."]+/.exec(content.slice(from))?.[0].length ?? 0;
  if (word > 0) return { line, from, to: from + word };
  if (from < content.length) return { line, from, to: from + 1 };
  return content.length > 0 ? { line, from: content.length - 1, to: content.length } : undefined;
}
