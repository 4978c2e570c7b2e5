// Turns DuckDB's error text into an EngineError: the message without DuckDB's `LINE n:` excerpt,
// and the excerpt's caret converted to a 0-based offset into the SQL text.
import { EngineError } from "./engine";

/** Converts anything a DuckDB binding threw into an EngineError with the position when DuckDB gave one. */
export function toEngineError(error: unknown, sql: string): EngineError {
  if (error instanceof EngineError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const structured = parseStructured(raw);
  const text = structured?.text ?? raw;
  const cut = text.indexOf("\n\nLINE ");
  const message = (cut >= 0 ? text.slice(0, cut) : text).trim();
  return new EngineError(message, structured?.position ?? positionIn(text, sql));
}

// duckdb-wasm reports errors of streamed queries as JSON with the exact character position.
function parseStructured(raw: string): { text: string; position?: number } | undefined {
  if (!raw.startsWith("{")) return undefined;
  try {
    const e = JSON.parse(raw) as { exception_type?: string; exception_message?: string; position?: string };
    if (typeof e.exception_message !== "string") return undefined;
    const position = e.position === undefined ? undefined : Number(e.position);
    return {
      text: `${e.exception_type ? `${e.exception_type} Error: ` : ""}${e.exception_message}`,
      position: position !== undefined && Number.isFinite(position) ? position : undefined,
    };
  } catch {
    return undefined;
  }
}

/** The 0-based offset into `sql` that DuckDB's `LINE n: ...` + caret excerpt points at, if any. */
export function positionIn(text: string, sql: string): number | undefined {
  const match = /LINE (\d+): (.*)\n( *)\^/.exec(text);
  if (!match) return nearToken(text, sql);
  const lineNo = Number(match[1]);
  const prefix = `LINE ${match[1]}: `.length;
  let excerpt = match[2];
  let caret = match[3].length - prefix;
  // DuckDB shortens long lines to a window around the error, marked with "...".
  if (excerpt.startsWith("...")) {
    excerpt = excerpt.slice(3);
    caret -= 3;
  }
  if (excerpt.endsWith("...")) excerpt = excerpt.slice(0, -3);
  const lines = sql.split("\n");
  if (lineNo < 1 || lineNo > lines.length) return undefined;
  let lineStart = 0;
  for (let i = 0; i < lineNo - 1; i++) lineStart += lines[i].length + 1;
  const line = lines[lineNo - 1].replace(/\r$/, "");
  // DuckDB prints tabs and newlines in the excerpt as spaces; compare on that form.
  const at = excerpt ? line.replace(/\s/g, " ").indexOf(excerpt.replace(/\s/g, " ")) : 0;
  if (at < 0 || caret < 0) return undefined;
  return Math.min(lineStart + at + caret, sql.length);
}

// duckdb-wasm leaves the excerpt out of some parser errors; `at or near "x"` still locates them
// when the token occurs exactly once.
function nearToken(text: string, sql: string): number | undefined {
  const token = /at or near "([^"]+)"/.exec(text)?.[1];
  if (!token) return undefined;
  const at = sql.indexOf(token);
  return at >= 0 && sql.indexOf(token, at + 1) < 0 ? at : undefined;
}
