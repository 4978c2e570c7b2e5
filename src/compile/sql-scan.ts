// A small SQL tokenizer: just enough of DuckDB's lexical rules to tell names, `${name}` params and
// statement ends apart from strings and comments. It does not parse SQL; DuckDB checks the rest.
import { compileMessages as m } from "../messages/compile";

/** One token of SQL text; `start`/`end` are offsets in the text. */
export interface SqlToken {
  readonly type: "space" | "comment" | "string" | "ident" | "quoted" | "param" | "number" | "punct";
  readonly start: number;
  readonly end: number;
  /** ident: as written; quoted: the name inside the quotes; param: the name inside `${}`; punct: the character. */
  readonly value: string;
}

/** A lexical error (an unclosed string, comment or quoted name; a malformed `${}`) at an offset. */
export interface SqlScanError {
  readonly message: string;
  readonly offset: number;
}

const IDENT_START = /[A-Za-z_\u0080-\uFFFF]/;
const IDENT_PART = /[A-Za-z0-9_$\u0080-\uFFFF]/;

/** Splits SQL into tokens; stops at the first lexical error. */
export function scanSql(text: string): { tokens: SqlToken[]; error?: SqlScanError } {
  const tokens: SqlToken[] = [];
  let i = 0;
  const push = (type: SqlToken["type"], end: number, value = text.slice(i, end)) => {
    tokens.push({ type, start: i, end, value });
    i = end;
  };
  const fail = (message: string, offset = i) => ({ tokens, error: { message, offset } });

  while (i < text.length) {
    const c = text[i];
    const rest = text.slice(i, i + 2);
    if (/\s/.test(c)) {
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      push("space", j);
    } else if (rest === "--") {
      const nl = text.indexOf("\n", i);
      push("comment", nl === -1 ? text.length : nl);
    } else if (rest === "/*") {
      // Block comments nest in DuckDB (as in PostgreSQL).
      let depth = 0;
      let j = i;
      while (j < text.length) {
        if (text.startsWith("/*", j)) {
          depth++;
          j += 2;
        } else if (text.startsWith("*/", j)) {
          j += 2;
          if (--depth === 0) break;
        } else j++;
      }
      if (depth > 0) return fail(m.unclosedComment());
      push("comment", j);
    } else if (c === "'") {
      const end = closeQuote(text, i, "'", false);
      if (end === -1) return fail(m.unclosedString());
      push("string", end);
    } else if (c === '"') {
      const end = closeQuote(text, i, '"', false);
      if (end === -1) return fail(m.unclosedIdentifier());
      push("quoted", end, text.slice(i + 1, end - 1).replace(/""/g, '"'));
    } else if (c === "$") {
      if (text[i + 1] === "{") {
        const param = /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/.exec(text.slice(i));
        if (!param) return fail(m.badParam());
        push("param", i + param[0].length, param[1]);
        continue;
      }
      const tag = /^\$(?:[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_\u0080-\uFFFF]*)?\$/.exec(text.slice(i));
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        if (close === -1) return fail(m.unclosedDollar(tag[0]));
        push("string", close + tag[0].length);
        continue;
      }
      // $1 and $name are DuckDB's own placeholders; cells bind values only through ${name}.
      const placeholder = /^\$[A-Za-z0-9_]+/.exec(text.slice(i));
      if (placeholder) return fail(m.placeholder(placeholder[0]));
      push("punct", i + 1);
    } else if (c === "?") {
      return fail(m.placeholder("?"));
    } else if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < text.length && IDENT_PART.test(text[j])) j++;
      // E'...' is a string with backslash escapes, not the name "e" followed by a string.
      if (j === i + 1 && (c === "e" || c === "E") && text[j] === "'") {
        const end = closeQuote(text, j, "'", true);
        if (end === -1) return fail(m.unclosedString());
        push("string", end);
      } else push("ident", j);
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[0-9A-Za-z_.]/.test(text[j])) j++;
      push("number", j);
    } else {
      push("punct", i + 1);
    }
  }
  return { tokens };
}

/** The offset just past the quote closing the one at `start` (doubled quotes are escapes), or -1. */
function closeQuote(text: string, start: number, quote: string, backslash: boolean): number {
  let j = start + 1;
  while (j < text.length) {
    if (backslash && text[j] === "\\") j += 2;
    else if (text[j] === quote) {
      if (text[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return -1;
}
