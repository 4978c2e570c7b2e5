// The statements notebook SQL may not run, whatever the DuckDB settings allow: anything that writes,
// exports or imports files or loads code. DuckDB runs one statement per query here, so its first
// keyword decides; the check errs towards refusing when the text is ambiguous.
import { nestedComment, statementRefused } from "../messages/engine";
import { EngineError } from "./engine";

// PREPARE/EXECUTE could run a refused statement later; the rest touch files or load code.
const words = ["copy", "export", "import", "attach", "detach", "install", "load", "force", "prepare", "execute"];
const refused = new Set(words);
const anyRefused = new RegExp(`\\b(${words.join("|")})\\b`, "i");

/** Throws an EngineError when `sql` is a statement notebook SQL may not run. */
export function checkStatement(sql: string): void {
  const first = firstKeyword(sql);
  if (!first) return;
  if (first.word === "/*") throw new EngineError(nestedComment(), first.at);
  if (refused.has(first.word)) throw new EngineError(statementRefused(first.word), first.at);
  // EXPLAIN ANALYZE runs the statement it explains: any refused word anywhere in it refuses it.
  if (first.word === "explain") {
    const hit = anyRefused.exec(sql);
    if (hit) throw new EngineError(statementRefused(hit[1]), hit.index);
  }
}

/** The first keyword (lower-cased) and its offset, after whitespace, comments, `;` and `(`. */
function firstKeyword(sql: string): { word: string; at: number } | undefined {
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/[\s;(]/.test(c)) i++;
    else if (sql.startsWith("--", i)) {
      // DuckDB's line comments end at either line-break character.
      const end = sql.slice(i).search(/[\n\r]/);
      if (end < 0) return undefined;
      i += end + 1;
    } else if (sql.startsWith("/*", i)) {
      const end = sql.indexOf("*/", i + 2);
      if (end < 0) return undefined;
      // Lexers disagree on nested comments; a comment holding `/*` hides what follows from one of them.
      if (sql.slice(i + 2, end).includes("/*")) return { word: "/*", at: i };
      i = end + 2;
    } else break;
  }
  const word = /^[A-Za-z_]+/.exec(sql.slice(i));
  return word ? { word: word[0].toLowerCase(), at: i } : undefined;
}
