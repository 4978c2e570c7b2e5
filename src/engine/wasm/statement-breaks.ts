// Whether a SQL text may hold more than one statement, read without DuckDB: duckdb-wasm's `send` runs every
// statement in a text, so a text that may hold several is counted by DuckDB's parser first (a worker round trip
// that binds the whole statement: 40-80 ms for a recipe's cell). A `;` in a comment or a string is no break.

/**
 * Whether `sql` may hold more than one statement: a `;` outside comments, strings and quoted names with more than
 * whitespace after it, or a PIVOT (DuckDB makes one without an IN list two statements). Errs towards "may": any
 * `$` outside a string (dollar quoting), a `\'` in a string (an escape string, `E'\''`), a comment holding `/*`
 * (lexers disagree on nesting) and an unclosed string or comment answer true.
 */
export function mayHoldMany(sql: string): boolean {
  if (/\bpivot\b/i.test(sql)) return true;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "-" && sql[i + 1] === "-") {
      // DuckDB's line comments end at either line-break character.
      const end = sql.slice(i).search(/[\n\r]/);
      if (end < 0) return false;
      i += end + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      if (end < 0 || sql.slice(i + 2, end).includes("/*")) return true;
      i = end + 2;
    } else if (c === "'" || c === '"') {
      const end = closingQuote(sql, i);
      if (end < 0) return true;
      i = end + 1;
    } else if (c === "$") return true;
    else if (c === ";") {
      if (sql.slice(i + 1).trim() !== "") return true;
      i++;
    } else i++;
  }
  return false;
}

// The index of the quote that closes the string or quoted name opened at `start` (a doubled quote stays inside),
// or -1: unclosed, or a backslash before a quote, which an escape string (`E'...'`) reads as an escape.
function closingQuote(sql: string, start: number): number {
  const quote = sql[start];
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] === "\\" && sql[i + 1] === quote) return -1;
    if (sql[i] !== quote) continue;
    if (sql[i + 1] === quote) i++;
    else return i;
  }
  return -1;
}
